package io.tianshu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked schedules; the arithmetic is in the comments. */
class RoutingNetworkTest {
  static final double EPS = 1e-9;

  static NetworkOperation op(
      int no, double setup, double run, double queue, double move, NetworkLink... preds) {
    return new NetworkOperation(no, setup, run, queue, move, List.of(preds));
  }

  static NetworkLink after(int pred) {
    return new NetworkLink(pred, 0, 0);
  }

  static void assertTimes(Schedule s, int opNo, double es, double ef, double ls, double lf) {
    assertThat(s.earliestStart(opNo)).as("ES %d", opNo).isCloseTo(es, within(EPS));
    assertThat(s.earliestFinish(opNo)).as("EF %d", opNo).isCloseTo(ef, within(EPS));
    assertThat(s.latestStart(opNo)).as("LS %d", opNo).isCloseTo(ls, within(EPS));
    assertThat(s.latestFinish(opNo)).as("LF %d", opNo).isCloseTo(lf, within(EPS));
  }

  /**
   * Listed out of order on purpose; no operation has predecessors, so 10 → 20 → 30.
   *
   * <pre>
   *        setup run queue move
   *   10    30    2    60   15
   *   20    20    5   120   30
   *   30    10    1    30    0
   * </pre>
   */
  static List<NetworkOperation> linear() {
    return List.of(op(30, 10, 1, 30, 0), op(10, 30, 2, 60, 15), op(20, 20, 5, 120, 30));
  }

  @Test
  void linearRoutingIsImpliedByAscendingOperationNumbers() {
    RoutingNetwork net = RoutingNetwork.build(linear());
    assertThat(net.topologicalOrder()).containsExactly(10, 20, 30);
    assertThat(net.predecessors(10)).isEmpty();
    assertThat(net.predecessors(20)).containsExactly(10);
    assertThat(net.successors(20)).containsExactly(30);
    assertThat(net.successors(30)).isEmpty();
    assertThat(net.finalOperation()).isEqualTo(30);
    assertThat(net.size()).isEqualTo(3);
  }

  @Test
  void linearRoutingForTenUnits() {
    Schedule s = RoutingNetwork.build(linear()).schedule(10);
    // d10 = 60 + 30 + 2·10 + 15 = 125; d20 = 120 + 20 + 5·10 + 30 = 220; d30 = 30 + 10 + 10 + 0 =
    // 50
    // ES10 0, EF10 125; ES20 125, EF20 345; ES30 345, EF30 395. Everything is critical.
    assertThat(s.leadTime()).isCloseTo(395, within(EPS));
    assertTimes(s, 10, 0, 125, 0, 125);
    assertTimes(s, 20, 125, 345, 125, 345);
    assertTimes(s, 30, 345, 395, 345, 395);
    assertThat(s.slack(20)).isCloseTo(0, within(EPS));
    assertThat(s.criticalPath()).containsExactly(10, 20, 30);
    // load = setup + run·q: 30 + 20 = 50, 20 + 50 = 70, 10 + 10 = 20
    assertThat(s.load(10)).isCloseTo(50, within(EPS));
    assertThat(s.load(20)).isCloseTo(70, within(EPS));
    assertThat(s.load(30)).isCloseTo(20, within(EPS));
    assertThat(s.quantity()).isEqualTo(10);
  }

  @Test
  void linearRoutingForZeroUnitsIsQueueSetupAndMoveOnly() {
    Schedule s = RoutingNetwork.build(linear()).schedule(0);
    // d10 = 60 + 30 + 15 = 105; d20 = 120 + 20 + 30 = 170; d30 = 30 + 10 = 40 → 315
    assertThat(s.leadTime()).isCloseTo(315, within(EPS));
    assertTimes(s, 20, 105, 275, 105, 275);
    assertThat(s.load(20)).isCloseTo(20, within(EPS)); // setup only
    assertThat(s.criticalPath()).containsExactly(10, 20, 30);
  }

