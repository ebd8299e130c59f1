package io.tianshu.planning.engine;

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
 * Hand-worked make-to-order (MTO) examples. Calendar as in {@link MrpEngineTest}: Mon–Fri working,
 * no holidays; plan start Monday 2026-03-02. Day indices: 0 Mon 03-02, 1 Tue 03-03, 2 Wed 03-04, 3
 * Thu 03-05, 4 Fri 03-06, 5 Sat 03-07, 7 Mon 03-09, 14 Mon 03-16, 18 Fri 03-20.
 */
class MrpEngineMtoTest {

  static PlanDemand mto(long id, long material, String date, double qty) {
    return new PlanDemand(id, material, d(date), qty, "M" + id, true);
  }

  /** {@link MrpEngineTest#runChecked} plus the MTO invariants and the threaded path. */
  static MrpResult runChecked(MrpInput in) {
    MrpResult r = MrpEngineTest.runChecked(in);
    MrpInvariants.assertMakeToOrder(in, r);
    MrpResult parallel = MrpEngine.run(in, 0);
    assertThat(parallel.plannedOrders()).isEqualTo(r.plannedOrders());
    assertThat(parallel.pegging()).isEqualTo(r.pegging());
    assertThat(parallel.messages()).isEqualTo(r.messages());
    return r;
  }

  @Test
  void theFiveParameterConstructorIsMakeToStock() {
    assertThat(new PlanDemand(1, 2, d("2026-03-04"), 3, "x").makeToOrder()).isFalse();
    assertThat(dem(1, 2, "2026-03-04", 3))
        .isEqualTo(new PlanDemand(1, 2, d("2026-03-04"), 3, "D1", false));
  }

  /**
   * Item 1, lead 1, lot-for-lot, on hand 10. MTO demand 101 of 5 and make-to-stock demand 102 of 12
   * on Wed 03-04.
   *
   * <pre>
   * 101 (MTO): own order PO1 5 due 03-04, release Tue 03-03 (MTO first on the tie)
   * 102: 12 - 10 on hand = 2 → PO2 2 due 03-04, release Tue 03-03
   * Pegging: MTO rows first: PO1 → 101 5; then on hand 10 → 102, PO2 2 → 102
   * </pre>
   *
   * The on hand 10 would have covered the MTO demand too, but MTO never takes stock.
   */
  @Test
  void mtoDemandGetsItsOwnOrderAndLeavesTheStockToTheOthers() {
    MrpInput in =
        input(
            List.of(item(1).lead(1).onHand(10).build()),
            List.of(),
            List.of(mto(101, 1, "2026-03-04", 5), dem(102, 1, "2026-03-04", 12)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-03", "2026-03-04", 5), po(2, 1, "2026-03-03", "2026-03-04", 2));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 5),
            peg(0, Pegging.ON_HAND, 102, Pegging.DEMAND, 1, 10),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 2));
    assertThat(r.messages()).isEmpty();
  }

