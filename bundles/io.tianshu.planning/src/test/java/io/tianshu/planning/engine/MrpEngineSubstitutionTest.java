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

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked material substitution ({@link PlanSubstitution}, 替代料) examples. Calendar as in {@link
 * MrpEngineTest}: Mon–Fri working, no holidays; plan start Monday 2026-03-02. Day indices: 0 Mon
 * 03-02, 2 Wed 03-04, 3 Thu 03-05, 4 Fri 03-06, 7 Mon 03-09, 9 Wed 03-11, 10 Thu 03-12, 11 Fri
 * 03-13. All lead times 0 (orders released on their due date) unless said otherwise.
 */
class MrpEngineSubstitutionTest {

  static MrpInput input(
      List<PlanItem> items,
      List<PlanBomLine> bom,
      List<PlanDemand> demands,
      List<PlanReceipt> receipts,
      List<PlanSubstitution> subs) {
    return new MrpInput(items, bom, demands, receipts, CAL, START, 60, List.of(), subs);
  }

  static PlanSubstitutePart part(long material, double qty) {
    return new PlanSubstitutePart(material, qty);
  }

  static PlanSubstitution sub(
      long group,
      long parent,
      long primary,
      String strategy,
      int priority,
      List<PlanSubstitutePart> parts,
      String from,
      String to) {
    return new PlanSubstitution(
        group,
        parent,
        primary,
        strategy,
        priority,
        parts,
        from == null ? null : d(from),
        to == null ? null : d(to),
        Set.of());
  }

  /** The invariants of {@link MrpEngineTest#runChecked} and the threaded path. */
  static MrpResult runChecked(MrpInput in) {
    MrpResult r = MrpEngineTest.runChecked(in);
    MrpInvariants.assertMakeToOrder(in, r);
    MrpResult parallel = MrpEngine.run(in, 0);
    assertThat(parallel.plannedOrders()).isEqualTo(r.plannedOrders());
    assertThat(parallel.pegging()).isEqualTo(r.pegging());
    assertThat(parallel.messages()).isEqualTo(r.messages());
    assertThat(parallel.lowLevelCodes()).isEqualTo(r.lowLevelCodes());
    MrpResult again = MrpEngine.run(in, Integer.MAX_VALUE);
    assertThat(again.plannedOrders()).isEqualTo(r.plannedOrders());
    assertThat(again.pegging()).isEqualTo(r.pegging());
    assertThat(again.messages()).isEqualTo(r.messages());
    return r;
  }

  static List<org.assertj.core.groups.Tuple> messages(MrpResult r) {
    Function<MrpMessage, org.assertj.core.groups.Tuple> f =
        m -> tuple(m.materialId(), m.kind(), m.date(), m.referenceId(), m.quantity());
    return r.messages().stream().map(f).toList();
  }

  @Test
  void theEightParameterConstructorHasNoSubstitutionsAndRowsAreCopied() {
    MrpInput plain =
        new MrpInput(List.of(), List.of(), List.of(), List.of(), CAL, START, 10, List.of());
    assertThat(plain.substitutions()).isEmpty();
    assertThat(new MrpInput(null, null, null, null, CAL, START, 10, null, null).substitutions())
        .isEmpty();
    PlanSubstitution s = new PlanSubstitution(1, 0, 2, "USE_UP", 1, null, null, null, null);
    assertThat(s.parts()).isEmpty();
    assertThat(s.demandReferences()).isEmpty();
  }

