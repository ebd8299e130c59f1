package io.tianshu.quality.sampling;

import java.util.Objects;

/**
 * What the switching rules need to remember between lots, for one supplier and product (and one
 * class of nonconformity): small, plain and meant to be persisted as is.
 *
 * @param severity the severity in force for the next lot
 * @param discontinued true once 5 lots were not accepted on tightened inspection (ISO 2859-1:1999
 *     9.4); no lot is judged until {@link SwitchingRules#resume}
 * @param normalHistory the last up to 4 lots on original normal inspection, one bit each, bit 0 the
 *     most recent, 1 = not accepted; 0..15 (with the current lot this is the window of 5 for the
 *     normal to tightened rule)
 * @param tightenedAcceptedInRow consecutive lots accepted on original tightened inspection, 0..4
 * @param tightenedRejectedTotal lots not accepted since tightened inspection started, 0..5
 * @param switchingScore the switching score of ISO 2859-1:1999 9.3.3.2, >= 0, kept on normal
 *     inspection only
 */
public record SwitchingState(
    Severity severity,
    boolean discontinued,
    int normalHistory,
    int tightenedAcceptedInRow,
    int tightenedRejectedTotal,
    int switchingScore) {

  /** Validates ranges and that counters belong to the severity they are kept for. */
  public SwitchingState {
    Objects.requireNonNull(severity, "severity");
    if (normalHistory < 0 || normalHistory > 0b1111) {
      throw new IllegalArgumentException("normal history must be 0..15, was " + normalHistory);
    }
    if (tightenedAcceptedInRow < 0 || tightenedAcceptedInRow > 4) {
      throw new IllegalArgumentException(
          "tightened accepted-in-a-row must be 0..4, was " + tightenedAcceptedInRow);
    }
    if (tightenedRejectedTotal < 0 || tightenedRejectedTotal > 5) {
      throw new IllegalArgumentException(
          "tightened rejected total must be 0..5, was " + tightenedRejectedTotal);
    }
    if (switchingScore < 0) {
      throw new IllegalArgumentException("switching score must be >= 0, was " + switchingScore);
    }
    if (severity != Severity.NORMAL && (normalHistory != 0 || switchingScore != 0)) {
      throw new IllegalArgumentException(
          "normal history and switching score are kept on normal inspection only");
    }
    if (severity != Severity.TIGHTENED
        && (tightenedAcceptedInRow != 0 || tightenedRejectedTotal != 0)) {
      throw new IllegalArgumentException(
          "tightened counters are kept on tightened inspection only");
    }
    if (discontinued != (tightenedRejectedTotal == 5)) {
      throw new IllegalArgumentException(
          "inspection is discontinued exactly when 5 lots were not accepted on tightened inspection");
    }
  }

  /**
   * The start of inspection: normal (ISO 2859-1:1999 9.2), score 0.
   *
   * @return the initial state
   */
  public static SwitchingState initial() {
    return normal();
  }

  static SwitchingState normal() {
    return new SwitchingState(Severity.NORMAL, false, 0, 0, 0, 0);
  }

  static SwitchingState tightened() {
    return new SwitchingState(Severity.TIGHTENED, false, 0, 0, 0, 0);
  }

  static SwitchingState reduced() {
    return new SwitchingState(Severity.REDUCED, false, 0, 0, 0, 0);
  }
}
