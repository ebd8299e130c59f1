package io.tianshu.planning.engine;

import static io.tianshu.planning.engine.MrpEngineTest.dem;
import static io.tianshu.planning.engine.MrpEngineTest.line;
import static io.tianshu.planning.engine.MrpEngineTest.peg;
import static io.tianshu.planning.engine.MrpEngineTest.po;
import static io.tianshu.planning.engine.MrpEngineTest.rec;
import static io.tianshu.planning.engine.MrpInvariants.CAL;
import static io.tianshu.planning.engine.MrpInvariants.START;
import static io.tianshu.planning.engine.MrpInvariants.d;
import static io.tianshu.planning.engine.MrpInvariants.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked co- and by-product ({@link PlanOutput}) examples. Calendar as in {@link
 * MrpEngineTest}: Mon–Fri working, no holidays; plan start Monday 2026-03-02. Day indices: 0 Mon
 * 03-02, 2 Wed 03-04, 3 Thu 03-05, 4 Fri 03-06, 7 Mon 03-09, 8 Tue 03-10, 9 Wed 03-11, 10 Thu
 * 03-12, 12 Sat 03-14, 14 Mon 03-16.
 */
class MrpEngineOutputTest {

  static MrpInput input(
      List<PlanItem> items,
      List<PlanBomLine> bom,
      List<PlanDemand> demands,
      List<PlanReceipt> receipts,
      List<PlanOutput> outputs) {
    return new MrpInput(items, bom, demands, receipts, CAL, START, 60, outputs);
  }

  static PlanOutput out(long parent, long output, double per) {
    return new PlanOutput(parent, output, per);
  }

  /**
   * {@link MrpEngineTest#runChecked} plus the MTO and co-product invariants and the threaded path.
   */
  static MrpResult runChecked(MrpInput in) {
    MrpResult r = MrpEngineTest.runChecked(in);
    MrpInvariants.assertMakeToOrder(in, r);
    MrpInvariants.assertCoProducts(in, r);
    MrpResult parallel = MrpEngine.run(in, 0);
    assertThat(parallel.plannedOrders()).isEqualTo(r.plannedOrders());
    assertThat(parallel.pegging()).isEqualTo(r.pegging());
    assertThat(parallel.messages()).isEqualTo(r.messages());
    assertThat(parallel.lowLevelCodes()).isEqualTo(r.lowLevelCodes());
    return r;
  }

