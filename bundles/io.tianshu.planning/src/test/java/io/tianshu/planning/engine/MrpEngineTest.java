package io.tianshu.planning.engine;

import static io.tianshu.planning.engine.MrpInvariants.CAL;
import static io.tianshu.planning.engine.MrpInvariants.START;
import static io.tianshu.planning.engine.MrpInvariants.d;
import static io.tianshu.planning.engine.MrpInvariants.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked known answers. Calendar: Mon–Fri working, no holidays; plan start Monday 2026-03-02.
 * Day indices: 0 Mon 03-02, 1 Tue 03-03, 2 Wed 03-04, 3 Thu 03-05, 4 Fri 03-06, 5 Sat 03-07, 7 Mon
 * 03-09, 8 Tue 03-10, 9 Wed 03-11, 10 Thu 03-12, 11 Fri 03-13, 14 Mon 03-16, 15 Tue 03-17, 17 Thu
 * 03-19, 18 Fri 03-20, 21 Mon 03-23, 24 Thu 03-26, 28 Mon 03-30, 29 Tue 03-31.
 */
class MrpEngineTest {

  static MrpInput input(
      List<PlanItem> items,
      List<PlanBomLine> bom,
      List<PlanDemand> demands,
      List<PlanReceipt> receipts,
      int horizon) {
    return new MrpInput(items, bom, demands, receipts, CAL, START, horizon);
  }

  static PlanDemand dem(long id, long material, String date, double qty) {
    return new PlanDemand(id, material, d(date), qty, "D" + id);
  }

  static PlanReceipt rec(long id, long material, String date, double qty) {
    return new PlanReceipt(id, material, d(date), qty, "R" + id);
  }

  static PlanBomLine line(long parent, long component, double per, double scrap) {
    return new PlanBomLine(parent, component, per, scrap);
  }

  static PlannedOrder po(long id, long material, String release, String due, double qty) {
    return new PlannedOrder(id, material, d(release), d(due), qty);
  }

  static Pegging peg(
      long supplyId, String supplyKind, long demandId, String kind, long m, double q) {
    return new Pegging(supplyId, supplyKind, demandId, kind, m, q);
  }

  static MrpResult runChecked(MrpInput in) {
    MrpResult r = MrpEngine.run(in);
    MrpInvariants.assertPegging(in, r);
    MrpInvariants.assertDates(in, r);
    MrpInvariants.assertProjectedAvailable(in, r);
    return r;
  }

