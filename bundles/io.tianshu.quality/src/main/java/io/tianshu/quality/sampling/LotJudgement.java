package io.tianshu.quality.sampling;

import java.util.Objects;

/**
 * The judgement of one lot against its plan.
 *
 * @param disposition accepted or not
 * @param defects the number of nonconforming items (or nonconformities) found in the sample
 * @param reinstateNormal true when a reduced plan with a gap between Ac and Re found Ac &lt; d &lt;
 *     Re: the lot is accepted but normal inspection must be reinstated (MIL-STD-105E 10.1.4 and
 *     8.3.4 b)
 */
public record LotJudgement(Disposition disposition, int defects, boolean reinstateNormal) {

  /** Validates. */
  public LotJudgement {
    Objects.requireNonNull(disposition, "disposition");
    if (defects < 0) {
      throw new IllegalArgumentException("defects must be >= 0, was " + defects);
    }
    if (reinstateNormal && disposition != Disposition.ACCEPT) {
      throw new IllegalArgumentException(
          "only an accepted lot can carry the reinstate-normal flag");
    }
  }

  /**
   * Whether the lot is accepted.
   *
   * @return true if accepted
   */
  public boolean accepted() {
    return disposition == Disposition.ACCEPT;
  }
}
