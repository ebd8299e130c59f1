package io.tianshu.quality.sampling;

import java.util.Objects;
import java.util.Optional;

/**
 * A single sampling plan: inspect {@code sampleSize} items, accept the lot with at most {@code
 * acceptance} nonconforming, reject it with {@code rejection} or more. Normal and tightened plans
 * have {@code rejection = acceptance + 1}; MIL-STD-105E reduced plans may leave a gap, where the
 * lot is accepted but normal inspection is reinstated.
 *
 * @param codeLetter the code letter of the master table row the plan came from, after arrows (empty
 *     for fixed and 100 % plans)
 * @param severity the table the plan came from (empty for fixed and 100 % plans)
 * @param sampleSize the number of items to inspect, >= 1
 * @param acceptance Ac, >= 0
 * @param rejection Re, > Ac
 * @param hundredPercent true if every item of the lot is inspected (the plan's sample size reached
 *     or exceeded the lot size, or a 100 % plan was asked for); {@code sampleSize} is then the lot
 *     size
 */
public record SamplingPlan(
    Optional<CodeLetter> codeLetter,
    Optional<Severity> severity,
    int sampleSize,
    int acceptance,
    int rejection,
    boolean hundredPercent) {

  /** Validates. */
  public SamplingPlan {
    Objects.requireNonNull(codeLetter, "codeLetter");
    Objects.requireNonNull(severity, "severity");
    if (sampleSize < 1) {
      throw new IllegalArgumentException("sample size must be >= 1, was " + sampleSize);
    }
    if (acceptance < 0) {
      throw new IllegalArgumentException("acceptance number must be >= 0, was " + acceptance);
    }
    if (rejection <= acceptance) {
      throw new IllegalArgumentException(
          "rejection number " + rejection + " must exceed the acceptance number " + acceptance);
    }
    if (codeLetter.isPresent() != severity.isPresent()) {
      throw new IllegalArgumentException("code letter and severity come together or not at all");
    }
  }

  /**
   * A plan with a fixed sample size, not taken from the master tables.
   *
   * @param sampleSize n >= 1
   * @param acceptance Ac >= 0
   * @param rejection Re > Ac
   * @return the plan
   */
  public static SamplingPlan fixed(int sampleSize, int acceptance, int rejection) {
    return new SamplingPlan(
        Optional.empty(), Optional.empty(), sampleSize, acceptance, rejection, false);
  }

  /**
   * Inspect every item; any nonconforming item rejects the lot (Ac 0, Re 1).
   *
   * @param lotSize the lot size, >= 1
   * @return the plan
   */
  public static SamplingPlan hundredPercent(int lotSize) {
    if (lotSize < 1) {
      throw new IllegalArgumentException("lot size must be >= 1, was " + lotSize);
    }
    return new SamplingPlan(Optional.empty(), Optional.empty(), lotSize, 0, 1, true);
  }

  /**
   * Judges a lot from the number of nonconforming items (or nonconformities) found in the sample.
   * At most Ac: accept. At least Re: reject. In between (only reduced plans have a gap): accept,
   * and normal inspection is to be reinstated.
   *
   * @param defects the count found, 0..sampleSize for nonconforming items (nonconformities per 100
   *     items may exceed the sample size, so only >= 0 is checked)
   * @return the judgement
   */
  public LotJudgement judge(int defects) {
    if (defects < 0) {
      throw new IllegalArgumentException("defects must be >= 0, was " + defects);
    }
    if (defects <= acceptance) {
      return new LotJudgement(Disposition.ACCEPT, defects, false);
    }
    if (defects >= rejection) {
      return new LotJudgement(Disposition.REJECT, defects, false);
    }
    return new LotJudgement(Disposition.ACCEPT, defects, true);
  }
}