  /**
   * Split after 10, merge into 40. q = 5.
   *
   * <pre>
   *        setup run queue move   d
   *   10    10    2    0    5    10 + 10 + 5      = 25
   *   20     5    1    0    5     5 + 5 + 5       = 15   (short branch)
   *   30    20    4   10   10    10 + 20 + 20 + 10 = 60  (long branch)
   *   40    15    3    5    0     5 + 15 + 15     = 35
   * </pre>
   */
  static List<NetworkOperation> splitMerge() {
    return List.of(
        op(10, 10, 2, 0, 5),
        op(20, 5, 1, 0, 5, after(10)),
        op(30, 20, 4, 10, 10, after(10)),
        op(40, 15, 3, 5, 0, after(20), after(30)));
  }

  @Test
  void splitAndMergeFollowTheLongerBranch() {
    RoutingNetwork net = RoutingNetwork.build(splitMerge());
    assertThat(net.successors(10)).containsExactly(20, 30);
    assertThat(net.predecessors(40)).containsExactly(20, 30);
    assertThat(net.topologicalOrder()).containsExactly(10, 20, 30, 40);
    Schedule s = net.schedule(5);
    // ES20 = ES30 = EF10 = 25; EF20 = 40, EF30 = 85; ES40 = max(40, 85) = 85, EF40 = 120.
    assertThat(s.leadTime()).isCloseTo(120, within(EPS));
    assertTimes(s, 10, 0, 25, 0, 25);
    assertTimes(s, 30, 25, 85, 25, 85);
    assertTimes(s, 40, 85, 120, 85, 120);
    // 20 may finish as late as LS40 = 85, so start as late as 85 − 15 = 70: slack 45.
    assertTimes(s, 20, 25, 40, 70, 85);
    assertThat(s.slack(20)).isCloseTo(45, within(EPS));
    assertThat(s.slack(30)).isCloseTo(0, within(EPS));
    assertThat(s.criticalPath()).containsExactly(10, 30, 40);
  }

  @Test
  void equalBranchesGiveTheCriticalPathWithTheLowerNumbers() {
    // 20 made as long as 30 (d = 60): both branches are critical; 10 → 20 → 40 is chosen.
    List<NetworkOperation> ops =
        List.of(
            op(10, 10, 2, 0, 5),
            op(30, 20, 4, 10, 10, after(10)),
            op(20, 20, 4, 10, 10, after(10)),
            op(40, 15, 3, 5, 0, after(30), after(20)));
    Schedule s = RoutingNetwork.build(ops).schedule(5);
    assertThat(s.leadTime()).isCloseTo(120, within(EPS));
    assertThat(s.slack(20)).isCloseTo(0, within(EPS));
    assertThat(s.slack(30)).isCloseTo(0, within(EPS));
    assertThat(s.criticalPath()).containsExactly(10, 20, 40);
  }

  @Test
  void overlapFiftyPercentWithTheLastPieceRuleBinding() {
    // 10: run 6/unit, q = 10 → 0..60.  20: run 1/unit, move 2, d = 10 + 2 = 12, overlaps 50 %.
    List<NetworkOperation> ops =
        List.of(op(10, 0, 6, 0, 0), op(20, 0, 1, 0, 2, new NetworkLink(10, 50, 0)));
    Schedule s = RoutingNetwork.build(ops).schedule(10);
    // release = 0 + 6·10·(1 − 0.5) = 30 → ES20 = 30; 30 + 12 = 42, but the last piece leaves 10 at
    // 60 and needs 1 (one unit) + 2 (move): EF20 = 63. Without overlap it would be 60 + 12 = 72.
    assertThat(s.leadTime()).isCloseTo(63, within(EPS));
    // Backward: LF20 = 63, LS20 = 63 − 12 = 51 (it only waits for pieces);
    // LF10 = min(LS20 + 6·10·0.5 − 0 = 81, LF20 − 3 = 60) = 60, LS10 = 0.
    assertTimes(s, 10, 0, 60, 0, 60);
    assertTimes(s, 20, 30, 63, 51, 63);
    // Start slack 21 but finish slack 0: total slack is 0, 20 is critical through its last piece.
    assertThat(s.slack(20)).isCloseTo(0, within(EPS));
    assertThat(s.criticalPath()).containsExactly(10, 20);
  }

