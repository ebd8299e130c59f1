package io.tianshu.planning.engine;

import static io.tianshu.planning.engine.MrpInvariants.CAL;
import static io.tianshu.planning.engine.MrpInvariants.START;
import static io.tianshu.planning.engine.MrpInvariants.d;
import static io.tianshu.planning.engine.MrpInvariants.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Net change: hand-worked multi-level examples, and random models with sequences of random demand
 * changes where after every apply the plan must equal a fresh regenerative run of the changed
 * input.
 */
class NetChangePlannerTest {

  private static final long A = 1;
  private static final long B = 2;
  private static final long C = 3;
  private static final long D = 4;
  private static final long E = 5;

  /**
   * A (lead 1) → 2 × B (lead 1) → C (fixed lot 100) → E; D (lead 0) → 3 × C. Demands: 10 of A on
   * Wed 03-04, 5 of D on Thu 03-05. Plan: A 10 due 03-04 released 03-03 (id 1), D 5 on 03-05 (id
   * 2), B 20 due 03-03 released 03-02 (id 3), C needs 20 on 03-02 and 15 on 03-05: one lot of 100
   * due 03-02 (id 4), E 100 due 03-02 (id 5).
   */
  private static MrpInput model() {
    List<PlanItem> items =
        List.of(
            item(A).lead(1).build(),
            item(D).build(),
            item(B).lead(1).build(),
            item(C).fixed(100).build(),
            item(E).build());
    List<PlanBomLine> bom =
        List.of(
            new PlanBomLine(A, B, 2, 0),
            new PlanBomLine(B, C, 1, 0),
            new PlanBomLine(D, C, 3, 0),
            new PlanBomLine(C, E, 1, 0));
    List<PlanDemand> demands =
        List.of(
            new PlanDemand(1, A, d("2026-03-04"), 10, "SO1"),
            new PlanDemand(2, D, d("2026-03-05"), 5, "SO2"));
    return new MrpInput(items, bom, demands, List.of(), CAL, START, 30);
  }

  private static PlannedOrder orderOf(MrpResult r, long material) {
    List<PlannedOrder> os =
        r.plannedOrders().stream().filter(o -> o.materialId() == material).toList();
    assertThat(os).hasSize(1);
    return os.get(0);
  }

  @Test
  void firstPlanIsTheRegenerativeOne() {
    NetChangePlanner p = NetChangePlanner.of(model());
    MrpResult r = p.current();
    assertThat(r.plannedOrders())
        .containsExactly(
            new PlannedOrder(1, A, d("2026-03-03"), d("2026-03-04"), 10),
            new PlannedOrder(2, D, d("2026-03-05"), d("2026-03-05"), 5),
            new PlannedOrder(3, B, d("2026-03-02"), d("2026-03-03"), 20),
            new PlannedOrder(4, C, d("2026-03-02"), d("2026-03-02"), 100),
            new PlannedOrder(5, E, d("2026-03-02"), d("2026-03-02"), 100));
    assertThat(r.pegging()).isEqualTo(MrpEngine.run(model()).pegging());
  }

  /** Demand 1 moves to Fri 03-06: A, B and C move, new ids; C's new lot moves E too. */
  @Test
  void changeOnTheTopItemMovesEverythingBelow() {
    NetChangePlanner p = NetChangePlanner.of(model());
    NetChangeResult nc =
        p.apply(List.of(new PlanDemand(1, A, d("2026-03-06"), 10, "SO1")), List.of(1L));
    assertThat(nc.regenerated()).isFalse();
    assertThat(nc.affectedMaterials()).containsExactly(A, B, C, E);
    assertThat(nc.changedItems()).isEqualTo(4);
    assertThat(nc.removedOrders()).isEqualTo(4);
    assertThat(nc.addedOrders()).isEqualTo(4);
    MrpResult r = p.current();
    assertThat(r.plannedOrders())
        .containsExactly(
            new PlannedOrder(6, A, d("2026-03-05"), d("2026-03-06"), 10),
            new PlannedOrder(2, D, d("2026-03-05"), d("2026-03-05"), 5),
            new PlannedOrder(7, B, d("2026-03-04"), d("2026-03-05"), 20),
            new PlannedOrder(8, C, d("2026-03-04"), d("2026-03-04"), 100),
            new PlannedOrder(9, E, d("2026-03-04"), d("2026-03-04"), 100));
    // C: its lot covers B's 20 on 03-04 and D's 15 on 03-05
    assertThat(r.pegging())
        .contains(
            new Pegging(8, Pegging.PLANNED, 7, Pegging.DEPENDENT, C, 20),
            new Pegging(8, Pegging.PLANNED, 2, Pegging.DEPENDENT, C, 15),
            new Pegging(9, Pegging.PLANNED, 8, Pegging.DEPENDENT, E, 100));
    assertEquivalent(p);
  }