  @Test
  void theSevenParameterConstructorHasNoOutputsAndOutputsAreCopied() {
    MrpInput plain = new MrpInput(List.of(), List.of(), List.of(), List.of(), CAL, START, 10);
    assertThat(plain.outputs()).isEmpty();
    assertThat(new MrpInput(null, null, null, null, CAL, START, 10, null).outputs()).isEmpty();
    List<PlanOutput> outs = new ArrayList<>(List.of(out(1, 2, 0.5)));
    MrpInput in = new MrpInput(null, null, null, null, CAL, START, 10, outs);
    outs.clear();
    assertThat(in.outputs()).containsExactly(out(1, 2, 0.5));
    assertThatThrownBy(() -> in.outputs().add(out(1, 3, 1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /**
   * P (1), lead 2, makes C (2) as a co-product, 0.5 per unit; C lead 1. Demand 101 of P: 100 on Thu
   * 03-12 (day 10); demands of C: 102 of 30 on Sat 03-14 (day 12), 103 of 40 on Tue 03-10 (day 8).
   *
   * <pre>
   * P: PO1 100 due Thu 03-12, release Tue 03-10 → co-product receipt of C: 50 on day 10
   * C (planned after P):
   *   day 8:  40, the co-product (day 10) comes too late (not movable) → PO2 40 due Tue 03-10,
   *           release Mon 03-09
   *   day 12: 30, co-product 50 available since day 10 → no order; 20 left as stock
   * Pegging: PO1 → 101 100; PO2 → 103 40; CO_PRODUCT 1 → 102 30 (the other 20 unpegged)
   * </pre>
   */
  @Test
  void coProductCoversLaterDemandOnlyAndTheRestStaysUnpegged() {
    MrpInput in =
        input(
            List.of(item(1).lead(2).build(), item(2).lead(1).build()),
            List.of(),
            List.of(
                dem(101, 1, "2026-03-12", 100),
                dem(102, 2, "2026-03-14", 30),
                dem(103, 2, "2026-03-10", 40)),
            List.of(),
            List.of(out(1, 2, 0.5)));
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-10", "2026-03-12", 100), po(2, 2, "2026-03-09", "2026-03-10", 40));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 100),
            peg(2, Pegging.PLANNED, 103, Pegging.DEMAND, 2, 40),
            peg(1, Pegging.CO_PRODUCT, 102, Pegging.DEMAND, 2, 30));
    assertThat(r.messages()).isEmpty();
    assertThat(r.lowLevelCodes()).containsExactly(0, 1);
  }

  /**
   * P (1), lead 0, makes 0.5 C (2) per unit; C lead 0, on hand 10, receipt 201 of 15 on Mon 03-16
   * (day 14). P: demand 101 of 20 on Thu 03-05 (day 3), 102 of 40 on Wed 03-11 (day 9). C: 103 of
   * 12 on Wed 03-04 (day 2), 104 of 25 on Fri 03-06 (day 4), 105 of 30 on Thu 03-12 (day 10).
   *
   * <pre>
   * P: PO1 20 due 03-05 → co-product 10 of C on day 3; PO2 40 due 03-11 → 20 on day 9
   * C: on hand and receipt (movable) 25; co-products counted from their day
   *   day 2:  12 ≤ 25
   *   day 4:  37 - 25 - 10 (PO1's, day 3) = 2  → PO3 2 due 03-06
   *   day 10: 67 - 37 - 20 (PO2's, day 9) = 10 → PO4 10 due 03-12
   * Pegging of C, first come first served (on hand, receipt, co-products, planned):
   *   103 (12): on hand 10, receipt 201 2 (arrives day 14: EXPEDITE to 03-04)
   *   104 (25): receipt 201 13, CO_PRODUCT 1 10, PO3 2
   *   105 (30): CO_PRODUCT 2 20, PO4 10
   * </pre>
   */
  @Test
  void coProductsComeAfterOnHandAndReceiptsAndBeforePlannedOrders() {
    MrpInput in =
        input(
            List.of(item(1).build(), item(2).onHand(10).build()),
            List.of(),
            List.of(
                dem(101, 1, "2026-03-05", 20),
                dem(102, 1, "2026-03-11", 40),
                dem(103, 2, "2026-03-04", 12),
                dem(104, 2, "2026-03-06", 25),
                dem(105, 2, "2026-03-12", 30)),
            List.of(rec(201, 2, "2026-03-16", 15)),
            List.of(out(1, 2, 0.5)));
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-05", "2026-03-05", 20),
            po(2, 1, "2026-03-11", "2026-03-11", 40),
            po(3, 2, "2026-03-06", "2026-03-06", 2),
            po(4, 2, "2026-03-12", "2026-03-12", 10));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 20),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 40),
            peg(0, Pegging.ON_HAND, 103, Pegging.DEMAND, 2, 10),
            peg(201, Pegging.RECEIPT, 103, Pegging.DEMAND, 2, 2),
            peg(201, Pegging.RECEIPT, 104, Pegging.DEMAND, 2, 13),
            peg(1, Pegging.CO_PRODUCT, 104, Pegging.DEMAND, 2, 10),
            peg(3, Pegging.PLANNED, 104, Pegging.DEMAND, 2, 2),
            peg(2, Pegging.CO_PRODUCT, 105, Pegging.DEMAND, 2, 20),
            peg(4, Pegging.PLANNED, 105, Pegging.DEMAND, 2, 10));
    assertThat(r.messages())
        .extracting(MrpMessage::kind, MrpMessage::referenceId, MrpMessage::date)
        .containsExactly(tuple(MrpMessage.EXPEDITE, 201L, d("2026-03-04")));
  }

  /**
   * Input order C (3), P (2), Q (1). BOM Q → P 1, Q → C 1; P makes 0.5 C per unit. By the BOM alone
   * P and C both have code 1 and C (first in the input) would be planned first; the output edge P →
   * C gives C code 2, so it is planned after P and can use P's co-product. All lead 0 except Q
   * (lead 2). Demand 101 of Q: 40 on Thu 03-12.
   *
   * <pre>
   * Q: PO1 40 due Thu 03-12, release Tue 03-10 → dependent 40 of P and 40 of C on Tue 03-10
   * P: PO2 40 due Tue 03-10 → co-product 20 of C on Tue 03-10
   * C: 40 on Tue 03-10 - co-product 20 (same day) = 20 → PO3 20 due Tue 03-10
   * Pegging: PO1 → 101 40; PO2 → DEPENDENT 1 40; C: CO_PRODUCT 2 20 and PO3 20 → DEPENDENT 1
   * </pre>
   */
  @Test
  void anOutputIsPlannedAfterItsProducerEvenWhenAlsoAComponent() {
    MrpInput in =
        input(
            List.of(item(3).build(), item(2).build(), item(1).lead(2).build()),
            List.of(line(1, 2, 1, 0), line(1, 3, 1, 0)),
            List.of(dem(101, 1, "2026-03-12", 40)),
            List.of(),
            List.of(out(2, 3, 0.5)));
    MrpResult r = runChecked(in);
    assertThat(r.lowLevelCodes()).containsExactly(2, 1, 0);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-10", "2026-03-12", 40),
            po(2, 2, "2026-03-10", "2026-03-10", 40),
            po(3, 3, "2026-03-10", "2026-03-10", 20));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 40),
            peg(2, Pegging.PLANNED, 1, Pegging.DEPENDENT, 2, 40),
            peg(2, Pegging.CO_PRODUCT, 1, Pegging.DEPENDENT, 3, 20),
            peg(3, Pegging.PLANNED, 1, Pegging.DEPENDENT, 3, 20));
  }

  /**
   * P (1) makes C (2) by two outputs, 0.5 and 0.25 per unit; Q (3) makes 1 C per unit. All lead 0.
   * Demands: P 100 and Q 10 on Thu 03-05, C 80 on Fri 03-06.
   *
   * <pre>
   * P: PO1 100 → co-product 100 × (0.5 + 0.25) = 75 of C on Thu 03-05
   * Q: PO2 10  → co-product 10 of C on Thu 03-05
   * C: 80 - 75 - 10 &lt; 0: no order; by date, then order id: CO_PRODUCT 1 75, CO_PRODUCT 2 5
   * </pre>
   */
  @Test
  void outputsAddUp() {
    MrpInput in =
        input(
            List.of(item(1).build(), item(2).build(), item(3).build()),
            List.of(),
            List.of(
                dem(101, 1, "2026-03-05", 100),
                dem(102, 3, "2026-03-05", 10),
                dem(103, 2, "2026-03-06", 80)),
            List.of(),
            List.of(out(1, 2, 0.5), out(3, 2, 1), out(1, 2, 0.25)));
    MrpResult r = runChecked(in);
    assertThat(r.lowLevelCodes()).containsExactly(0, 1, 0);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-05", "2026-03-05", 100), po(2, 3, "2026-03-05", "2026-03-05", 10));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 100),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 3, 10),
            peg(1, Pegging.CO_PRODUCT, 103, Pegging.DEMAND, 2, 75),
            peg(2, Pegging.CO_PRODUCT, 103, Pegging.DEMAND, 2, 5));
  }

  /** P (1) → output C (2) → BOM P: a cycle through an output and a BOM line, named by its path. */
  @Test
  void aCycleThroughOutputsAndBomLinesIsRefused() {
    MrpInput two =
        input(
            List.of(item(1).build(), item(2).build()),
            List.of(line(2, 1, 1, 0)),
            null,
            null,
            List.of(out(1, 2, 0.5)));
    assertThatThrownBy(() -> MrpEngine.run(two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BOM cycle: 1 -> 2 -> 1");
    MrpInput three =
        input(
            List.of(item(4).build(), item(1).build(), item(2).build(), item(3).build()),
            List.of(line(4, 1, 1, 0), line(1, 2, 1, 0), line(3, 1, 1, 0)),
            null,
            null,
            List.of(out(2, 3, 1)));
    assertThatThrownBy(() -> MrpEngine.run(three))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BOM cycle: 1 -> 2 -> 3 -> 1");
  }

  @Test
  void invalidOutputsAreRefused() {
    List<PlanItem> items = List.of(item(1).build(), item(2).build(), item(3).phantom().build());
    assertRefused(items, out(9, 2, 1), "output #1 (parent 9, output 2): unknown parent material 9");
    assertRefused(items, out(1, 9, 1), "output #1 (parent 1, output 9): unknown output material 9");
    assertRefused(items, out(3, 2, 1), "parent material 3 is a phantom");
    assertRefused(items, out(1, 3, 1), "output material 3 is a phantom");
    assertRefused(items, out(1, 1, 1), "output material 1 is its parent");
    for (double bad :
        new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertRefused(items, out(1, 2, bad), "quantityPer must be finite and > 0, was " + bad);
    }
  }

  private static void assertRefused(List<PlanItem> items, PlanOutput bad, String message) {
    MrpInput in = input(items, null, null, null, List.of(out(2, 1, 1), bad));
    assertThatThrownBy(() -> MrpEngine.run(in))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message.replace("output #1", "output #2"));
  }
}
