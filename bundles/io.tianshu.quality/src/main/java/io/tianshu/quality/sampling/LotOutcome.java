package io.tianshu.quality.sampling;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The result of original inspection of one lot (resubmitted lots do not count for switching), with
 * what the switching rules need from its plan.
 *
 * @param acceptance Ac of the plan used
 * @param rejection Re of the plan used
 * @param defects nonconforming items (or nonconformities) found
 * @param tighterAcceptance for normal plans with Ac >= 2: Ac of the normal plan one AQL step
 *     tighter (same code letter), for the switching score; empty otherwise
 */
public record LotOutcome(
    int acceptance, int rejection, int defects, OptionalInt tighterAcceptance) {

  /** Validates. */
  public LotOutcome {
    Objects.requireNonNull(tighterAcceptance, "tighterAcceptance");
    if (acceptance < 0 || rejection <= acceptance) {
      throw new IllegalArgumentException(
          "need 0 <= Ac < Re, got Ac " + acceptance + " Re " + rejection);
    }
    if (defects < 0) {
      throw new IllegalArgumentException("defects must be >= 0, was " + defects);
    }
    if (tighterAcceptance.isPresent()
        && (tighterAcceptance.getAsInt() < 0 || tighterAcceptance.getAsInt() >= acceptance)) {
      throw new IllegalArgumentException(
          "the tighter acceptance number must be in 0.."
              + (acceptance - 1)
              + ", was "
              + tighterAcceptance.getAsInt());
    }
  }

  /**
   * The outcome of a lot inspected with a plan from {@link SamplingPlans}; for a normal plan with
   * Ac >= 2 the tighter acceptance number is looked up in the normal table.
   *
   * @param plan the plan used
   * @param aql the AQL the plan was chosen for
   * @param defects the count found
   * @return the outcome
   */
  public static LotOutcome of(SamplingPlan plan, Aql aql, int defects) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(aql, "aql");
    OptionalInt tighter = OptionalInt.empty();
    if (plan.acceptance() >= 2
        && plan.severity().orElse(null) == Severity.NORMAL
        && plan.codeLetter().isPresent()) {
      tighter = OptionalInt.of(SamplingPlans.tighterAcceptance(plan.codeLetter().get(), aql));
    }
    return new LotOutcome(plan.acceptance(), plan.rejection(), defects, tighter);
  }

  /**
   * The judgement of the lot against Ac and Re.
   *
   * @return the judgement
   */
  public LotJudgement judgement() {
    if (defects <= acceptance) {
      return new LotJudgement(Disposition.ACCEPT, defects, false);
    }
    if (defects >= rejection) {
      return new LotJudgement(Disposition.REJECT, defects, false);
    }
    return new LotJudgement(Disposition.ACCEPT, defects, true);
  }
}
