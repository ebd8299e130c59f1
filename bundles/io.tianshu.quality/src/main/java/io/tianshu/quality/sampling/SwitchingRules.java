package io.tianshu.quality.sampling;

import java.util.Objects;
import java.util.Optional;

/**
 * The switching rules of ISO 2859-1:1999 clause 9 (GB/T 2828.1 clause 9) as a state machine over
 * {@link SwitchingState}. Feed the outcome of each lot's original inspection, in order; resubmitted
 * lots are not fed. Clause numbers below are those of ISO 2859-1:1999.
 */
public final class SwitchingRules {

  private SwitchingRules() {}

  // 9.3.3.1 a: reduced inspection needs a switching score of at least 30.
  static final int SCORE_FOR_REDUCED = 30;

  /**
   * The state after one lot.
   *
   * @param state the state before the lot (not discontinued)
   * @param outcome the lot's original inspection
   * @param conditions production and authority facts at the time of the lot
   * @return the new state with the reason for any change
   */
  public static Transition next(
      SwitchingState state, LotOutcome outcome, SwitchingConditions conditions) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(conditions, "conditions");
    if (state.discontinued()) {
      throw new IllegalArgumentException(
          "inspection is discontinued (9.4); resume it before judging further lots");
    }
    LotJudgement j = outcome.judgement();
    return switch (state.severity()) {
      case NORMAL -> onNormal(state, outcome, j, conditions);
      case TIGHTENED -> onTightened(state, j);
      case REDUCED -> onReduced(j, conditions);
    };
  }

  /**
   * Resumes discontinued inspection once the supplier's corrective action is accepted as effective:
   * tightened inspection, counters restarted (9.4).
   *
   * @param state a discontinued state
   * @return tightened inspection
   */
  public static Transition resume(SwitchingState state) {
    Objects.requireNonNull(state, "state");
    if (!state.discontinued()) {
      throw new IllegalArgumentException("only discontinued inspection can be resumed");
    }
    return new Transition(
        SwitchingState.tightened(),
        TransitionReason.RESUMED_TIGHTENED,
        Optional.empty(),
        "9.4: supplier action accepted; inspection resumes on tightened inspection");
  }

  private static Transition onNormal(
      SwitchingState state, LotOutcome outcome, LotJudgement j, SwitchingConditions c) {
    // 9.3.1: the window is this lot and the 4 before it on normal inspection; "2 out of 5 or
    // fewer" means any two rejections within 5 consecutive lots.
    int window = (state.normalHistory() << 1) | (j.accepted() ? 0 : 1);
    int rejected = Integer.bitCount(window & 0b11111);
    if (rejected >= 2) {
      return new Transition(
          SwitchingState.tightened(),
          TransitionReason.NORMAL_TO_TIGHTENED,
          Optional.of(j),
          "9.3.1: " + rejected + " of the last 5 lots not accepted on normal inspection");
    }
    int score = nextScore(state.switchingScore(), outcome, j);
    // 9.3.3.1: score >= 30 AND steady production AND the responsible authority agrees.
    if (score >= SCORE_FOR_REDUCED && c.productionSteady() && c.reducedApproved()) {
      return new Transition(
          SwitchingState.reduced(),
          TransitionReason.NORMAL_TO_REDUCED,
          Optional.of(j),
          "9.3.3: switching score " + score + ", production steady, reduced approved");
    }
    SwitchingState next = new SwitchingState(Severity.NORMAL, false, window & 0b1111, 0, 0, score);
    return new Transition(
        next, TransitionReason.NONE, Optional.of(j), "normal inspection, switching score " + score);
  }

  /**
   * The switching score after a lot on normal inspection (9.3.3.2, single sampling). Ac >= 2: add 3
   * if the lot would also have been accepted at the AQL one step tighter, else reset to 0. Ac 0 or
   * 1: add 2 if the lot is accepted, else reset to 0.
   */
  static int nextScore(int score, LotOutcome outcome, LotJudgement j) {
    if (outcome.acceptance() >= 2) {
      if (outcome.tighterAcceptance().isEmpty()) {
        throw new IllegalArgumentException(
            "a normal plan with Ac >= 2 needs the acceptance number one AQL step tighter for the"
                + " switching score (9.3.3.2 a)");
      }
      return outcome.defects() <= outcome.tighterAcceptance().getAsInt() ? score + 3 : 0;
    }
    return j.accepted() ? score + 2 : 0;
  }

  private static Transition onTightened(SwitchingState state, LotJudgement j) {
    if (!j.accepted()) {
      int total = state.tightenedRejectedTotal() + 1;
      // 9.4: the cumulative count of lots not accepted on tightened inspection reaches 5.
      if (total >= 5) {
        return new Transition(
            new SwitchingState(Severity.TIGHTENED, true, 0, 0, 5, 0),
            TransitionReason.DISCONTINUED,
            Optional.of(j),
            "9.4: 5 lots not accepted on tightened inspection; inspection discontinued");
      }
      return new Transition(
          new SwitchingState(Severity.TIGHTENED, false, 0, 0, total, 0),
          TransitionReason.NONE,
          Optional.of(j),
          "tightened inspection, " + total + " lot(s) not accepted so far");
    }
    int inRow = state.tightenedAcceptedInRow() + 1;
    // 9.3.2: 5 consecutive lots accepted on original tightened inspection.
    if (inRow >= 5) {
      return new Transition(
          SwitchingState.normal(),
          TransitionReason.TIGHTENED_TO_NORMAL,
          Optional.of(j),
          "9.3.2: 5 consecutive lots accepted on tightened inspection");
    }
    return new Transition(
        new SwitchingState(Severity.TIGHTENED, false, 0, inRow, state.tightenedRejectedTotal(), 0),
        TransitionReason.NONE,
        Optional.of(j),
        "tightened inspection, " + inRow + " consecutive lot(s) accepted");
  }

  private static Transition onReduced(LotJudgement j, SwitchingConditions c) {
    TransitionReason reason;
    String detail;
    if (!j.accepted()) {
      reason = TransitionReason.REDUCED_TO_NORMAL_REJECTED;
      detail = "9.3.4 a: lot not accepted on reduced inspection";
    } else if (j.reinstateNormal()) {
      reason = TransitionReason.REDUCED_TO_NORMAL_GAP;
      detail = "MIL-STD-105E 8.3.4 b: lot accepted with Ac < d < Re on reduced inspection";
    } else if (!c.productionSteady()) {
      reason = TransitionReason.REDUCED_TO_NORMAL_IRREGULAR;
      detail = "9.3.4 b: production irregular or delayed";
    } else if (c.normalWarranted()) {
      reason = TransitionReason.REDUCED_TO_NORMAL_WARRANTED;
      detail = "9.3.4 c: other conditions warrant normal inspection";
    } else {
      return new Transition(
          SwitchingState.reduced(), TransitionReason.NONE, Optional.of(j), "reduced inspection");
    }
    // Back on normal inspection the switching score starts again at 0 (9.3.3.2).
    return new Transition(SwitchingState.normal(), reason, Optional.of(j), detail);
  }
}
