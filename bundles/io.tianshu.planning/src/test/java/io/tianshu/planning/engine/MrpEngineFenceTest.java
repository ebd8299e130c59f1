package io.tianshu.planning.engine;

import static io.tianshu.planning.engine.MrpEngineMtoTest.mto;
import static io.tianshu.planning.engine.MrpEngineTest.dem;
import static io.tianshu.planning.engine.MrpEngineTest.input;
import static io.tianshu.planning.engine.MrpEngineTest.line;
import static io.tianshu.planning.engine.MrpEngineTest.peg;
import static io.tianshu.planning.engine.MrpEngineTest.po;
import static io.tianshu.planning.engine.MrpInvariants.d;
import static io.tianshu.planning.engine.MrpInvariants.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked planning time fence (PTF) examples. Calendar as in {@link MrpEngineTest}: Mon–Fri
 * working, no holidays; plan start Monday 2026-03-02. Day indices: 0 Mon 03-02, 1 Tue 03-03, 2 Wed
 * 03-04, 3 Thu 03-05, 4 Fri 03-06, 5 Sat 03-07, 7 Mon 03-09, 8 Tue 03-10, 9 Wed 03-11, 10 Thu
 * 03-12, 11 Fri 03-13, 12 Sat 03-14, 14 Mon 03-16, 15 Tue 03-17.
 */
class MrpEngineFenceTest {

  /** {@link MrpEngineMtoTest#runChecked}: all invariants, single- and multi-threaded. */
  static MrpResult runChecked(MrpInput in) {
    return MrpEngineMtoTest.runChecked(in);
  }

  @Test
  void theTwelveParameterConstructorHasNoFence() {
    PlanItem it = new PlanItem(1, 2, LotSizing.LOT_FOR_LOT, 0, 0, 0, 0, 0, 0, 0, 0, false);
    assertThat(it.planningFenceDays()).isZero();
    assertThat(it).isEqualTo(item(1).lead(2).build());
  }