  /** 90 more of the shared component C on 03-05: a second lot of C; only C and E re-planned. */
  @Test
  void changeOnASharedComponent() {
    NetChangePlanner p = NetChangePlanner.of(model());
    NetChangeResult nc = p.apply(List.of(new PlanDemand(3, C, d("2026-03-05"), 90, "SO3")), null);
    assertThat(nc.affectedMaterials()).containsExactly(C, E);
    assertThat(nc.plannedOrders())
        .containsExactly(
            new PlannedOrder(6, C, d("2026-03-02"), d("2026-03-02"), 100),
            new PlannedOrder(7, C, d("2026-03-05"), d("2026-03-05"), 100),
            new PlannedOrder(8, E, d("2026-03-02"), d("2026-03-02"), 100),
            new PlannedOrder(9, E, d("2026-03-05"), d("2026-03-05"), 100));
    // on 03-05, D's 15 comes after the independent 90: 80 left of lot 6 go to the 90 first
    assertThat(nc.pegging())
        .containsExactlyInAnyOrder(
            new Pegging(6, Pegging.PLANNED, 3, Pegging.DEPENDENT, C, 20),
            new Pegging(6, Pegging.PLANNED, 3, Pegging.DEMAND, C, 80),
            new Pegging(7, Pegging.PLANNED, 3, Pegging.DEMAND, C, 10),
            new Pegging(7, Pegging.PLANNED, 2, Pegging.DEPENDENT, C, 15),
            new Pegging(8, Pegging.PLANNED, 6, Pegging.DEPENDENT, E, 100),
            new Pegging(9, Pegging.PLANNED, 7, Pegging.DEPENDENT, E, 100));
    assertThat(p.current().plannedOrders()).hasSize(7);
    assertEquivalent(p);
  }

  /** Without D's demand, D's order disappears; C keeps its lot (and id), E is not touched. */
  @Test
  void removedDemandMakesOrdersDisappear() {
    NetChangePlanner p = NetChangePlanner.of(model());
    NetChangeResult nc = p.apply(null, List.of(2L, 99L));
    assertThat(nc.affectedMaterials()).containsExactly(D, C);
    assertThat(nc.changedItems()).isEqualTo(1);
    assertThat(nc.removedOrders()).isEqualTo(1);
    assertThat(nc.addedOrders()).isZero();
    assertThat(nc.plannedOrders())
        .containsExactly(new PlannedOrder(4, C, d("2026-03-02"), d("2026-03-02"), 100));
    assertThat(nc.pegging())
        .containsExactly(new Pegging(4, Pegging.PLANNED, 3, Pegging.DEPENDENT, C, 20));
    assertThat(p.current().plannedOrders())
        .extracting(PlannedOrder::id)
        .containsExactly(1L, 3L, 4L, 5L);
    assertThat(p.input().demands()).extracting(PlanDemand::id).containsExactly(1L);
    assertEquivalent(p);
  }