  /**
   * Textbook two levels: A (1) → 2 × B (2). A: lead 2, on hand 20; B: lead 5, on hand 40, receipt
   * 201 of 30 on Tue 03-10.
   *
   * <pre>
   * A gross: 50 Mon 03-16, 60 Mon 03-23, 40 Mon 03-30; on hand 20
   *   03-16: 50 - 20 = 30 → PO1 30 due 03-16, release 2 working days earlier = Thu 03-12
   *   03-23: 60        → PO2 60 due 03-23, release Thu 03-19
   *   03-30: 40        → PO3 40 due 03-30, release Thu 03-26
   * B gross = 2 × A's orders at their release: 60 Thu 03-12, 120 Thu 03-19, 80 Thu 03-26
   *   supply 40 on hand + 30 receipt (03-10) = 70
   *   03-12: 60 ≤ 70, 10 left
   *   03-19: 120 - 10 = 110 → PO4 110 due Thu 03-19, release 5 working days earlier = Thu 03-12
   *   03-26: 80            → PO5  80 due Thu 03-26, release Thu 03-19
   * </pre>
   *
   * The receipt arrives Tue 03-10, first needed Thu 03-12 (2 working days later): no message.
   */
  @Test
  void textbookTwoLevels() {
    MrpInput in =
        input(
            List.of(item(1).lead(2).onHand(20).build(), item(2).lead(5).onHand(40).build()),
            List.of(line(1, 2, 2, 0)),
            List.of(
                dem(101, 1, "2026-03-16", 50),
                dem(102, 1, "2026-03-23", 60),
                dem(103, 1, "2026-03-30", 40)),
            List.of(rec(201, 2, "2026-03-10", 30)),
            60);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-12", "2026-03-16", 30),
            po(2, 1, "2026-03-19", "2026-03-23", 60),
            po(3, 1, "2026-03-26", "2026-03-30", 40),
            po(4, 2, "2026-03-12", "2026-03-19", 110),
            po(5, 2, "2026-03-19", "2026-03-26", 80));
    assertThat(r.lowLevelCodes()).containsExactly(0, 1);
    assertThat(r.messages()).isEmpty();
  }

  /**
   * Pegging of {@link #textbookTwoLevels()}, first come first served.
   *
   * <pre>
   * A: demand 101 (50): on hand 20 + PO1 30; 102 (60): PO2 60; 103 (40): PO3 40
   * B: DEPENDENT 1 (60): on hand 40 + receipt 201 20; DEPENDENT 2 (120): receipt 201 the other 10
   *    + PO4 110; DEPENDENT 3 (80): PO5 80
   * </pre>
   */
  @Test
  void textbookPeggingRows() {
    MrpInput in =
        input(
            List.of(item(1).lead(2).onHand(20).build(), item(2).lead(5).onHand(40).build()),
            List.of(line(1, 2, 2, 0)),
            List.of(
                dem(101, 1, "2026-03-16", 50),
                dem(102, 1, "2026-03-23", 60),
                dem(103, 1, "2026-03-30", 40)),
            List.of(rec(201, 2, "2026-03-10", 30)),
            60);
    MrpResult r = runChecked(in);
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 101, Pegging.DEMAND, 1, 20),
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 30),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 60),
            peg(3, Pegging.PLANNED, 103, Pegging.DEMAND, 1, 40),
            peg(0, Pegging.ON_HAND, 1, Pegging.DEPENDENT, 2, 40),
            peg(201, Pegging.RECEIPT, 1, Pegging.DEPENDENT, 2, 20),
            peg(201, Pegging.RECEIPT, 2, Pegging.DEPENDENT, 2, 10),
            peg(4, Pegging.PLANNED, 2, Pegging.DEPENDENT, 2, 110),
            peg(5, Pegging.PLANNED, 3, Pegging.DEPENDENT, 2, 80));
  }

  /**
   * Fixed quantity 25 with minimum 30 and multiple 20: every order is max(25, 30) = 30 rounded up
   * to 40. Lead 0, nothing on hand.
   *
   * <pre>
   * Mon 03-02: 35       → need 35: one order 40, 5 left
   * Wed 03-04: 30       → need 25: one order 40, 15 left
   * Mon 03-09: 100      → need 85: 40 + 40 + 40 = 120 (85 → 45 → 5 → covered), 35 left
   * </pre>
   */
  /**
   * A fixed lot of 1 under a requirement of 5000: 999 orders of 1, then the rest, 5000 - 999 =
   * 4001, as the 1000th order, with one LOT_LIMIT message naming it.
   */
  @Test
  void aLotSizeFarBelowTheRequirementIsLimited() {
    MrpInput in =
        input(
            List.of(item(10).fixed(1).build()),
            List.of(),
            List.of(dem(1, 10, "2026-03-02", 5000)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).hasSize(MrpEngine.MAX_ORDERS_PER_REQUIREMENT);
    assertThat(r.plannedOrders().get(998).quantity()).isEqualTo(1.0);
    assertThat(r.plannedOrders().get(999).quantity()).isEqualTo(4001.0);
    assertThat(r.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(MrpMessage.LOT_LIMIT);
              assertThat(m.referenceId()).isEqualTo(1000L);
            });
  }

  @Test
  void fixedQuantityWithMinimumAndMultiple() {
    MrpInput in =
        input(
            List.of(item(10).fixed(25).min(30).mult(20).build()),
            List.of(),
            List.of(
                dem(1, 10, "2026-03-02", 35),
                dem(2, 10, "2026-03-04", 30),
                dem(3, 10, "2026-03-09", 100)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 10, "2026-03-02", "2026-03-02", 40),
            po(2, 10, "2026-03-04", "2026-03-04", 40),
            po(3, 10, "2026-03-09", "2026-03-09", 40),
            po(4, 10, "2026-03-09", "2026-03-09", 40),
            po(5, 10, "2026-03-09", "2026-03-09", 40));
  }

  /**
   * Period order quantity of 10 calendar days, lead 1, on hand 10.
   *
   * <pre>
   * gross: 20 Tue 03-03, 15 Thu 03-05, 25 Thu 03-12, 30 Fri 03-13, 10 Tue 03-17
   * Tue 03-03: 20 - 10 = 10 short; covers [03-03, 03-13): + 15 + 25 → PO1 50 due 03-03,
   *            release Mon 03-02
   * 03-05, 03-12: covered (10 + 50 = 60 = 20 + 15 + 25)
   * Fri 03-13: 30 short; covers [03-13, 03-23): + 10 (03-17) → PO2 40 due 03-13, release Thu 03-12
   * </pre>
   */
  @Test
  void periodOrderQuantityCoversTenCalendarDays() {
    MrpInput in =
        input(
            List.of(item(20).lead(1).onHand(10).period(10).build()),
            List.of(),
            List.of(
                dem(1, 20, "2026-03-03", 20),
                dem(2, 20, "2026-03-05", 15),
                dem(3, 20, "2026-03-12", 25),
                dem(4, 20, "2026-03-13", 30),
                dem(5, 20, "2026-03-17", 10)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 20, "2026-03-02", "2026-03-03", 50), po(2, 20, "2026-03-12", "2026-03-13", 40));
  }

  /**
   * Maximum 30 splits a need of 70 into 30 + 30 + 10 (item 30). With multiple 4 too (item 31) the
   * cap is 28 (30 rounded down to a multiple of 4): 70 → 28, 42 → 28, 14 → rounded up to 16.
   */
  @Test
  void maximumSplitsIntoSeveralOrders() {
    MrpInput in =
        input(
            List.of(item(30).max(30).build(), item(31).max(30).mult(4).build()),
            List.of(),
            List.of(dem(1, 30, "2026-03-04", 70), dem(2, 31, "2026-03-04", 70)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 30, "2026-03-04", "2026-03-04", 30),
            po(2, 30, "2026-03-04", "2026-03-04", 30),
            po(3, 30, "2026-03-04", "2026-03-04", 10),
            po(4, 31, "2026-03-04", "2026-03-04", 28),
            po(5, 31, "2026-03-04", "2026-03-04", 28),
            po(6, 31, "2026-03-04", "2026-03-04", 16));
  }

  /**
   * Safety stock, yield and scrap. A (1): lead 0, safety stock 10, on hand 5, yield 80 %; A → 2 × B
   * (2) with 5 % scrap; B lead 0.
   *
   * <pre>
   * A Mon 03-02: safety stock 10 - 5 on hand = 5 → output 5, order 5 / 0.8 = 6.25 (PO1)
   * A Wed 03-04: demand 30 → output 30, order 30 / 0.8 = 37.5 (PO2)
   * B Mon 03-02: 6.25 × 2 × 1.05 = 13.125 (PO3); Wed 03-04: 37.5 × 2 × 1.05 = 78.75 (PO4)
   * Pegging A: safety stock ← on hand 5 + PO1 5 (of its 6.25, the rest is yield loss);
   *            demand 101 ← PO2 30
   * </pre>
   */
  @Test
  void safetyStockYieldAndScrap() {
    MrpInput in =
        input(
            List.of(item(1).ss(10).onHand(5).yield(80).build(), item(2).build()),
            List.of(line(1, 2, 2, 5)),
            List.of(dem(101, 1, "2026-03-04", 30)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-02", "2026-03-02", 6.25),
            po(2, 1, "2026-03-04", "2026-03-04", 37.5),
            po(3, 2, "2026-03-02", "2026-03-02", 13.125),
            po(4, 2, "2026-03-04", "2026-03-04", 78.75));
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 0, Pegging.SAFETY_STOCK, 1, 5),
            peg(1, Pegging.PLANNED, 0, Pegging.SAFETY_STOCK, 1, 5),
            peg(2, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 30),
            peg(3, Pegging.PLANNED, 1, Pegging.DEPENDENT, 2, 13.125),
            peg(4, Pegging.PLANNED, 2, Pegging.DEPENDENT, 2, 78.75));
    assertThat(r.messages()).isEmpty();
  }

  /**
   * A component used at two levels: A (1) → B (2), A → C (3), B → 2 × C. All lead 1; C on hand 10.
   * C gets LLC 2 and is netted once with both parents' demands.
   *
   * <pre>
   * A: 10 Fri 03-13 → PO1 10 due 03-13, release Thu 03-12
   * B: 10 Thu 03-12 → PO2 10 due 03-12, release Wed 03-11
   * C gross: 20 Wed 03-11 (2 × PO2), 10 Thu 03-12 (PO1); on hand 10
   *   03-11: 20 - 10 = 10 → PO3 10 due 03-11, release Tue 03-10
   *   03-12: 10          → PO4 10 due 03-12, release Wed 03-11
   * </pre>
   */
  @Test
  void componentSharedAtTwoLevelsIsNettedOnce() {
    MrpInput in =
        input(
            List.of(
                item(1).lead(1).build(),
                item(2).lead(1).build(),
                item(3).lead(1).onHand(10).build()),
            List.of(line(1, 2, 1, 0), line(1, 3, 1, 0), line(2, 3, 2, 0)),
            List.of(dem(51, 1, "2026-03-13", 10)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.lowLevelCodes()).containsExactly(0, 1, 2);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-12", "2026-03-13", 10),
            po(2, 2, "2026-03-11", "2026-03-12", 10),
            po(3, 3, "2026-03-10", "2026-03-11", 10),
            po(4, 3, "2026-03-11", "2026-03-12", 10));
    assertThat(r.pegging())
        .filteredOn(p -> p.materialId() == 3)
        .containsExactly(
            peg(0, Pegging.ON_HAND, 2, Pegging.DEPENDENT, 3, 10),
            peg(3, Pegging.PLANNED, 2, Pegging.DEPENDENT, 3, 10),
            peg(4, Pegging.PLANNED, 1, Pegging.DEPENDENT, 3, 10));
  }

  /**
   * Phantom blow-through: A (1, lead 1) → P (2, phantom, on hand 1) → 3 × C (3, lead 2).
   *
   * <pre>
   * A: 4 Mon 03-09 → PO1 4 due 03-09, release Fri 03-06
   * P: 4 Fri 03-06, on hand 1 → 3 passed through on Fri 03-06
   * C: 3 × 3 = 9 Fri 03-06 → PO2 9 due 03-06, release Wed 03-04
   * </pre>
   *
   * C's requirement is pegged to A's order 1, as P's was.
   */
  @Test
  void phantomBlowThrough() {
    MrpInput in =
        input(
            List.of(
                item(1).lead(1).build(),
                item(2).phantom().onHand(1).build(),
                item(3).lead(2).build()),
            List.of(line(1, 2, 1, 0), line(2, 3, 3, 0)),
            List.of(dem(77, 1, "2026-03-09", 4)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.lowLevelCodes()).containsExactly(0, 1, 2);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-06", "2026-03-09", 4), po(2, 3, "2026-03-04", "2026-03-06", 9));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 77, Pegging.DEMAND, 1, 4),
            peg(0, Pegging.ON_HAND, 1, Pegging.DEPENDENT, 2, 1),
            peg(2, Pegging.PLANNED, 1, Pegging.DEPENDENT, 3, 9));
  }

  /**
   * Lead 5 and a demand of 10 on Wed 03-04: the release would be Wed 02-25. The first day an order
   * can arrive is Sat 03-07 (5 working days Mon–Fri after the plan start), so PO1 is released Mon
   * 03-02 and due Sat 03-07, with PAST_DUE (dated 02-25) and BELOW_SAFETY (dated 03-04). A later
   * demand of 5 on Fri 03-20 is normal: PO2 released Fri 03-13.
   */
  @Test
  void pastDue() {
    MrpInput in =
        input(
            List.of(item(7).lead(5).build()),
            List.of(),
            List.of(dem(11, 7, "2026-03-04", 10), dem(12, 7, "2026-03-20", 5)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 7, "2026-03-02", "2026-03-07", 10), po(2, 7, "2026-03-13", "2026-03-20", 5));
    assertThat(r.messages())
        .extracting(
            MrpMessage::kind, MrpMessage::materialId, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MrpMessage.PAST_DUE, 7L, d("2026-02-25"), 1L),
            org.assertj.core.groups.Tuple.tuple(MrpMessage.BELOW_SAFETY, 7L, d("2026-03-04"), 1L));
    assertThat(r.messages().get(0).message()).contains(" / ").contains("计划订单");
  }

  /**
   * Safety stock 10, on hand 4, lead 2: 6 short on Mon 03-02 (the safety stock requirement), first
   * arrival Wed 03-04. PO1 6 released 03-02, due 03-04; PAST_DUE dated Thu 02-26 (2 working days
   * before 03-02), BELOW_SAFETY dated 03-02.
   */
  @Test
  void safetyStockWithinLeadTimeIsBelowSafety() {
    MrpInput in = input(List.of(item(5).lead(2).ss(10).onHand(4).build()), null, null, null, 30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).containsExactly(po(1, 5, "2026-03-02", "2026-03-04", 6));
    assertThat(r.messages())
        .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MrpMessage.PAST_DUE, d("2026-02-26"), 1L),
            org.assertj.core.groups.Tuple.tuple(MrpMessage.BELOW_SAFETY, d("2026-03-02"), 1L));
  }

  /**
   * Receipt 301 of 10 arrives Fri 03-13, demand of 10 on Tue 03-03: the receipt covers it (no
   * planned order) and is to be expedited to 03-03.
   */
  @Test
  void expedite() {
    MrpInput in =
        input(
            List.of(item(8).build()),
            null,
            List.of(dem(21, 8, "2026-03-03", 10)),
            List.of(rec(301, 8, "2026-03-13", 10)),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).isEmpty();
    assertThat(r.pegging()).containsExactly(peg(301, Pegging.RECEIPT, 21, Pegging.DEMAND, 8, 10));
    assertThat(r.messages())
        .extracting(
            MrpMessage::kind, MrpMessage::materialId, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MrpMessage.EXPEDITE, 8L, d("2026-03-03"), 301L));
    assertThat(r.messages().get(0).message()).contains("expedite").contains("催货");
  }

  /** Receipt 302 of 5 on Wed 03-04 for a material nobody needs: CANCEL dated 03-04. */
  @Test
  void cancel() {
    MrpInput in =
        input(List.of(item(9).build()), null, null, List.of(rec(302, 9, "2026-03-04", 5)), 30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).isEmpty();
    assertThat(r.pegging()).isEmpty();
    assertThat(r.messages())
        .extracting(
            MrpMessage::kind, MrpMessage::materialId, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MrpMessage.CANCEL, 9L, d("2026-03-04"), 302L));
  }

  /**
   * Receipt 303 arrives Mon 03-02, first needed Mon 03-09: 5 working days (Mon–Fri) → DEFER dated
   * 03-09. Receipt 304 arrives Tue 03-03, needed Mon 03-09: 4 working days → no message.
   */
  @Test
  void defer() {
    MrpInput in =
        input(
            List.of(item(6).build(), item(16).build()),
            null,
            List.of(dem(31, 6, "2026-03-09", 10), dem(32, 16, "2026-03-09", 10)),
            List.of(rec(303, 6, "2026-03-02", 10), rec(304, 16, "2026-03-03", 10)),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.messages())
        .extracting(
            MrpMessage::kind, MrpMessage::materialId, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MrpMessage.DEFER, 6L, d("2026-03-09"), 303L));
  }

  /**
   * A demand before the plan start counts on Mon 03-02; one on 04-01 (day 30 of a 30-day horizon)
   * is ignored; one on Tue 03-31 (day 29) is planned. Lead 0.
   */
  @Test
  void demandsOutsideTheHorizon() {
    MrpInput in =
        input(
            List.of(item(4).build()),
            null,
            List.of(
                dem(1, 4, "2026-02-20", 3), dem(2, 4, "2026-04-01", 5), dem(3, 4, "2026-03-31", 4)),
            null,
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 4, "2026-03-02", "2026-03-02", 3), po(2, 4, "2026-03-31", "2026-03-31", 4));
    assertThat(r.pegging()).extracting(Pegging::demandId).containsExactly(1L, 3L);
  }

  /** 4 → 1 → 2 → 3 → 1: the cycle is reported starting at its first item in input order. */
  @Test
  void cycleIsRefusedWithItsPath() {
    MrpInput in =
        input(
            List.of(item(1).build(), item(2).build(), item(3).build(), item(4).build()),
            List.of(line(4, 1, 1, 0), line(1, 2, 1, 0), line(2, 3, 1, 0), line(3, 1, 1, 0)),
            null,
            null,
            30);
    assertThatThrownBy(() -> MrpEngine.run(in))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BOM cycle: 1 -> 2 -> 3 -> 1");
    MrpInput self = input(List.of(item(5).build()), List.of(line(5, 5, 1, 0)), null, null, 30);
    assertThatThrownBy(() -> MrpEngine.run(self)).hasMessageContaining("5 -> 5");
  }

  @Test
  void invalidInputIsRefused() {
    assertThatThrownBy(
            () ->
                MrpEngine.run(
                    input(
                        List.of(item(1).build()),
                        null,
                        List.of(dem(9, 2, "2026-03-03", 1)),
                        null,
                        30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("demand 9: unknown material 2");
    assertThatThrownBy(
            () ->
                MrpEngine.run(
                    input(List.of(item(1).build(), item(1).build()), null, null, null, 30)))
        .hasMessageContaining("two items for material 1");
    assertThatThrownBy(
            () ->
                MrpEngine.run(
                    input(List.of(item(1).build()), List.of(line(1, 3, 1, 0)), null, null, 30)))
        .hasMessageContaining("unknown component material 3");
    assertThatThrownBy(
            () -> MrpEngine.run(input(List.of(item(1).yield(120).build()), null, null, null, 30)))
        .hasMessageContaining("yieldPercent");
    assertThatThrownBy(() -> input(List.of(), null, null, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