  /**
   * A (1): lead 2, fence 10 days, nothing on hand → 2 × B (2): lead 1, no fence. Plan start + 10
   * days = Thu 03-12, a working day: fence date F = 03-12; the lead time alone would allow Wed
   * 03-04 (fa), so the fence is what moves orders.
   *
   * <pre>
   * A: demand 101 of 30 on Thu 03-05 (inside the fence) → PO1 30 due F = Thu 03-12, released 2
   *      working days earlier, Tue 03-10 (not on the plan start as a past-due order would be);
   *      PLANNING_FENCE dated 03-05 (the day it is needed), BELOW_SAFETY dated 03-05, both PO1
   *    demand 102 of 20 on Tue 03-17 (behind the fence) → PO2 20 due 03-17, release Fri 03-13
   * B gross: 60 Tue 03-10 (DEPENDENT 1), 40 Fri 03-13 (DEPENDENT 2)
   *    → PO3 60 due 03-10, release Mon 03-09; PO4 40 due 03-13, release Thu 03-12
   * </pre>
   */
  @Test
  void fenceMovesTheOrderToTheFenceDate() {
    MrpInput in =
        input(
            List.of(item(1).lead(2).fence(10).build(), item(2).lead(1).build()),
            List.of(line(1, 2, 2, 0)),
            List.of(dem(101, 1, "2026-03-05", 30), dem(102, 1, "2026-03-17", 20)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-10", "2026-03-12", 30),
            po(2, 1, "2026-03-13", "2026-03-17", 20),
            po(3, 2, "2026-03-09", "2026-03-10", 60),
            po(4, 2, "2026-03-12", "2026-03-13", 40));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 30),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 20),
            peg(3, Pegging.PLANNED, 1, Pegging.DEPENDENT, 2, 60),
            peg(4, Pegging.PLANNED, 2, Pegging.DEPENDENT, 2, 40));
    assertThat(r.messages())
        .extracting(
            MrpMessage::kind, MrpMessage::materialId, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            tuple(MrpMessage.PLANNING_FENCE, 1L, d("2026-03-05"), 1L),
            tuple(MrpMessage.BELOW_SAFETY, 1L, d("2026-03-05"), 1L));
    assertThat(r.messages().get(0).message())
        .contains("needed on 2026-03-05 inside the planning time fence of 10 days")
        .contains("due on 2026-03-12, released on 2026-03-10")
        .contains("计划时界内需求 2026-03-05");
    assertThat(r.messages().get(1).message())
        .contains("no order can arrive before 2026-03-12 (planning time fence 10 days)");
  }

  /**
   * A fence ending on a weekend: item 3, lead 0, fence 12 days, safety stock 5, nothing on hand.
   * Plan start + 12 = Sat 03-14, so F = Mon 03-16 (fa would be the plan start).
   *
   * <pre>
   * Mon 03-02: safety stock 5 short → covered on 03-16; Wed 03-04: demand 301 of 8, still short
   * Mon 03-16: need 13 → PO1 13 due and released 03-16 (lead 0); PLANNING_FENCE and BELOW_SAFETY
   *   dated 03-02 (the first short day)
   * Tue 03-17: demand 302 of 4 → PO2 4
   * Pegging: safety stock ← PO1 5 (on hand 0), 301 ← PO1 8, 302 ← PO2 4
   * </pre>
   */
  @Test
  void fenceEndingOnAWeekendEndsOnTheNextWorkingDay() {
    MrpInput in =
        input(
            List.of(item(3).fence(12).ss(5).build()),
            List.of(),
            List.of(dem(301, 3, "2026-03-04", 8), dem(302, 3, "2026-03-17", 4)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 3, "2026-03-16", "2026-03-16", 13), po(2, 3, "2026-03-17", "2026-03-17", 4));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 0, Pegging.SAFETY_STOCK, 3, 5),
            peg(1, Pegging.PLANNED, 301, Pegging.DEMAND, 3, 8),
            peg(2, Pegging.PLANNED, 302, Pegging.DEMAND, 3, 4));
    assertThat(r.messages())
        .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            tuple(MrpMessage.PLANNING_FENCE, d("2026-03-02"), 1L),
            tuple(MrpMessage.BELOW_SAFETY, d("2026-03-02"), 1L));
  }

  /**
   * The fence within the lead time changes nothing. Item 7: lead 5 (first arrival Sat 03-07, see
   * {@link MrpEngineTest#pastDue()}), demand 11 of 10 on Wed 03-04 and 12 of 5 on Fri 03-20.
   *
   * <pre>
   * fence 3 (Thu 03-05) or 4 (Fri 03-06): F &lt;= fa, exactly as without a fence:
   *   PO1 10 released Mon 03-02, due Sat 03-07, PAST_DUE dated 02-25, BELOW_SAFETY dated 03-04;
   *   PO2 5 released Fri 03-13, due 03-20
   * fence 5: plan start + 5 = Sat 03-07 → F = Mon 03-09, one day after fa: now the fence moves
   *   PO1: due 03-09, released Mon 03-02 (5 working days before), PLANNING_FENCE dated 03-04
   * </pre>
   */
  @Test
  void fenceWithinTheLeadTimeChangesNothing() {
    List<PlanDemand> demands = List.of(dem(11, 7, "2026-03-04", 10), dem(12, 7, "2026-03-20", 5));
    MrpResult none = runChecked(input(List.of(item(7).lead(5).build()), null, demands, null, 30));
    for (int fence : new int[] {3, 4}) {
      MrpResult r =
          runChecked(input(List.of(item(7).lead(5).fence(fence).build()), null, demands, null, 30));
      assertThat(r.plannedOrders())
          .containsExactly(
              po(1, 7, "2026-03-02", "2026-03-07", 10), po(2, 7, "2026-03-13", "2026-03-20", 5));
      assertThat(r.messages())
          .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
          .containsExactly(
              tuple(MrpMessage.PAST_DUE, d("2026-02-25"), 1L),
              tuple(MrpMessage.BELOW_SAFETY, d("2026-03-04"), 1L));
      assertThat(r.plannedOrders()).isEqualTo(none.plannedOrders());
      assertThat(r.pegging()).isEqualTo(none.pegging());
      assertThat(r.messages()).isEqualTo(none.messages());
    }
    MrpResult five =
        runChecked(input(List.of(item(7).lead(5).fence(5).build()), null, demands, null, 30));
    assertThat(five.plannedOrders())
        .containsExactly(
            po(1, 7, "2026-03-02", "2026-03-09", 10), po(2, 7, "2026-03-13", "2026-03-20", 5));
    assertThat(five.messages())
        .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            tuple(MrpMessage.PLANNING_FENCE, d("2026-03-04"), 1L),
            tuple(MrpMessage.BELOW_SAFETY, d("2026-03-04"), 1L));
  }

  /**
   * A fence on a phantom is ignored: A (1, lead 1) → phantom P (9, fence 20, on hand 2) → 3 × C (3,
   * lead 1).
   *
   * <pre>
   * A: demand 901 of 4 on Wed 03-04 → PO1 4 due 03-04, release Tue 03-03
   * P: DEPENDENT 1 of 4 on 03-03: on hand 2, 2 passed through to C on Tue 03-03 (no fence)
   *    and make-to-stock demand 902 of 1 on Thu 03-05, passed through on 03-05
   * C: 6 on Tue 03-03 → PO2 6 due 03-03, release Mon 03-02; 3 on Thu 03-05 → PO3 3 due 03-05,
   *    release Wed 03-04; no messages
   * </pre>
   */
  @Test
  void fenceOnAPhantomIsIgnored() {
    List<PlanBomLine> bom = List.of(line(1, 9, 1, 0), line(9, 3, 3, 0));
    List<PlanDemand> demands = List.of(dem(901, 1, "2026-03-04", 4), dem(902, 9, "2026-03-05", 1));
    MrpResult r =
        runChecked(
            input(
                List.of(
                    item(1).lead(1).build(),
                    item(9).phantom().fence(20).onHand(2).build(),
                    item(3).lead(1).build()),
                bom,
                demands,
                null,
                30));
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-03", "2026-03-04", 4),
            po(2, 3, "2026-03-02", "2026-03-03", 6),
            po(3, 3, "2026-03-04", "2026-03-05", 3));
    assertThat(r.messages()).isEmpty();
    MrpResult noFence =
        runChecked(
            input(
                List.of(
                    item(1).lead(1).build(),
                    item(9).phantom().onHand(2).build(),
                    item(3).lead(1).build()),
                bom,
                demands,
                null,
                30));
    assertThat(r.plannedOrders()).isEqualTo(noFence.plannedOrders());
    assertThat(r.pegging()).isEqualTo(noFence.pegging());
  }

  /**
   * Make-to-order inside the fence. Item 8: lead 2 (fa Wed 03-04), fence 7 days (F = Mon 03-09),
   * nothing on hand.
   *
   * <pre>
   * MTO 401 of 5 on Tue 03-03 (before fa as well): due F 03-09, released Thu 03-05 (2 working days
   *   before), PLANNING_FENCE dated 03-03 (not PAST_DUE: the fence moves it); no BELOW_SAFETY
   * MTO 402 of 6 on Thu 03-05 (after fa, inside the fence): due 03-09, released 03-05,
   *   PLANNING_FENCE dated 03-05
   * MTO 403 of 7 on Wed 03-11 (behind the fence): due 03-11, released Mon 03-09, no message
   * MTS 404 of 4 on Fri 03-06: short → order due 03-09, released 03-05, PLANNING_FENCE and
   *   BELOW_SAFETY dated 03-06
   * Ids: on 03-09 the MTO orders by demand date (PO1 401, PO2 402), then PO3 (404); PO4 (403)
   * Pegging: MTO rows by order id (PO1 → 401, PO2 → 402, PO4 → 403), then PO3 → 404
   * </pre>
   */
  @Test
  void makeToOrderDemandsObeyTheFence() {
    MrpInput in =
        input(
            List.of(item(8).lead(2).fence(7).build()),
            List.of(),
            List.of(
                mto(401, 8, "2026-03-03", 5),
                mto(402, 8, "2026-03-05", 6),
                mto(403, 8, "2026-03-11", 7),
                dem(404, 8, "2026-03-06", 4)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 8, "2026-03-05", "2026-03-09", 5),
            po(2, 8, "2026-03-05", "2026-03-09", 6),
            po(3, 8, "2026-03-05", "2026-03-09", 4),
            po(4, 8, "2026-03-09", "2026-03-11", 7));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 401, Pegging.DEMAND, 8, 5),
            peg(2, Pegging.PLANNED, 402, Pegging.DEMAND, 8, 6),
            peg(4, Pegging.PLANNED, 403, Pegging.DEMAND, 8, 7),
            peg(3, Pegging.PLANNED, 404, Pegging.DEMAND, 8, 4));
    assertThat(r.messages())
        .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            tuple(MrpMessage.PLANNING_FENCE, d("2026-03-03"), 1L),
            tuple(MrpMessage.PLANNING_FENCE, d("2026-03-05"), 2L),
            tuple(MrpMessage.PLANNING_FENCE, d("2026-03-06"), 3L),
            tuple(MrpMessage.BELOW_SAFETY, d("2026-03-06"), 3L));
  }

  /**
   * A fence beyond the horizon: horizon 10 days (to Wed 03-11), A (1): lead 2, fence 14 days (F =
   * Mon 03-16) → B (2), lead 0.
   *
   * <pre>
   * A: demand 501 of 10 on Wed 03-04 → PO1 10 due Mon 03-16, released Thu 03-12, both beyond the
   *   horizon; PLANNING_FENCE and BELOW_SAFETY dated 03-04
   * B: PO1's dependent demand falls on 03-12, beyond the horizon: ignored, no order, no pegging
   * </pre>
   */
  @Test
  void fenceBeyondTheHorizon() {
    MrpInput in =
        input(
            List.of(item(1).lead(2).fence(14).build(), item(2).build()),
            List.of(line(1, 2, 1, 0)),
            List.of(dem(501, 1, "2026-03-04", 10)),
            List.of(),
            10);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).containsExactly(po(1, 1, "2026-03-12", "2026-03-16", 10));
    assertThat(r.pegging()).containsExactly(peg(1, Pegging.PLANNED, 501, Pegging.DEMAND, 1, 10));
    assertThat(r.messages())
        .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            tuple(MrpMessage.PLANNING_FENCE, d("2026-03-04"), 1L),
            tuple(MrpMessage.BELOW_SAFETY, d("2026-03-04"), 1L));
  }

  /** A negative fence is refused, naming the material, on a phantom too. */
  @Test
  void negativeFenceIsRefused() {
    assertThatThrownBy(
            () -> MrpEngine.run(input(List.of(item(4).fence(-1).build()), null, null, null, 30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item 4")
        .hasMessageContaining("planningFenceDays must be >= 0");
    assertThatThrownBy(
            () ->
                MrpEngine.run(
                    input(List.of(item(6).phantom().fence(-3).build()), null, null, null, 30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item 6");
  }
}