  @Test
  void overlapWhereTheSuccessorsOwnRunBinds() {
    // Same, but 20 runs 5/unit: d20 = 50 + 2 = 52; EF20 = max(30 + 52, 60 + 5 + 2) = 82.
    List<NetworkOperation> ops =
        List.of(op(10, 0, 6, 0, 0), op(20, 0, 5, 0, 2, new NetworkLink(10, 50, 0)));
    Schedule s = RoutingNetwork.build(ops).schedule(10);
    assertThat(s.leadTime()).isCloseTo(82, within(EPS));
    // LF10 = min(LS20 + 30 = 60, LF20 − 7 = 75) = 60: 10 is critical through the release.
    assertTimes(s, 10, 0, 60, 0, 60);
    assertTimes(s, 20, 30, 82, 30, 82);
    assertThat(s.criticalPath()).containsExactly(10, 20);
  }

  @Test
  void finishToStartAfterAnOperationHeldBackByItsLastPiece() {
    // 10 → 20 as above (EF20 = 63 although ES20 + d20 = 42), then 30 plain finish-to-start,
    // setup 5, run 0.5 → d30 = 10. 30 starts when 20 really finishes: ES30 = 63, EF30 = 73.
    // (Release from ES20 + d20 = 42 would start 30 before 20 is done; see RoutingNetwork.)
    List<NetworkOperation> ops =
        List.of(
            op(10, 0, 6, 0, 0),
            op(20, 0, 1, 0, 2, new NetworkLink(10, 50, 0)),
            op(30, 5, 0.5, 0, 0, after(20)));
    Schedule s = RoutingNetwork.build(ops).schedule(10);
    assertThat(s.leadTime()).isCloseTo(73, within(EPS));
    assertTimes(s, 30, 63, 73, 63, 73);
    // LF20 = LS30 = 63, LS20 = 63 − 12 = 51; LF10 = min(51 + 30, 63 − 3) = 60.
    assertTimes(s, 20, 30, 63, 51, 63);
    assertTimes(s, 10, 0, 60, 0, 60);
    assertThat(s.criticalPath()).containsExactly(10, 20, 30);
  }

  @Test
  void negativeLagStartsTheSuccessorEarly() {
    // 10: setup 10, run 3, q = 10 → d = 40. 20: setup 15, run 2, move 5 → d = 15 + 20 + 5 = 40.
    // Lag −20: release = 40 − 20 = 20 → 20..60; last piece 40 + 2 + 5 = 47 does not bind.
    List<NetworkOperation> ops =
        List.of(op(10, 10, 3, 0, 0), op(20, 15, 2, 0, 5, new NetworkLink(10, 0, -20)));
    Schedule s = RoutingNetwork.build(ops).schedule(10);
    assertThat(s.leadTime()).isCloseTo(60, within(EPS));
    // LF10 = min(LS20 − (−20) = 40, LF20 − 7 = 53) = 40.
    assertTimes(s, 10, 0, 40, 0, 40);
    assertTimes(s, 20, 20, 60, 20, 60);
    assertThat(s.criticalPath()).containsExactly(10, 20);
  }

