package io.tianshu.planning.engine;

import static io.tianshu.planning.engine.MrpEngineTest.dem;
import static io.tianshu.planning.engine.MrpEngineTest.input;
import static io.tianshu.planning.engine.MrpEngineTest.peg;
import static io.tianshu.planning.engine.MrpEngineTest.po;
import static io.tianshu.planning.engine.MrpEngineTest.rec;
import static io.tianshu.planning.engine.MrpInvariants.START;
import static io.tianshu.planning.engine.MrpInvariants.d;
import static io.tianshu.planning.engine.MrpInvariants.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Date-effective (dynamic) safety stock, {@link PlanItem#safetyStockSteps()}: hand-worked known
 * answers. Calendar Mon–Fri, plan start Mon 03-02 (day indices as in {@link MrpEngineTest}: 1 Tue
 * 03-03, 2 Wed 03-04, 3 Thu 03-05, 4 Fri 03-06, 7 Mon 03-09, 8 Tue 03-10, 9 Wed 03-11, 10 Thu
 * 03-12). Safety-stock rows: demand id 0 for the level on the plan start, the step's 1-based
 * position for an increase; released stock is ON_HAND with the step's position as supply id.
 */
class MrpEngineSafetyStockTest {

  static MrpResult runChecked(MrpInput in) {
    MrpResult r = MrpEngineTest.runChecked(in);
    MrpInvariants.assertCoProducts(in, r);
    MrpInvariants.assertOrdersNeeded(in, r);
    MrpResult parallel = MrpEngine.run(in, 0);
    assertThat(parallel.plannedOrders()).isEqualTo(r.plannedOrders());
    assertThat(parallel.pegging()).isEqualTo(r.pegging());
    assertThat(parallel.messages()).isEqualTo(r.messages());
    return r;
  }

  /**
   * Item 1: lead 2, on hand 30, safety stock 10, from Tue 03-10 25 (step 1: +15).
   *
   * <pre>
   * day 0:  safety 10, on hand 30
   * 03-05:  demand 101 15 → 25 of 30 used
   * 03-10:  increase 15 → 40 − 30 = 10 → PO1 10 due 03-10, released Fri 03-06
   * 03-12:  demand 102 5 → PO2 5 due 03-12, released Tue 03-10
   * Pegging: safety (0) ← on hand 10; 101 ← on hand 15; increase (1) ← on hand 5 + PO1 10;
   *          102 ← PO2 5
   * </pre>
   */
  @Test
  void increaseMidHorizonCreatesAnOrderDueOnTheStepDate() {
    MrpInput in =
        input(
            List.of(item(1).lead(2).onHand(30).ss(10).steps("2026-03-10", 25).build()),
            List.of(),
            List.of(dem(101, 1, "2026-03-05", 15), dem(102, 1, "2026-03-12", 5)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-06", "2026-03-10", 10), po(2, 1, "2026-03-10", "2026-03-12", 5));
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 0, Pegging.SAFETY_STOCK, 1, 10),
            peg(0, Pegging.ON_HAND, 101, Pegging.DEMAND, 1, 15),
            peg(0, Pegging.ON_HAND, 1, Pegging.SAFETY_STOCK, 1, 5),
            peg(1, Pegging.PLANNED, 1, Pegging.SAFETY_STOCK, 1, 10),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 5));
    assertThat(r.messages()).isEmpty();
  }

  /**
   * Item 1: lead 0, on hand 20, safety stock 20, from Mon 03-09 5 (step 1 releases 15).
   *
   * <pre>
   * day 0:  safety 20 ← on hand 20
   * 03-05:  demand 101 10: the release (03-09) comes too late → PO1 10 due 03-05
   * 03-09:  15 released
   * 03-11:  demand 102 12 ← released 12 (3 stay as stock; projected 8 ≥ 5)
   * </pre>
   */
  @Test
  void decreaseReleasesStockForLaterRequirementsOnly() {
    MrpInput in =
        input(
            List.of(item(1).onHand(20).ss(20).steps("2026-03-09", 5).build()),
            List.of(),
            List.of(dem(101, 1, "2026-03-05", 10), dem(102, 1, "2026-03-11", 12)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).containsExactly(po(1, 1, "2026-03-05", "2026-03-05", 10));
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 0, Pegging.SAFETY_STOCK, 1, 20),
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 10),
            peg(1, Pegging.ON_HAND, 102, Pegging.DEMAND, 1, 12));
    assertThat(r.messages()).isEmpty();
  }

  /**
   * Item 1: lead 1 (first arrival Tue 03-03), on hand 10, no safety stock on the plan start; from
   * Wed 03-04 10 (step 1: +10), from Wed 03-11 4 (step 2 releases 6).
   *
   * <pre>
   * 03-03:  demand 101 10 ← on hand 10
   * 03-04:  increase 10 → PO1 10 due 03-04, released Tue 03-03
   * 03-06:  demand 103 3 → PO2 3 due 03-06, released Thu 03-05
   * 03-11:  6 released
   * 03-12:  demand 102 8 ← released 6 + PO3 2 due 03-12, released Wed 03-11 (projected 4)
   * </pre>
   */
  @Test
  void increaseThenDecrease() {
    MrpInput in =
        input(
            List.of(item(1).lead(1).onHand(10).steps("2026-03-04", 10, "2026-03-11", 4).build()),
            List.of(),
            List.of(
                dem(101, 1, "2026-03-03", 10),
                dem(102, 1, "2026-03-12", 8),
                dem(103, 1, "2026-03-06", 3)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-03", "2026-03-04", 10),
            po(2, 1, "2026-03-05", "2026-03-06", 3),
            po(3, 1, "2026-03-11", "2026-03-12", 2));
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 101, Pegging.DEMAND, 1, 10),
            peg(1, Pegging.PLANNED, 1, Pegging.SAFETY_STOCK, 1, 10),
            peg(2, Pegging.PLANNED, 103, Pegging.DEMAND, 1, 3),
            peg(2, Pegging.ON_HAND, 102, Pegging.DEMAND, 1, 6),
            peg(3, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 2));
    assertThat(r.messages()).isEmpty();
  }

  /**
   * Steps before the plan start and on the end of the horizon. Item 1: lead 0, on hand 5, safety
   * stock 10, but from Fri 02-20 3 (step 1), from Mon 03-09 8 (step 2: +5), from Wed 04-01 100
   * (step 3, the end of the 30-day horizon: ignored).
   *
   * <pre>
   * day 0:  safety 3 ← on hand 3
   * 03-03:  demand 101 2 ← on hand 2
   * 03-09:  increase 5 → PO1 5 due 03-09
   * </pre>
   */
  @Test
  void stepBeforeThePlanStartSetsTheLevelFromIt() {
    MrpInput in =
        input(
            List.of(
                item(1)
                    .onHand(5)
                    .ss(10)
                    .steps("2026-02-20", 3, "2026-03-09", 8, "2026-04-01", 100)
                    .build()),
            List.of(),
            List.of(dem(101, 1, "2026-03-03", 2)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).containsExactly(po(1, 1, "2026-03-09", "2026-03-09", 5));
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 0, Pegging.SAFETY_STOCK, 1, 3),
            peg(0, Pegging.ON_HAND, 101, Pegging.DEMAND, 1, 2),
            peg(1, Pegging.PLANNED, 2, Pegging.SAFETY_STOCK, 1, 5));
    assertThat(r.messages()).isEmpty();
  }

  /**
   * Fixed lot 20. Item 1: lead 0, on hand 12, from Thu 03-05 10 (step 1: +10).
   *
   * <pre>
   * 03-03:  demand 101 8 ← on hand 8
   * 03-05:  increase 10: 18 − 12 = 6 → PO1 20 due 03-05 (projected 24)
   * 03-10:  demand 102 15: projected 9 &lt; 10 → PO2 20 due 03-10 (projected 29)
   * Pegging: increase (1) ← on hand 4 + PO1 6; 102 ← PO1 14 + PO2 1
   * </pre>
   */
  @Test
  void fixedLotSizeWithAnIncrease() {
    MrpInput in =
        input(
            List.of(item(1).fixed(20).onHand(12).steps("2026-03-05", 10).build()),
            List.of(),
            List.of(dem(101, 1, "2026-03-03", 8), dem(102, 1, "2026-03-10", 15)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-05", "2026-03-05", 20), po(2, 1, "2026-03-10", "2026-03-10", 20));
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 101, Pegging.DEMAND, 1, 8),
            peg(0, Pegging.ON_HAND, 1, Pegging.SAFETY_STOCK, 1, 4),
            peg(1, Pegging.PLANNED, 1, Pegging.SAFETY_STOCK, 1, 6),
            peg(1, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 14),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 1));
    assertThat(r.messages()).isEmpty();
  }

  /**
   * An increase before the first possible arrival. Item 7: lead 5 (first arrival Sat 03-07), on
   * hand 10, safety stock 5, from Wed 03-04 12 (step 1: +7). Short 2 from 03-04: PO1 2 released
   * 03-02, due 03-07, PAST_DUE (dated 02-25, 5 working days before 03-04) and BELOW_SAFETY dated
   * 03-04 naming the level 12.
   */
  @Test
  void increaseBeforeTheFirstArrivalIsPastDue() {
    MrpInput in =
        input(
            List.of(item(7).lead(5).onHand(10).ss(5).steps("2026-03-04", 12).build()),
            List.of(),
            List.of(),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).containsExactly(po(1, 7, "2026-03-02", "2026-03-07", 2));
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 0, Pegging.SAFETY_STOCK, 7, 5),
            peg(0, Pegging.ON_HAND, 1, Pegging.SAFETY_STOCK, 7, 5),
            peg(1, Pegging.PLANNED, 1, Pegging.SAFETY_STOCK, 7, 2));
    assertThat(r.messages())
        .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            tuple(MrpMessage.PAST_DUE, d("2026-02-25"), 1L),
            tuple(MrpMessage.BELOW_SAFETY, d("2026-03-04"), 1L));
    assertThat(r.messages().get(1).message())
        .contains("is below safety stock 12.0 from 2026-03-04");
  }

  /**
   * Released stock cannot serve a shortage before the first arrival. Item 7: lead 5 (first arrival
   * Sat 03-07), on hand 10, safety stock 10, from Thu 03-05 0 (step 1 releases 10); demand 101 4 on
   * Tue 03-03.
   *
   * <pre>
   * day 0:  safety 10 ← on hand 10
   * 03-03:  demand 101 4 short (the release on 03-05 is later) → PO1 4 released 03-02, due 03-07
   * 03-05:  10 released, not needed: stays as stock
   * </pre>
   */
  @Test
  void releaseDoesNotCoverAnEarlierShortage() {
    MrpInput in =
        input(
            List.of(item(7).lead(5).onHand(10).ss(10).steps("2026-03-05", 0).build()),
            List.of(),
            List.of(dem(101, 7, "2026-03-03", 4)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).containsExactly(po(1, 7, "2026-03-02", "2026-03-07", 4));
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 0, Pegging.SAFETY_STOCK, 7, 10),
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 7, 4));
    assertThat(r.messages())
        .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            tuple(MrpMessage.PAST_DUE, d("2026-02-24"), 1L),
            tuple(MrpMessage.BELOW_SAFETY, d("2026-03-03"), 1L));
  }

  /**
   * A scheduled receipt is movable: it covers an increase before it arrives (EXPEDITE). Item 1:
   * lead 0, nothing on hand, from Wed 03-04 6 (step 1); receipt 201 of 10 on Mon 03-09.
   */
  @Test
  void receiptCoversAnIncreaseWithExpedite() {
    MrpInput in =
        input(
            List.of(item(1).steps("2026-03-04", 6).build()),
            List.of(),
            List.of(),
            List.of(rec(201, 1, "2026-03-09", 10)),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).isEmpty();
    assertThat(r.pegging())
        .containsExactly(peg(201, Pegging.RECEIPT, 1, Pegging.SAFETY_STOCK, 1, 6));
    assertThat(r.messages())
        .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(tuple(MrpMessage.EXPEDITE, d("2026-03-04"), 201L));
  }

  /**
   * Behind a planning time fence of 7 days (F = Mon 03-09) an increase on Wed 03-04 is covered by
   * an order due on F. Item 1: lead 0, on hand 5, from 03-04 10 (step 1: +10): PO1 5 due and
   * released 03-09, PLANNING_FENCE and BELOW_SAFETY dated 03-04.
   */
  @Test
  void increaseInsideThePlanningFence() {
    MrpInput in =
        input(
            List.of(item(1).onHand(5).fence(7).steps("2026-03-04", 10).build()),
            List.of(),
            List.of(),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders()).containsExactly(po(1, 1, "2026-03-09", "2026-03-09", 5));
    assertThat(r.pegging())
        .containsExactly(
            peg(0, Pegging.ON_HAND, 1, Pegging.SAFETY_STOCK, 1, 5),
            peg(1, Pegging.PLANNED, 1, Pegging.SAFETY_STOCK, 1, 5));
    assertThat(r.messages())
        .extracting(MrpMessage::kind, MrpMessage::date, MrpMessage::referenceId)
        .containsExactly(
            tuple(MrpMessage.PLANNING_FENCE, d("2026-03-04"), 1L),
            tuple(MrpMessage.BELOW_SAFETY, d("2026-03-04"), 1L));
  }

  /**
   * A phantom ignores its steps: its requirements pass through to the component unchanged. Item 1 →
   * phantom 2 (on hand 3, steps up to 50) → 3.
   */
  @Test
  void phantomIgnoresSteps() {
    MrpInput in =
        input(
            List.of(
                item(1).build(),
                item(2).phantom().onHand(3).steps("2026-02-01", 50, "2026-03-04", 80).build(),
                item(3).build()),
            List.of(MrpEngineTest.line(1, 2, 1, 0), MrpEngineTest.line(2, 3, 1, 0)),
            List.of(dem(101, 1, "2026-03-05", 10)),
            List.of(),
            30);
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-05", "2026-03-05", 10), po(2, 3, "2026-03-05", "2026-03-05", 7));
    assertThat(r.pegging()).noneMatch(p -> p.demandKind().equals(Pegging.SAFETY_STOCK));
  }

  /**
   * No steps, or steps that change nothing (the plan-start level again before the plan start, the
   * same level mid-horizon, anything from the end of the horizon on), plan exactly as without:
   * random models with make-to-order, phantoms, fences and co-products; phantoms get arbitrary
   * steps.
   */
  @Test
  void neutralStepsPlanIdentically() {
    for (long seed = 1; seed <= 10; seed++) {
      MrpInput in =
          MrpEnginePropertyTest.randomInput(seed, seed % 2 == 0, seed % 3 == 0, seed % 4 != 1);
      List<PlanItem> items = new ArrayList<>();
      LocalDate end = START.plusDays(in.horizonDays());
      for (PlanItem it : in.items()) {
        List<SafetyStockStep> steps =
            it.phantom()
                ? List.of(
                    new SafetyStockStep(START.minusDays(3), 99),
                    new SafetyStockStep(START.plusDays(4), 7))
                : List.of(
                    new SafetyStockStep(START.minusDays(10), 1000),
                    new SafetyStockStep(START, it.safetyStock()),
                    new SafetyStockStep(START.plusDays(5), it.safetyStock()),
                    new SafetyStockStep(end, it.safetyStock() + 50),
                    new SafetyStockStep(end.plusDays(3), 0));
        items.add(withSteps(it, steps));
      }
      MrpInput stepped =
          new MrpInput(
              items,
              in.bom(),
              in.demands(),
              in.receipts(),
              in.calendar(),
              in.planStart(),
              in.horizonDays(),
              in.outputs(),
              in.substitutions());
      MrpResult plain = MrpEngine.run(in);
      for (MrpResult r : List.of(MrpEngine.run(stepped), MrpEngine.run(stepped, 0))) {
        assertThat(r.plannedOrders()).isEqualTo(plain.plannedOrders());
        assertThat(r.pegging()).isEqualTo(plain.pegging());
        assertThat(r.messages()).isEqualTo(plain.messages());
      }
    }
  }

  @Test
  void invalidStepsAreRefused() {
    for (List<SafetyStockStep> steps :
        List.of(
            List.of(
                new SafetyStockStep(d("2026-03-05"), 1), new SafetyStockStep(d("2026-03-05"), 2)),
            List.of(
                new SafetyStockStep(d("2026-03-06"), 1), new SafetyStockStep(d("2026-03-05"), 2)),
            List.of(new SafetyStockStep(d("2026-03-05"), -1)),
            List.of(new SafetyStockStep(d("2026-03-05"), Double.NaN)),
            List.of(new SafetyStockStep(d("2026-03-05"), Double.POSITIVE_INFINITY)),
            List.of(new SafetyStockStep(null, 1)))) {
      MrpInput in =
          input(List.of(withSteps(item(42).build(), steps)), List.of(), List.of(), List.of(), 30);
      assertThatThrownBy(() -> MrpEngine.run(in))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("item 42")
          .hasMessageContaining("safety stock step");
    }
  }

  private static PlanItem withSteps(PlanItem it, List<SafetyStockStep> steps) {
    return new PlanItem(
        it.materialId(),
        it.leadTimeDays(),
        it.lotSizing(),
        it.fixedQuantity(),
        it.periodDays(),
        it.minimumQuantity(),
        it.maximumQuantity(),
        it.multipleQuantity(),
        it.safetyStock(),
        it.onHand(),
        it.yieldPercent(),
        it.phantom(),
        it.planningFenceDays(),
        steps);
  }
}
