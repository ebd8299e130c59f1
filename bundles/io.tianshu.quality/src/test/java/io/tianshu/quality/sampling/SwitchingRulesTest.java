package io.tianshu.quality.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SwitchingRulesTest {

  private static final SwitchingConditions STEADY = SwitchingConditions.steadyNotApproved();

  // Ac 1 / Re 2 plan (e.g. H at 0.25 is 0/1, J at 0.40 1/2): score +2 per accepted lot.
  private static LotOutcome small(int defects) {
    return new LotOutcome(1, 2, defects, OptionalInt.empty());
  }

  private static List<Transition> run(
      SwitchingState start, SwitchingConditions c, LotOutcome... lots) {
    List<Transition> out = new ArrayList<>();
    SwitchingState s = start;
    for (LotOutcome lot : lots) {
      Transition t = SwitchingRules.next(s, lot, c);
      out.add(t);
      s = t.state();
    }
    return out;
  }

  private static SwitchingState last(List<Transition> ts) {
    return ts.get(ts.size() - 1).state();
  }

  @Test
  void twoRejectedWithinFiveLotsTightens() {
    // Lots: reject, accept, accept, accept, reject: the 5th lot completes 2 of 5.
    List<Transition> ts =
        run(SwitchingState.initial(), STEADY, small(2), small(0), small(0), small(0), small(2));
    assertThat(ts.subList(0, 4)).allMatch(t -> t.reason() == TransitionReason.NONE);
    assertThat(ts.get(4).reason()).isEqualTo(TransitionReason.NORMAL_TO_TIGHTENED);
    assertThat(last(ts).severity()).isEqualTo(Severity.TIGHTENED);
  }

  @Test
  void twoRejectedSixLotsApartDoNotTighten() {
    // reject, 4 accepted, reject: the first rejection left the window of 5 one lot earlier.
    List<Transition> ts =
        run(
            SwitchingState.initial(),
            STEADY,
            small(2),
            small(0),
            small(0),
            small(0),
            small(0),
            small(2));
    assertThat(ts).allMatch(t -> t.reason() == TransitionReason.NONE);
    assertThat(last(ts).severity()).isEqualTo(Severity.NORMAL);
    assertThat(last(ts).normalHistory()).isEqualTo(0b0001);
  }

  @Test
  void twoConsecutiveRejectionsTighten() {
    List<Transition> ts = run(SwitchingState.initial(), STEADY, small(2), small(3));
    assertThat(ts.get(1).reason()).isEqualTo(TransitionReason.NORMAL_TO_TIGHTENED);
  }

  @Test
  void fiveAcceptedOnTightenedReturnToNormalFourDoNot() {
    SwitchingState t = SwitchingState.tightened();
    List<Transition> four = run(t, STEADY, small(0), small(1), small(0), small(0));
    assertThat(last(four).severity()).isEqualTo(Severity.TIGHTENED);
    assertThat(last(four).tightenedAcceptedInRow()).isEqualTo(4);
    Transition fifth = SwitchingRules.next(last(four), small(0), STEADY);
    assertThat(fifth.reason()).isEqualTo(TransitionReason.TIGHTENED_TO_NORMAL);
    assertThat(fifth.state()).isEqualTo(SwitchingState.initial());
    // A rejection in between restarts the run of 5.
    List<Transition> broken =
        run(t, STEADY, small(0), small(0), small(0), small(0), small(2), small(0));
    assertThat(last(broken).severity()).isEqualTo(Severity.TIGHTENED);
    assertThat(last(broken).tightenedAcceptedInRow()).isEqualTo(1);
  }

  @Test
  void fiveRejectedOnTightenedDiscontinueThenResumeTightened() {
    // Rejections need not be consecutive: the count is cumulative while on tightened.
    List<Transition> ts =
        run(
            SwitchingState.tightened(),
            STEADY,
            small(2),
            small(0),
            small(2),
            small(2),
            small(0),
            small(2));
    assertThat(last(ts).discontinued()).isFalse();
    assertThat(last(ts).tightenedRejectedTotal()).isEqualTo(4);
    Transition fifth = SwitchingRules.next(last(ts), small(5), STEADY);
    assertThat(fifth.reason()).isEqualTo(TransitionReason.DISCONTINUED);
    assertThat(fifth.state().discontinued()).isTrue();
    assertThatThrownBy(() -> SwitchingRules.next(fifth.state(), small(0), STEADY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discontinued");
    Transition resumed = SwitchingRules.resume(fifth.state());
    assertThat(resumed.reason()).isEqualTo(TransitionReason.RESUMED_TIGHTENED);
    assertThat(resumed.state()).isEqualTo(SwitchingState.tightened());
  }

  @Test
  void switchingScoreWithAcZeroOrOneAddsTwoPerAcceptedLot() {
    // 15 accepted lots with Ac 1: 15 x 2 = 30 reaches the limit; the authority must approve.
    LotOutcome[] lots = new LotOutcome[15];
    java.util.Arrays.fill(lots, small(1));
    List<Transition> notApproved = run(SwitchingState.initial(), STEADY, lots);
    assertThat(last(notApproved).severity()).isEqualTo(Severity.NORMAL);
    assertThat(last(notApproved).switchingScore()).isEqualTo(30);
    List<Transition> approved =
        run(SwitchingState.initial(), SwitchingConditions.steadyAndApproved(), lots);
    assertThat(approved.get(13).state().switchingScore()).isEqualTo(28);
    assertThat(approved.get(14).reason()).isEqualTo(TransitionReason.NORMAL_TO_REDUCED);
    // Unsteady production blocks it even when approved.
    List<Transition> unsteady =
        run(SwitchingState.initial(), new SwitchingConditions(false, true, false), lots);
    assertThat(last(unsteady).severity()).isEqualTo(Severity.NORMAL);
  }

  @Test
  void switchingScoreWithAcTwoOrMoreAddsThreeOnlyIfTighterAqlWouldAccept() {
    // J (80) at AQL 1.0 is 2/3; one step tighter (0.65) is 1/2.
    SamplingPlan plan = SamplingPlans.plan(CodeLetter.J, Aql.AQL_1_0, Severity.NORMAL);
    SwitchingState s = SwitchingState.initial();
    s = SwitchingRules.next(s, LotOutcome.of(plan, Aql.AQL_1_0, 1), STEADY).state();
    assertThat(s.switchingScore()).isEqualTo(3);
    s = SwitchingRules.next(s, LotOutcome.of(plan, Aql.AQL_1_0, 0), STEADY).state();
    assertThat(s.switchingScore()).isEqualTo(6);
    // d = 2: accepted (Ac 2) but the tighter plan (Ac 1) would not accept: reset to 0.
    Transition t = SwitchingRules.next(s, LotOutcome.of(plan, Aql.AQL_1_0, 2), STEADY);
    assertThat(t.judgement().orElseThrow().accepted()).isTrue();
    assertThat(t.state().switchingScore()).isZero();
    // Ten lots with d <= 1 reach 30.
    SwitchingState x = SwitchingState.initial();
    for (int i = 0; i < 9; i++) {
      x = SwitchingRules.next(x, LotOutcome.of(plan, Aql.AQL_1_0, 1), STEADY).state();
    }
    assertThat(x.switchingScore()).isEqualTo(27);
    Transition tenth =
        SwitchingRules.next(
            x, LotOutcome.of(plan, Aql.AQL_1_0, 0), SwitchingConditions.steadyAndApproved());
    assertThat(tenth.reason()).isEqualTo(TransitionReason.NORMAL_TO_REDUCED);
    assertThat(tenth.state().severity()).isEqualTo(Severity.REDUCED);
  }

  @Test
  void rejectedLotResetsTheScore() {
    List<Transition> ts = run(SwitchingState.initial(), STEADY, small(0), small(0), small(2));
    assertThat(ts.get(1).state().switchingScore()).isEqualTo(4);
    assertThat(ts.get(2).state().switchingScore()).isZero();
  }

  @Test
  void reducedReturnsToNormalOnRejectionGapIrregularityOrOtherConditions() {
    SwitchingState r = SwitchingState.reduced();
    LotOutcome gapPlan0 = new LotOutcome(1, 4, 1, OptionalInt.empty());
    assertThat(SwitchingRules.next(r, gapPlan0, STEADY).reason()).isEqualTo(TransitionReason.NONE);
    assertThat(SwitchingRules.next(r, new LotOutcome(1, 4, 2, OptionalInt.empty()), STEADY))
        .extracting(Transition::reason, t -> t.state().severity())
        .containsExactly(TransitionReason.REDUCED_TO_NORMAL_GAP, Severity.NORMAL);
    assertThat(
            SwitchingRules.next(r, new LotOutcome(1, 4, 4, OptionalInt.empty()), STEADY).reason())
        .isEqualTo(TransitionReason.REDUCED_TO_NORMAL_REJECTED);
    assertThat(
            SwitchingRules.next(r, gapPlan0, new SwitchingConditions(false, true, false)).reason())
        .isEqualTo(TransitionReason.REDUCED_TO_NORMAL_IRREGULAR);
    assertThat(SwitchingRules.next(r, gapPlan0, new SwitchingConditions(true, true, true)).reason())
        .isEqualTo(TransitionReason.REDUCED_TO_NORMAL_WARRANTED);
  }

  @Test
  void stateRoundTripsThroughItsComponentsAndRejectsInconsistentValues() {
    SwitchingState s = new SwitchingState(Severity.NORMAL, false, 0b0101, 0, 0, 12);
    SwitchingState copy =
        new SwitchingState(
            s.severity(),
            s.discontinued(),
            s.normalHistory(),
            s.tightenedAcceptedInRow(),
            s.tightenedRejectedTotal(),
            s.switchingScore());
    assertThat(copy).isEqualTo(s);
    assertThatThrownBy(() -> new SwitchingState(Severity.REDUCED, false, 0, 0, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("normal inspection only");
    assertThatThrownBy(() -> new SwitchingState(Severity.TIGHTENED, true, 0, 0, 4, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SwitchingState(Severity.NORMAL, false, 16, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..15");
  }

  @Test
  void normalPlanWithAcTwoNeedsTheTighterAcceptanceNumber() {
    assertThatThrownBy(
            () ->
                SwitchingRules.next(
                    SwitchingState.initial(), new LotOutcome(2, 3, 0, OptionalInt.empty()), STEADY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9.3.3.2");
  }
}