  @Test
  void negativeLagLongerThanThePredecessorStillWaitsForItsStartAndLastPiece() {
    // Lag −100: release = 40 − 100 = −60, but never before 10 starts → ES20 = 0;
    // EF20 = max(0 + 40, 40 + 2 + 5 = 47) = 47.
    List<NetworkOperation> ops =
        List.of(op(10, 10, 3, 0, 0), op(20, 15, 2, 0, 5, new NetworkLink(10, 0, -100)));
    Schedule s = RoutingNetwork.build(ops).schedule(10);
    assertThat(s.leadTime()).isCloseTo(47, within(EPS));
    // LF20 = 47, LS20 = 7; LF10 = min(7 + 100, 47 − 7) = 40, LS10 = min(0, LS20 = 7) = 0.
    assertTimes(s, 10, 0, 40, 0, 40);
    assertTimes(s, 20, 0, 47, 7, 47);
    assertThat(s.slack(20)).isCloseTo(0, within(EPS));
    assertThat(s.criticalPath()).containsExactly(10, 20);
  }

  @Test
  void positiveLagIsAWaitBetweenOperations() {
    // 10: setup 20, run 10, q = 4 → 60. Curing 120 min. 20: queue 30, run 5 → 50.
    // ES20 = max(60 + 120, EF15) = 180, EF20 = 230. A parallel 15 (run 40 → d = 160) also feeds
    // 20; without the lag it would be the critical one, with it it has 180 − 160 = 20 slack.
    List<NetworkOperation> ops =
        List.of(
            op(10, 20, 10, 0, 0),
            op(15, 0, 40, 0, 0),
            op(20, 0, 5, 30, 0, new NetworkLink(10, 0, 120), after(15)));
    Schedule s = RoutingNetwork.build(ops).schedule(4);
    assertThat(s.leadTime()).isCloseTo(230, within(EPS));
    assertTimes(s, 10, 0, 60, 0, 60);
    assertTimes(s, 20, 180, 230, 180, 230);
    assertTimes(s, 15, 0, 160, 20, 180); // LF15 = LS20 = 180, LS15 = 180 − 160 = 20
    assertThat(s.slack(15)).isCloseTo(20, within(EPS));
    assertThat(s.criticalPath()).containsExactly(10, 20);
  }

  @Test
  void overlapOfAnEmptyLotNeedsNoLastUnit() {
    // q = 0: d10 = setup 5; d20 = setup 3 + move 2 = 5. Release = EF10 − 6·0·0.5 = 5 → 5..10;
    // the last-piece bound is EF10 + 0 (no unit) + 2 = 7.
    List<NetworkOperation> ops =
        List.of(op(10, 5, 6, 0, 0), op(20, 3, 1, 0, 2, new NetworkLink(10, 50, 0)));
    Schedule s = RoutingNetwork.build(ops).schedule(0);
    assertThat(s.leadTime()).isCloseTo(10, within(EPS));
    assertTimes(s, 20, 5, 10, 5, 10);
  }

  @Test
  void operationRecordDefaults() {
    NetworkOperation op = new NetworkOperation(10, 1, 2, 3, 4, null);
    assertThat(op.predecessors()).isEmpty();
    assertThat(op.duration(5)).isEqualTo(3 + 1 + 10 + 4);
    assertThat(NetworkLink.after(10)).isEqualTo(new NetworkLink(10, 0, 0));
    assertThat(new NetworkLink(10, 0, -1).overlapping()).isTrue();
    assertThat(new NetworkLink(10, 0, 5).overlapping()).isFalse();
  }

  @Test
  void singleOperation() {
    Schedule s = RoutingNetwork.build(List.of(op(10, 5, 1, 2, 3))).schedule(4);
    // 2 + 5 + 4 + 3 = 14
    assertThat(s.leadTime()).isCloseTo(14, within(EPS));
    assertThat(s.criticalPath()).containsExactly(10);
  }

  @Test
  void badArgumentsAreRejected() {
    RoutingNetwork net = RoutingNetwork.build(linear());
    assertThatThrownBy(() -> net.schedule(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> net.schedule(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> net.predecessors(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99");
    assertThatThrownBy(() -> net.schedule(1).slack(99))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