  /** 12 instead of 10 of A: A and B change, C's lot of 100 still covers 24 + 15, so E is pruned. */
  @Test
  void pruningStopsAtAnUnchangedLot() {
    NetChangePlanner p = NetChangePlanner.of(model());
    NetChangeResult nc =
        p.apply(List.of(new PlanDemand(1, A, d("2026-03-04"), 12, "SO1")), List.of(1L));
    assertThat(nc.affectedMaterials()).containsExactly(A, B, C);
    assertThat(nc.changedItems()).isEqualTo(2);
    MrpResult r = p.current();
    assertThat(orderOf(r, C))
        .isEqualTo(new PlannedOrder(4, C, d("2026-03-02"), d("2026-03-02"), 100));
    assertThat(orderOf(r, E).id()).isEqualTo(5);
    assertThat(orderOf(r, B))
        .isEqualTo(new PlannedOrder(7, B, d("2026-03-02"), d("2026-03-03"), 24));
    assertThat(r.pegging()).contains(new Pegging(4, Pegging.PLANNED, 7, Pegging.DEPENDENT, C, 24));
    assertEquivalent(p);

    // chained: back to 10, then D's demand doubled
    p.apply(List.of(new PlanDemand(1, A, d("2026-03-04"), 10, "SO1")), List.of(1L));
    assertEquivalent(p);
    nc = p.apply(List.of(new PlanDemand(2, D, d("2026-03-05"), 10, "SO2")), List.of(2L));
    assertThat(nc.affectedMaterials()).containsExactly(D, C);
    assertEquivalent(p);
    assertThat(p.fallbacks()).isZero();
  }

  @Test
  void phantomsFallBackToARegenerativeRun() {
    MrpInput in =
        new MrpInput(
            List.of(item(A).build(), item(B).phantom().build(), item(C).build()),
            List.of(new PlanBomLine(A, B, 1, 0), new PlanBomLine(B, C, 2, 0)),
            List.of(new PlanDemand(1, A, d("2026-03-04"), 10, "SO1")),
            List.of(),
            CAL,
            START,
            30);
    NetChangePlanner p = NetChangePlanner.of(in);
    NetChangeResult nc = p.apply(List.of(new PlanDemand(2, A, d("2026-03-05"), 5, "SO2")), null);
    assertThat(nc.regenerated()).isTrue();
    assertThat(p.fallbacks()).isEqualTo(1);
    assertThat(p.current().plannedOrders())
        .extracting(PlannedOrder::id)
        .containsExactly(1L, 2L, 3L, 4L);
    assertEquivalent(p);
  }