  /**
   * A (1) → 2 × P (2); REPLACEMENT group 1 (any parent): S (3), 1.5 per P, valid from Mon 03-09.
   * Demands of A: 101 of 10 on Wed 03-04, 102 of 20 on Wed 03-11.
   *
   * <pre>
   * A: PO1 10 03-04, PO2 20 03-11
   * P: 20 on 03-04 (before validFrom) stays on P → PO3 20 03-04; 40 on 03-11 → replaced
   * S: 40 × 1.5 = 60 on 03-11 (pegged to PO2) → PO4 60 03-11
   * </pre>
   */
  @Test
  void replacementRedirectsTheWholeRequirementWhileASetIsValid() {
    MrpInput in =
        input(
            List.of(item(1).build(), item(2).build(), item(3).build()),
            List.of(line(1, 2, 2, 0)),
            List.of(dem(101, 1, "2026-03-04", 10), dem(102, 1, "2026-03-11", 20)),
            List.of(),
            List.of(
                sub(
                    1,
                    0,
                    2,
                    PlanSubstitution.REPLACEMENT,
                    1,
                    List.of(part(3, 1.5)),
                    "2026-03-09",
                    null)));
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-04", "2026-03-04", 10),
            po(2, 1, "2026-03-11", "2026-03-11", 20),
            po(3, 2, "2026-03-04", "2026-03-04", 20),
            po(4, 3, "2026-03-11", "2026-03-11", 60));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 10),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 20),
            peg(3, Pegging.PLANNED, 1, Pegging.DEPENDENT, 2, 20),
            peg(4, Pegging.PLANNED, 2, Pegging.DEPENDENT, 3, 60));
    assertThat(messages(r))
        .containsExactly(tuple(3L, MrpMessage.SUBSTITUTED, d("2026-03-11"), 2L, 60.0));
    assertThat(r.lowLevelCodes()).containsExactly(0, 1, 1);
  }

  /**
   * A (1) → P (2); DATE_EFFECTIVE group 1: S (3) priority 1 without validFrom (never counts), T (4)
   * priority 2 valid [Mon 03-09, Thu 03-12). Demands of A: 10 on 03-04, 20 on 03-11, 5 on Fri
   * 03-13.
   *
   * <pre>
   * A: PO1 10 03-04, PO2 20 03-11, PO3 5 03-13
   * P: 10 on 03-04 (T not yet effective) → PO4; 20 on 03-11 → T; 5 on 03-13 (T expired) → PO5
   * T: PO6 20 03-11
   * </pre>
   */
  @Test
  void dateEffectiveCountsOnlySetsWithAValidFromInsideTheirWindow() {
    MrpInput in =
        input(
            List.of(item(1).build(), item(2).build(), item(3).build(), item(4).build()),
            List.of(line(1, 2, 1, 0)),
            List.of(
                dem(101, 1, "2026-03-04", 10),
                dem(102, 1, "2026-03-11", 20),
                dem(103, 1, "2026-03-13", 5)),
            List.of(),
            List.of(
                sub(1, 0, 2, PlanSubstitution.DATE_EFFECTIVE, 1, List.of(part(3, 1)), null, null),
                sub(
                    1,
                    0,
                    2,
                    PlanSubstitution.DATE_EFFECTIVE,
                    2,
                    List.of(part(4, 1)),
                    "2026-03-09",
                    "2026-03-12")));
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-04", "2026-03-04", 10),
            po(2, 1, "2026-03-11", "2026-03-11", 20),
            po(3, 1, "2026-03-13", "2026-03-13", 5),
            po(4, 2, "2026-03-04", "2026-03-04", 10),
            po(5, 2, "2026-03-13", "2026-03-13", 5),
            po(6, 4, "2026-03-11", "2026-03-11", 20));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 10),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 20),
            peg(3, Pegging.PLANNED, 103, Pegging.DEMAND, 1, 5),
            peg(4, Pegging.PLANNED, 1, Pegging.DEPENDENT, 2, 10),
            peg(5, Pegging.PLANNED, 3, Pegging.DEPENDENT, 2, 5),
            peg(6, Pegging.PLANNED, 2, Pegging.DEPENDENT, 4, 20));
    assertThat(messages(r))
        .containsExactly(tuple(4L, MrpMessage.SUBSTITUTED, d("2026-03-11"), 2L, 20.0));
  }

  /**
   * A (1) and B (2) both use 1 × P (3). REPLACEMENT group 5 for parent A: the set S (4) 1 + T (5)
   * 0.5; REPLACEMENT group 3 for any parent: U (6) 1. Group 5 is specific to A and wins there
   * despite its higher id. Demands: A 10 on Wed 03-04, B 4 on Thu 03-05.
   *
   * <pre>
   * A: PO1 10 03-04; B: PO2 4 03-05
   * P: nothing left
   * S: 10 on 03-04 → PO3 10; T: 5 on 03-04 → PO4 5; U: 4 on 03-05 → PO5 4
   * </pre>
   */
  @Test
  void multiPartSetAndTheParentSpecificGroupWins() {
    MrpInput in =
        input(
            List.of(
                item(1).build(),
                item(2).build(),
                item(3).build(),
                item(4).build(),
                item(5).build(),
                item(6).build()),
            List.of(line(1, 3, 1, 0), line(2, 3, 1, 0)),
            List.of(dem(101, 1, "2026-03-04", 10), dem(102, 2, "2026-03-05", 4)),
            List.of(),
            List.of(
                sub(3, 0, 3, PlanSubstitution.REPLACEMENT, 1, List.of(part(6, 1)), null, null),
                sub(
                    5,
                    1,
                    3,
                    PlanSubstitution.REPLACEMENT,
                    1,
                    List.of(part(4, 1), part(5, 0.5)),
                    null,
                    null)));
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-04", "2026-03-04", 10),
            po(2, 2, "2026-03-05", "2026-03-05", 4),
            po(3, 4, "2026-03-04", "2026-03-04", 10),
            po(4, 5, "2026-03-04", "2026-03-04", 5),
            po(5, 6, "2026-03-05", "2026-03-05", 4));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 10),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 2, 4),
            peg(3, Pegging.PLANNED, 1, Pegging.DEPENDENT, 4, 10),
            peg(4, Pegging.PLANNED, 1, Pegging.DEPENDENT, 5, 5),
            peg(5, Pegging.PLANNED, 2, Pegging.DEPENDENT, 6, 4));
    assertThat(messages(r))
        .containsExactly(
            tuple(4L, MrpMessage.SUBSTITUTED, d("2026-03-04"), 1L, 10.0),
            tuple(5L, MrpMessage.SUBSTITUTED, d("2026-03-04"), 1L, 5.0),
            tuple(6L, MrpMessage.SUBSTITUTED, d("2026-03-05"), 2L, 4.0));
    assertThat(r.lowLevelCodes()).containsExactly(0, 0, 1, 1, 1, 1);
  }

  /**
   * A (1) → P (2); USE_UP group 1: S (3), 2 per P, fixed lot 50. P: on hand 15, receipt 201 of 5 on
   * Fri 03-06, independent demand 103 of 3 on Thu 03-12. Demands of A: 12 on Wed 03-04, 12 on Wed
   * 03-11.
   *
   * <pre>
   * A: PO1 12 03-04, PO2 12 03-11
   * P (on hand + receipt 20): 03-04 12 covered; 03-11 12: 8 covered, 4 passed to S;
   *   03-12 3 (independent, never substituted) → PO3 3 03-12
   * S: 4 × 2 = 8 on 03-11 → fixed lot PO4 50 03-11 (42 unpegged)
   * </pre>
   *
   * With S valid only from Thu 03-12 the 4 stay on P: PO3 4 03-11, PO4 3 03-12, S has nothing.
   */
  @Test
  void useUpPassesWhatStockAndReceiptsLeaveToTheSubstituteWithItsLotSizing() {
    List<PlanItem> items =
        List.of(item(1).build(), item(2).onHand(15).build(), item(3).fixed(50).build());
    List<PlanBomLine> bom = List.of(line(1, 2, 1, 0));
    List<PlanDemand> demands =
        List.of(
            dem(101, 1, "2026-03-04", 12),
            dem(102, 1, "2026-03-11", 12),
            dem(103, 2, "2026-03-12", 3));
    List<PlanReceipt> receipts = List.of(rec(201, 2, "2026-03-06", 5));
    MrpResult r =
        runChecked(
            input(
                items,
                bom,
                demands,
                receipts,
                List.of(
                    sub(1, 0, 2, PlanSubstitution.USE_UP, 1, List.of(part(3, 2)), null, null))));
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-04", "2026-03-04", 12),
            po(2, 1, "2026-03-11", "2026-03-11", 12),
            po(3, 2, "2026-03-12", "2026-03-12", 3),
            po(4, 3, "2026-03-11", "2026-03-11", 50));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 12),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 12),
            peg(0, Pegging.ON_HAND, 1, Pegging.DEPENDENT, 2, 12),
            peg(0, Pegging.ON_HAND, 2, Pegging.DEPENDENT, 2, 3),
            peg(201, Pegging.RECEIPT, 2, Pegging.DEPENDENT, 2, 5),
            peg(3, Pegging.PLANNED, 103, Pegging.DEMAND, 2, 3),
            peg(4, Pegging.PLANNED, 2, Pegging.DEPENDENT, 3, 8));
    assertThat(messages(r))
        .containsExactly(tuple(3L, MrpMessage.SUBSTITUTED, d("2026-03-11"), 2L, 8.0));
    assertThat(r.lowLevelCodes()).containsExactly(0, 1, 2);

    MrpResult late =
        runChecked(
            input(
                items,
                bom,
                demands,
                receipts,
                List.of(
                    sub(
                        1,
                        0,
                        2,
                        PlanSubstitution.USE_UP,
                        1,
                        List.of(part(3, 2)),
                        "2026-03-12",
                        null))));
    assertThat(late.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-04", "2026-03-04", 12),
            po(2, 1, "2026-03-11", "2026-03-11", 12),
            po(3, 2, "2026-03-11", "2026-03-11", 4),
            po(4, 2, "2026-03-12", "2026-03-12", 3));
    assertThat(late.messages()).isEmpty();
  }

  /**
   * A (1) → P (2), B (4) → S (3); PRIORITY group 1: S, 1 per P. P on hand 5; S on hand 30, demand
   * 104 of 20 on Fri 03-13. Demands: A 25 on Wed 03-04, B 5 on Thu 03-12.
   *
   * <pre>
   * Order: A, B (B → P because B is a parent of S), P, S (P → S)
   * A: PO1 25 03-04; B: PO2 5 03-12
   * P: 25 on 03-04, on hand 5, 20 uncovered
   *   S projected available without orders: 30 until 03-11, 25 from 03-12 (B), 5 from 03-13
   *   free at 03-04 = 5 → 5 taken from S, 15 planned on P: PO3 15 03-04
   * S: 5 (PO1) 03-04, 5 (PO2) 03-12, 20 (104) 03-13 = its 30 on hand, no order
   * </pre>
   */
  @Test
  void priorityTakesOnlyTheFreeStockTheSubstituteDoesNotNeedLater() {
    MrpInput in =
        input(
            List.of(
                item(1).build(),
                item(4).build(),
                item(2).onHand(5).build(),
                item(3).onHand(30).build()),
            List.of(line(1, 2, 1, 0), line(4, 3, 1, 0)),
            List.of(
                dem(101, 1, "2026-03-04", 25),
                dem(102, 4, "2026-03-12", 5),
                dem(104, 3, "2026-03-13", 20)),
            List.of(),
            List.of(sub(1, 0, 2, PlanSubstitution.PRIORITY, 1, List.of(part(3, 1)), null, null)));
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-04", "2026-03-04", 25),
            po(2, 4, "2026-03-12", "2026-03-12", 5),
            po(3, 2, "2026-03-04", "2026-03-04", 15));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 25),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 4, 5),
            peg(0, Pegging.ON_HAND, 1, Pegging.DEPENDENT, 2, 5),
            peg(3, Pegging.PLANNED, 1, Pegging.DEPENDENT, 2, 15),
            peg(0, Pegging.ON_HAND, 1, Pegging.DEPENDENT, 3, 5),
            peg(0, Pegging.ON_HAND, 2, Pegging.DEPENDENT, 3, 5),
            peg(0, Pegging.ON_HAND, 104, Pegging.DEMAND, 3, 20));
    assertThat(messages(r))
        .containsExactly(tuple(3L, MrpMessage.SUBSTITUTED, d("2026-03-04"), 1L, 5.0));
    assertThat(r.lowLevelCodes()).containsExactly(0, 0, 1, 2);
  }

  /**
   * A (1) → P (2); PRIORITY group 1: set 1 (priority 1) S (3) 1 + T (4) 2, set 2 (priority 2) U (5)
   * 1. P has no stock; S on hand 10, T on hand 8, U on hand 100 with safety stock 90. Demand of A:
   * 30 on Wed 03-04.
   *
   * <pre>
   * A: PO1 30 03-04; P: 30 on 03-04, nothing on hand
   *   set 1: S free 10 → 10 sets, T free 8 → 4 sets: 4 sets (S 4, T 8)
   *   set 2: U free 100 − 90 = 10 → 10; the last 16 on P: PO2 16 03-04
   * </pre>
   */
  @Test
  void priorityTakesTheSetsInOrderAndAMultiPartSetIsLimitedByItsScarcestPart() {
    MrpInput in =
        input(
            List.of(
                item(1).build(),
                item(2).build(),
                item(3).onHand(10).build(),
                item(4).onHand(8).build(),
                item(5).onHand(100).ss(90).build()),
            List.of(line(1, 2, 1, 0)),
            List.of(dem(101, 1, "2026-03-04", 30)),
            List.of(),
            List.of(
                sub(1, 0, 2, PlanSubstitution.PRIORITY, 2, List.of(part(5, 1)), null, null),
                sub(
                    1,
                    0,
                    2,
                    PlanSubstitution.PRIORITY,
                    1,
                    List.of(part(3, 1), part(4, 2)),
                    null,
                    null)));
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-04", "2026-03-04", 30), po(2, 2, "2026-03-04", "2026-03-04", 16));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 30),
            peg(2, Pegging.PLANNED, 1, Pegging.DEPENDENT, 2, 16),
            peg(0, Pegging.ON_HAND, 1, Pegging.DEPENDENT, 3, 4),
            peg(0, Pegging.ON_HAND, 1, Pegging.DEPENDENT, 4, 8),
            peg(0, Pegging.ON_HAND, 0, Pegging.SAFETY_STOCK, 5, 90),
            peg(0, Pegging.ON_HAND, 1, Pegging.DEPENDENT, 5, 10));
    assertThat(messages(r))
        .containsExactly(
            tuple(3L, MrpMessage.SUBSTITUTED, d("2026-03-04"), 1L, 4.0),
            tuple(4L, MrpMessage.SUBSTITUTED, d("2026-03-04"), 1L, 8.0),
            tuple(5L, MrpMessage.SUBSTITUTED, d("2026-03-04"), 1L, 10.0));
    assertThat(r.lowLevelCodes()).containsExactly(0, 1, 2, 2, 2);
  }

  /**
   * A (1) → P (2); DESIGNATED group 1 for the demands referenced "SO-1": S (3). Demands of A: 101
   * "SO-1" make-to-order 10 on Wed 03-04, 102 "SO-2" make-to-order 10 on Thu 03-05, 103 "SO-1"
   * make-to-stock 5 on Fri 03-06.
   *
   * <pre>
   * A: PO1 10 03-04 (101), PO2 10 03-05 (102), PO3 5 03-06 (103)
   * P: PO1's 10 → S (designated); PO2's 10 (SO-2) and PO3's 5 (no make-to-order order) stay:
   *   PO4 10 03-05, PO5 5 03-06
   * S: PO6 10 03-04
   * </pre>
   */
  @Test
  void designatedRedirectsOnlyTheOrdersOfTheDesignatedDemands() {
    MrpInput in =
        input(
            List.of(item(1).build(), item(2).build(), item(3).build()),
            List.of(line(1, 2, 1, 0)),
            List.of(
                new PlanDemand(101, 1, d("2026-03-04"), 10, "SO-1", true),
                new PlanDemand(102, 1, d("2026-03-05"), 10, "SO-2", true),
                new PlanDemand(103, 1, d("2026-03-06"), 5, "SO-1", false)),
            List.of(),
            List.of(
                new PlanSubstitution(
                    1,
                    0,
                    2,
                    PlanSubstitution.DESIGNATED,
                    1,
                    List.of(part(3, 1)),
                    null,
                    null,
                    Set.of("SO-1"))));
    MrpResult r = runChecked(in);
    assertThat(r.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-04", "2026-03-04", 10),
            po(2, 1, "2026-03-05", "2026-03-05", 10),
            po(3, 1, "2026-03-06", "2026-03-06", 5),
            po(4, 2, "2026-03-05", "2026-03-05", 10),
            po(5, 2, "2026-03-06", "2026-03-06", 5),
            po(6, 3, "2026-03-04", "2026-03-04", 10));
    assertThat(r.pegging())
        .containsExactly(
            peg(1, Pegging.PLANNED, 101, Pegging.DEMAND, 1, 10),
            peg(2, Pegging.PLANNED, 102, Pegging.DEMAND, 1, 10),
            peg(3, Pegging.PLANNED, 103, Pegging.DEMAND, 1, 5),
            peg(4, Pegging.PLANNED, 2, Pegging.DEPENDENT, 2, 10),
            peg(5, Pegging.PLANNED, 3, Pegging.DEPENDENT, 2, 5),
            peg(6, Pegging.PLANNED, 1, Pegging.DEPENDENT, 3, 10));
    assertThat(messages(r))
        .containsExactly(tuple(3L, MrpMessage.SUBSTITUTED, d("2026-03-04"), 1L, 10.0));
  }

  /**
   * A (1) → P (2) and S (3) → P: a USE_UP group 7 of P with substitute S would need P → S, closing
   * the cycle S → P → S: the group is ignored, the plan equals the plan without it.
   */
  @Test
  void aGroupClosingACycleIsIgnoredWithAMessage() {
    List<PlanItem> items = List.of(item(1).build(), item(2).build(), item(3).build());
    List<PlanBomLine> bom = List.of(line(1, 2, 1, 0), line(3, 2, 1, 0));
    List<PlanDemand> demands = List.of(dem(101, 1, "2026-03-04", 10), dem(102, 3, "2026-03-05", 5));
    MrpResult r =
        runChecked(
            input(
                items,
                bom,
                demands,
                List.of(),
                List.of(
                    sub(7, 0, 2, PlanSubstitution.USE_UP, 1, List.of(part(3, 1)), null, null))));
    MrpResult plain = runChecked(input(items, bom, demands, List.of(), List.of()));
    assertThat(r.plannedOrders())
        .isEqualTo(plain.plannedOrders())
        .containsExactly(
            po(1, 1, "2026-03-04", "2026-03-04", 10),
            po(2, 3, "2026-03-05", "2026-03-05", 5),
            po(3, 2, "2026-03-04", "2026-03-04", 10),
            po(4, 2, "2026-03-05", "2026-03-05", 5));
    assertThat(r.pegging()).isEqualTo(plain.pegging());
    assertThat(r.lowLevelCodes()).isEqualTo(plain.lowLevelCodes());
    assertThat(messages(r))
        .containsExactly(tuple(2L, MrpMessage.SUBSTITUTION_IGNORED, START, 7L, 0.0));
  }

  /** A cycle through BOM lines alone is refused as without substitutions. */
  @Test
  void aBomCycleIsStillRefused() {
    assertThatThrownBy(
            () ->
                MrpEngine.run(
                    input(
                        List.of(item(1).build(), item(2).build(), item(3).build()),
                        List.of(line(1, 2, 1, 0), line(2, 1, 1, 0)),
                        List.of(),
                        List.of(),
                        List.of(
                            sub(
                                1,
                                0,
                                2,
                                PlanSubstitution.REPLACEMENT,
                                1,
                                List.of(part(3, 1)),
                                null,
                                null)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("BOM cycle: 1 -> 2 -> 1");
  }

  @Test
  void invalidGroupsAreRefusedNamingTheGroup() {
    List<PlanItem> items =
        List.of(item(1).build(), item(2).build(), item(3).build(), item(4).phantom().build());
    List<PlanBomLine> bom = List.of(line(1, 2, 1, 0));
    String r = PlanSubstitution.REPLACEMENT;
    List<List<PlanSubstitution>> bad =
        List.of(
            List.of(sub(9, 0, 2, r, 1, List.of(part(99, 1)), null, null)),
            List.of(sub(9, 0, 99, r, 1, List.of(part(3, 1)), null, null)),
            List.of(sub(9, 98, 2, r, 1, List.of(part(3, 1)), null, null)),
            List.of(sub(9, 0, 4, r, 1, List.of(part(3, 1)), null, null)),
            List.of(sub(9, 0, 2, r, 1, List.of(part(4, 1)), null, null)),
            List.of(sub(9, 0, 2, r, 1, List.of(part(3, 0)), null, null)),
            List.of(sub(9, 0, 2, r, 1, List.of(part(3, Double.NaN)), null, null)),
            List.of(sub(9, 0, 2, r, 1, List.of(part(3, Double.POSITIVE_INFINITY)), null, null)),
            List.of(sub(9, 0, 2, "SOMETIMES", 1, List.of(part(3, 1)), null, null)),
            List.of(sub(9, 0, 2, null, 1, List.of(part(3, 1)), null, null)),
            List.of(sub(9, 0, 2, r, 1, List.of(part(2, 1)), null, null)),
            List.of(sub(9, 0, 2, r, 1, List.of(), null, null)),
            List.of(sub(9, 0, 2, r, 1, List.of(part(3, 1)), "2026-03-05", "2026-03-05")),
            List.of(
                sub(9, 0, 2, r, 1, List.of(part(3, 1)), null, null),
                sub(9, 1, 2, r, 2, List.of(part(3, 1)), null, null)),
            List.of(
                sub(9, 0, 2, r, 1, List.of(part(1, 1)), null, null),
                sub(9, 0, 3, r, 2, List.of(part(1, 1)), null, null)),
            List.of(
                sub(9, 0, 2, r, 1, List.of(part(3, 1)), null, null),
                sub(9, 0, 2, PlanSubstitution.USE_UP, 2, List.of(part(3, 1)), null, null)));
    for (List<PlanSubstitution> subs : bad) {
      assertThatThrownBy(() -> MrpEngine.run(input(items, bom, List.of(), List.of(), subs)))
          .as("%s", subs)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("substitution group 9: ");
    }
  }

  /** An empty substitution list plans exactly like the eight-parameter input. */
  @Test
  void noSubstitutionsGiveTheSameResults() {
    for (long seed = 1; seed <= 20; seed++) {
      MrpInput base = MrpEnginePropertyTest.randomInput(seed, seed % 2 == 0, seed % 3 == 0, true);
      MrpInput with =
          new MrpInput(
              base.items(),
              base.bom(),
              base.demands(),
              base.receipts(),
              base.calendar(),
              base.planStart(),
              base.horizonDays(),
              base.outputs(),
              List.of());
      MrpResult a = MrpEngine.run(base);
      MrpResult b = MrpEngine.run(with);
      assertThat(b.plannedOrders()).isEqualTo(a.plannedOrders());
      assertThat(b.pegging()).isEqualTo(a.pegging());
      assertThat(b.messages()).isEqualTo(a.messages());
      assertThat(b.lowLevelCodes()).isEqualTo(a.lowLevelCodes());
    }
  }
}