  /**
   * As {@link #mtoDemandGetsItsOwnOrderAndLeavesTheStockToTheOthers()} with fixed quantity 50,
   * minimum 20 and multiple 7 on item 1, plus MTS demand 103 of 30 and MTO demand 104 of 8 on Fri
   * 03-06, and MTO demand 105 of 4 on Wed 03-04 given after 104 in the input.
   *
   * <pre>
   * MTO orders are exactly their quantity, whatever the lot sizing:
   *   Wed 03-04: 101 → PO1 5, 105 → PO2 4 (same day: input order); then
   *   102: 12 - 10 on hand = 2 → one fixed lot PO3 50 (50 ≥ 20, a multiple of 7 → 56), 54 left
   *   Fri 03-06: 103: 30 of PO3's 54 left, no order; 104 (MTO) → PO4 8, although PO3 has 24 left
   * Orders by due date, MTO first on a tie; releases one working day earlier.
   * Pegging: MTO rows in id order (PO1 → 101, PO2 → 105, PO4 → 104), then on hand 10 → 102,
   *   PO3 2 → 102, PO3 30 → 103; PO3's other 24 stay unpegged.
   * </pre>
   */
  @Test
  void mtoOrdersIgnoreLotSizing() {
    MrpInput in =
        input(
            List.of(item(1).lead(1).onHand(10).fixed(50).min(20).mult(7).build()),
            List.of(),
            List.of(
                mto(101, 1, "2026-03-04", 5),
                dem(102, 1, "2026-03-04", 12),
                dem(103, 1, "2026-03-06", 30),
                mto(104, 1, "2026-03-06", 8),
                mto(105, 1, "2026-03-04", 4)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-03", "2026-03-04", 5),
            po(2, 1, "2026-03-03", "2026-03-04", 4),
            po(3, 1, "2026-03-03", "2026-03-04", 56),
            po(4, 1, "2026-03-05", "2026-03-06", 8));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 5),
            peg(2, Pegging.PLANNED, 105, Pegging.DEMAND, 1, 4),
            peg(4, Pegging.PLANNED, 104, Pegging.DEMAND, 1, 8),
            peg(0, Pegging.ON_HAND, 102, Pegging.DEMAND, 1, 10),
            peg(3, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 2),
            peg(3, Pegging.PLANNED, 103, Pegging.DEMAND, 1, 30));
    assertThat(r.messages()).isEmpty();
  }

  /**
   * Two levels: A (1) → 2 × B (2). A: lead 2, on hand 100; B: lead 1, on hand 30.
   *
   * <pre>
   * A: MTO 201 of 10 on Mon 03-09 → PO1 10 due 03-09, release Thu 03-05 (on hand 100 untouched by
   *    it); MTS 202 of 40 on Mon 03-09 ← on hand 40
   * B gross: MTS 203 25 Wed 03-04, DEPENDENT 1 (2 × PO1) 20 Thu 03-05; MTO 204 of 4 on Thu 03-05
   *   on hand 30: 03-04 25, 5 left; 03-05: 20 - 5 = 15 → order 15 due 03-05, release Wed 03-04
   *   204 → own order 4 due 03-05, release Wed 03-04; on the tie it comes first: PO2 4, PO3 15
   * Pegging B: PO2 → 204 4; on hand → 203 25, on hand → DEPENDENT 1 5, PO3 → DEPENDENT 1 15
   * </pre>
   */
  @Test
  void mtoOrderRequirementsAreNettedWithTheComponentsOtherDemand() {
    MrpInput in =
        input(
            List.of(item(1).lead(2).onHand(100).build(), item(2).lead(1).onHand(30).build()),
            List.of(line(1, 2, 2, 0)),
            List.of(
                mto(201, 1, "2026-03-09", 10),
                dem(202, 1, "2026-03-09", 40),
                dem(203, 2, "2026-03-04", 25),
                mto(204, 2, "2026-03-05", 4)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-05", "2026-03-09", 10),
            po(2, 2, "2026-03-04", "2026-03-05", 4),
            po(3, 2, "2026-03-04", "2026-03-05", 15));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 201, Pegging.DEMAND, 1, 10),
            peg(0, Pegging.ON_HAND, 202, Pegging.DEMAND, 1, 40),
            peg(2, Pegging.PLANNED, 204, Pegging.DEMAND, 2, 4),
            peg(0, Pegging.ON_HAND, 203, Pegging.DEMAND, 2, 25),
            peg(0, Pegging.ON_HAND, 1, Pegging.DEPENDENT, 2, 5),
            peg(3, Pegging.PLANNED, 1, Pegging.DEPENDENT, 2, 15));
    assertThat(r.messages()).isEmpty();
  }

  /**
   * Item 7: lead 5, on hand 20; horizon 30 days. The first day an order can arrive is Sat 03-07.
   *
   * <pre>
   * MTO 301 of 10 on Wed 03-04: would be released Wed 02-25 → released Mon 03-02, due Sat 03-07,
   *   PAST_DUE dated 02-25 (though on hand 20 could cover it: MTO takes no stock)
   * MTO 303 of 3 on Fri 02-20 (before the plan start: counts on Mon 03-02): would be released Mon
   *   02-23 → released 03-02, due 03-07, PAST_DUE dated 02-23; same due date as 301 but an earlier
   *   demand date: PO1 is 303's, PO2 301's
   * MTO 304 of 9 on Wed 04-01 (day 30): beyond the horizon, ignored
   * MTO 305 of 6 on Fri 03-20: PO3 due 03-20, released Fri 03-13
   * MTS 302 of 8 on Tue 03-03 ← on hand 8; no BELOW_SAFETY message for anything
   * </pre>
   */
  @Test
  void pastDueMto() {
    MrpInput in =
        input(
            List.of(item(7).lead(5).onHand(20).build()),
            List.of(),
            List.of(
                mto(301, 7, "2026-03-04", 10),
                dem(302, 7, "2026-03-03", 8),
                mto(303, 7, "2026-02-20", 3),
                mto(304, 7, "2026-04-01", 9),
                mto(305, 7, "2026-03-20", 6)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 7, "2026-03-02", "2026-03-07", 3),
            po(2, 7, "2026-03-02", "2026-03-07", 10),
            po(3, 7, "2026-03-13", "2026-03-20", 6));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 303, Pegging.DEMAND, 7, 3),
            peg(2, Pegging.PLANNED, 301, Pegging.DEMAND, 7, 10),
            peg(3, Pegging.PLANNED, 305, Pegging.DEMAND, 7, 6),
            peg(0, Pegging.ON_HAND, 302, Pegging.DEMAND, 7, 8));
    assertThat(r.messages())
        .extracting(
            MrpMessage::kind, MrpMessage::materialId, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            tuple(MrpMessage.PAST_DUE, 7L, d("2026-02-23"), 1L),
            tuple(MrpMessage.PAST_DUE, 7L, d("2026-02-25"), 2L));
    assertThat(r.messages().get(1).message())
        .contains("needed on 2026-03-04")
        .contains("released on 2026-03-02, due on 2026-03-07");
  }

  /**
   * A past-due MTO demand next to a past-due MTS shortage, item 8: lead 2 (first arrival Wed
   * 03-04), nothing on hand.
   *
   * <pre>
   * MTS 402 of 6 on Mon 03-02: short before 03-04 → PO2 6 released 03-02, due 03-04, PAST_DUE
   *   (dated Thu 02-26) and BELOW_SAFETY (dated 03-02, naming PO2)
   * MTO 401 of 5 on Tue 03-03: PO1 5 released 03-02, due 03-04 (first on the tie), PAST_DUE dated
   *   Fri 02-27 and no BELOW_SAFETY
   * </pre>
   */
  @Test
  void pastDueMtoNextToPastDueStock() {
    MrpInput in =
        input(
            List.of(item(8).lead(2).build()),
            List.of(),
            List.of(mto(401, 8, "2026-03-03", 5), dem(402, 8, "2026-03-02", 6)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 8, "2026-03-02", "2026-03-04", 5), po(2, 8, "2026-03-02", "2026-03-04", 6));
    assertThat(r.messages())
        .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            tuple(MrpMessage.PAST_DUE, d("2026-02-27"), 1L),
            tuple(MrpMessage.PAST_DUE, d("2026-02-26"), 2L),
            tuple(MrpMessage.BELOW_SAFETY, d("2026-03-02"), 2L));
  }

  /**
   * Yield: item 4 (lead 0, yield 80 %, minimum 20, multiple 10) → 2 × C (5) with 10 % scrap.
   *
   * <pre>
   * MTO 401 of 30 on Wed 03-04: good output exactly 30 → PO1 30 / 0.8 = 37.5 (no minimum, no
   *   multiple)
   * MTS 402 of 5 on Wed 03-04: 5 → minimum 20 (a multiple of 10) → PO2 20 / 0.8 = 25; 15 good
   *   output stays as stock
   * C gross on 03-04: 37.5 × 2 × 1.1 = 82.5 (DEPENDENT 1) + 25 × 2 × 1.1 = 55 (DEPENDENT 2)
   *   → PO3 137.5
   * Pegging: PO1 → 401 30 (good output), PO2 → 402 5; PO3 → DEPENDENT 1 82.5, DEPENDENT 2 55
   * </pre>
   */
  @Test
  void yieldInflatesTheMtoOrder() {
    MrpInput in =
        input(
            List.of(item(4).yield(80).min(20).mult(10).build(), item(5).build()),
            List.of(line(4, 5, 2, 10)),
            List.of(mto(401, 4, "2026-03-04", 30), dem(402, 4, "2026-03-04", 5)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 4, "2026-03-04", "2026-03-04", 37.5),
            po(2, 4, "2026-03-04", "2026-03-04", 25),
            po(3, 5, "2026-03-04", "2026-03-04", 137.5));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 401, Pegging.DEMAND, 4, 30),
            peg(2, Pegging.PLANNED, 402, Pegging.DEMAND, 4, 5),
            peg(3, Pegging.PLANNED, 1, Pegging.DEPENDENT, 5, 82.5),
            peg(3, Pegging.PLANNED, 2, Pegging.DEPENDENT, 5, 55));
    assertThat(r.messages()).isEmpty();
  }

  /**
   * An MTO demand of quantity 0 gets no order and no pegging; an MTS demand on the same day still
   * takes the stock. Item 6: on hand 3, MTS 601 of 5 and MTO 602 of 0 on Tue 03-03 → PO1 2.
   */
  @Test
  void mtoDemandOfZeroGetsNoOrder() {
    MrpInput in =
        input(
            List.of(item(6).onHand(3).build()),
            List.of(),
            List.of(dem(601, 6, "2026-03-03", 5), mto(602, 6, "2026-03-03", 0)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).containsExactly(po(1, 6, "2026-03-03", "2026-03-03", 2));
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 601, Pegging.DEMAND, 6, 3),
            peg(1, Pegging.PLANNED, 601, Pegging.DEMAND, 6, 2));
  }

  /** An MTO demand on a phantom is refused, naming the demand, even beyond the horizon. */
  @Test
  void mtoOnAPhantomIsRefused() {
    List<PlanItem> items = List.of(item(1).build(), item(9).phantom().build());
    List<PlanBomLine> bom = List.of(line(1, 9, 1, 0));
    assertThatThrownBy(
            () -> MrpEngine.run(input(items, bom, List.of(mto(501, 9, "2026-03-04", 2)), null, 30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("demand 501")
        .hasMessageContaining("make-to-order")
        .hasMessageContaining("phantom material 9");
    assertThatThrownBy(
            () -> MrpEngine.run(input(items, bom, List.of(mto(502, 9, "2026-05-04", 2)), null, 30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("demand 502");
    // make-to-stock on the phantom and MTO on its parent are fine
    MrpResult r =
        runChecked(
            input(
                items,
                bom,
                List.of(dem(503, 9, "2026-03-04", 2), mto(504, 1, "2026-03-04", 1)),
                null,
                30));
    assertThat(r.plannedOrders()).extracting(PlannedOrder::materialId).containsExactly(1L);
  }
}