  /** With a share of 0.5, a change reaching more than half of the 5 items is planned in full. */
  @Test
  void largeChangesAreRegeneratedWhenAShareIsGiven() {
    NetChangePlanner p = NetChangePlanner.of(model(), 0.5);
    NetChangeResult nc =
        p.apply(List.of(new PlanDemand(1, A, d("2026-03-06"), 10, "SO1")), List.of(1L));
    assertThat(nc.regenerated()).isTrue();
    assertThat(p.sizeRegenerations()).isEqualTo(1);
    assertThat(p.fallbacks()).isZero();
    assertEquivalent(p);
    nc = p.apply(List.of(new PlanDemand(3, E, d("2026-03-06"), 10, "SO3")), null);
    assertThat(nc.regenerated()).isFalse();
    assertThat(nc.affectedMaterials()).containsExactly(E);
    assertEquivalent(p);
    assertThatThrownBy(() -> NetChangePlanner.of(model(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidDemandChangesNothing() {
    NetChangePlanner p = NetChangePlanner.of(model());
    assertThatThrownBy(
            () -> p.apply(List.of(new PlanDemand(9, 42, d("2026-03-04"), 1, "x")), List.of(1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown material 42");
    assertThatThrownBy(
            () -> p.apply(List.of(new PlanDemand(9, A, d("2026-03-04"), -1, "x")), List.of(1L)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(p.input().demands()).hasSize(2);
    assertEquivalent(p);
  }

  // --- property test
  // ------------------------------------------------------------------------------

  /**
   * Random models of {@link MrpEnginePropertyTest} (as drawn, with make-to-order demands and
   * phantoms, with planning time fences, with co-products), 12 random changes each: a quantity or
   * date change of a random demand, a removal, an addition (sometimes make-to-order), or two at
   * once.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void netChangeEqualsARegenerativeRun(long seed) {
    int netApplies = 0;
    for (int variant = 0; variant < 4; variant++) {
      MrpInput in =
          switch (variant) {
            case 0 -> MrpEnginePropertyTest.randomInput(seed);
            case 1 -> MrpEnginePropertyTest.randomInput(seed, false, true);
            case 2 -> MrpEnginePropertyTest.randomInput(seed, true, true);
            default -> MrpEnginePropertyTest.randomInput(seed, true, true, true);
          };
      Random rnd = new Random(seed * 31 + variant);
      NetChangePlanner p = NetChangePlanner.of(in);
      long nextId = 90_000;
      for (int step = 0; step < 12; step++) {
        List<PlanDemand> current = p.input().demands();
        List<PlanDemand> added = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        int changes = rnd.nextInt(5) == 0 ? 2 : 1;
        for (int c = 0; c < changes; c++) {
          int what = rnd.nextInt(5);
          if (current.isEmpty() || what == 4) {
            PlanItem it = in.items().get(rnd.nextInt(in.items().size()));
            boolean mto = !it.phantom() && variant >= 2 && rnd.nextInt(3) == 0;
            added.add(
                new PlanDemand(
                    nextId++, it.materialId(), randomDate(rnd, in), 1 + rnd.nextInt(50), "N", mto));
            continue;
          }
          PlanDemand dm = current.get(rnd.nextInt(current.size()));
          removed.add(dm.id());
          switch (what) {
            case 0, 1 ->
                added.add(
                    new PlanDemand(
                        dm.id(),
                        dm.materialId(),
                        dm.date(),
                        rnd.nextInt(60),
                        dm.reference(),
                        dm.makeToOrder()));
            case 2 ->
                added.add(
                    new PlanDemand(
                        dm.id(),
                        dm.materialId(),
                        randomDate(rnd, in),
                        dm.quantity(),
                        dm.reference(),
                        dm.makeToOrder()));
            default -> {} // removed
          }
        }
        NetChangeResult nc = p.apply(added, removed);
        if (!nc.regenerated()) {
          netApplies++;
        }
        assertEquivalent(p);
      }
    }
    // the models without phantoms and co-products never need a regenerative run
    assertThat(netApplies).isGreaterThanOrEqualTo(24);
  }

  /**
   * Long chains of changes on one planner (items re-planned many times, their orders moving back
   * into the places net change made for them), on models without phantoms and co-products: as
   * drawn, with planning time fences, and with fences and date-effective safety stock (added
   * demands there sometimes make-to-order); each step compared with a fresh run, and the ids of the
   * changed orders new.
   */
  @ParameterizedTest
  @ValueSource(longs = {101, 102, 103, 104, 105, 106})
  void longChainsOfChangesStayExact(long seed) {
    for (int variant = 0; variant < 3; variant++) {
      MrpInput in =
          switch (variant) {
            case 0 -> MrpEnginePropertyTest.randomInput(seed);
            case 1 -> MrpEnginePropertyTest.randomInput(seed, false, true);
            default ->
                MrpEnginePropertyTest.withSafetySteps(
                    MrpEnginePropertyTest.randomInput(seed, false, true), seed);
          };
      Random rnd = new Random(seed * 17 + variant);
      NetChangePlanner p = NetChangePlanner.of(in);
      long maxId = 0;
      for (PlannedOrder o : p.current().plannedOrders()) {
        maxId = Math.max(maxId, o.id());
      }
      for (int step = 0; step < 40; step++) {
        List<PlanDemand> current = p.input().demands();
        List<PlanDemand> added = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        if (current.isEmpty() || rnd.nextInt(6) == 0) {
          PlanItem it = in.items().get(rnd.nextInt(in.items().size()));
          boolean mto = !it.phantom() && variant == 2 && rnd.nextInt(3) == 0;
          added.add(
              new PlanDemand(
                  80_000 + step,
                  it.materialId(),
                  randomDate(rnd, in),
                  1 + rnd.nextInt(50),
                  "N",
                  mto));
        } else {
          PlanDemand dm = current.get(rnd.nextInt(current.size()));
          removed.add(dm.id());
          added.add(
              new PlanDemand(
                  dm.id(),
                  dm.materialId(),
                  rnd.nextBoolean() ? dm.date() : randomDate(rnd, in),
                  rnd.nextInt(60),
                  dm.reference(),
                  dm.makeToOrder()));
        }
        NetChangeResult nc = p.apply(added, removed);
        assertEquivalent(p);
        assertThat(nc.regenerated()).isFalse(); // no phantoms, no co-products
        if (!nc.regenerated()) {
          long newMax = maxId;
          for (PlannedOrder o : nc.plannedOrders()) {
            newMax = Math.max(newMax, o.id());
          }
          assertThat(newMax - maxId).isEqualTo(nc.addedOrders());
          maxId = newMax;
        } else {
          maxId = p.current().plannedOrders().size();
        }
      }
    }
  }

  private static LocalDate randomDate(Random rnd, MrpInput in) {
    return START.plusDays(rnd.nextInt(in.horizonDays() + 10) - 5L);
  }

  /**
   * The planner's current plan equals a fresh run of its input: orders as multisets of (material,
   * release, due, quantity), pegging as sums per (material, supply kind, demand kind), messages as
   * multisets of (material, kind, date); and the plan is consistent in its own ids (the engine's
   * pegging, make-to-order and co-product invariants hold for it).
   */
  static void assertEquivalent(NetChangePlanner p) {
    MrpInput in = p.input();
    MrpResult fresh = MrpEngine.run(in);
    MrpResult cur = p.current();

    Comparator<PlannedOrder> byContent =
        Comparator.comparingLong(PlannedOrder::materialId)
            .thenComparing(PlannedOrder::releaseDate)
            .thenComparing(PlannedOrder::dueDate)
            .thenComparingDouble(PlannedOrder::quantity);
    List<PlannedOrder> a = new ArrayList<>(cur.plannedOrders());
    List<PlannedOrder> b = new ArrayList<>(fresh.plannedOrders());
    a.sort(byContent);
    b.sort(byContent);
    assertThat(a).hasSameSizeAs(b);
    for (int k = 0; k < a.size(); k++) {
      PlannedOrder x = a.get(k);
      PlannedOrder y = b.get(k);
      assertThat(List.of(x.materialId(), x.releaseDate(), x.dueDate()))
          .as("order %d of %d", k, a.size())
          .isEqualTo(List.of(y.materialId(), y.releaseDate(), y.dueDate()));
      assertThat(Math.abs(x.quantity() - y.quantity()))
          .isLessThanOrEqualTo(MrpInvariants.tol(y.quantity()));
    }
    Set<Long> ids = new HashSet<>();
    for (PlannedOrder o : cur.plannedOrders()) {
      assertThat(ids.add(o.id())).as("unique id %d", o.id()).isTrue();
    }

    Map<String, Double> pa = pegSums(cur);
    Map<String, Double> pb = pegSums(fresh);
    assertThat(pa.keySet()).isEqualTo(pb.keySet());
    for (Map.Entry<String, Double> e : pb.entrySet()) {
      assertThat(Math.abs(pa.get(e.getKey()) - e.getValue()))
          .as("pegging %s", e.getKey())
          .isLessThanOrEqualTo(MrpInvariants.tol(e.getValue()));
    }

    assertThat(messageKeys(cur)).isEqualTo(messageKeys(fresh));
    assertThat(cur.lowLevelCodes()).isEqualTo(fresh.lowLevelCodes());

    // (not assertDates: it wants ids 1, 2, … in list order, which net change does not keep)
    MrpInvariants.assertPegging(in, cur);
    MrpInvariants.assertMakeToOrder(in, cur);
    MrpInvariants.assertCoProducts(in, cur);
  }

  private static Map<String, Double> pegSums(MrpResult r) {
    Map<String, Double> sums = new TreeMap<>();
    for (Pegging g : r.pegging()) {
      sums.merge(
          g.materialId() + "/" + g.supplyKind() + "/" + g.demandKind(), g.quantity(), Double::sum);
    }
    return sums;
  }

  private static Map<String, Integer> messageKeys(MrpResult r) {
    Map<String, Integer> keys = new HashMap<>();
    for (MrpMessage m : r.messages()) {
      keys.merge(m.materialId() + "/" + m.kind() + "/" + m.date(), 1, Integer::sum);
    }
    return keys;
  }
}
