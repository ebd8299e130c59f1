package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked kitting examples and seeded random scenarios. Today is Monday 2026-03-02 throughout.
 */
class KitEngineTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static KitComponent c(long material, double per) {
    return new KitComponent(material, per);
  }

  static KitOrder order(long id, double qty, String need, KitComponent... components) {
    return new KitOrder(id, "WO-" + id, qty, d(need), List.of(components));
  }

  static KitSupply supply(long material, String date, double qty, String ref) {
    return new KitSupply(material, d(date), qty, ref);
  }

  static KitAllocation alloc(String ref, String date, double qty) {
    return new KitAllocation(ref, d(date), qty);
  }

  /**
   * Two orders sharing material 10; the first order has priority on stock and supplies.
   *
   * <pre>
   * stock: 10 → 50, 20 → 6, 30 → 20
   * WO-1 qty 10: 10 × 4 = 40 from 50 → 40, 10 left;   20 × 1 = 10 from 6 → 6, short 4
   *   buildable = min(40 / 4, 6 / 1) = min(10, 6) = 6
   * WO-2 qty 5:  10 × 4 = 20 from 10 → 10, short 10;  30 × 2 = 10 from 20 → 10, 10 left
   *   buildable = min(10 / 4, 10 / 2) = min(2.5, 5) = 2.5, whole 2
   * supplies by date: PO-2 (10, 03-04, 6), PO-1 (20, 03-06, 3), PO-3 (20, 03-09, 5),
   *                   PO-4 (10, 03-10, 10)
   *   PO-2: WO-1 not short of 10; WO-2 short 10 → 6, short 4
   *   PO-1: WO-1 short 4 of 20 → 3, short 1
   *   PO-3: WO-1 short 1 → 1, covered 03-09; 4 left unused
   *   PO-4: WO-2 short 4 → 4, covered 03-10; 6 left unused
   * WO-1 complete on max(03-02, 03-09) = 03-09; WO-2 on max(03-10, 03-02) = 03-10
   * </pre>
   */
  @Test
  void priorityOnStockAndSupplies() {
    List<KitResult> r =
        KitEngine.analyse(
            List.of(
                order(1, 10, "2026-03-05", c(10, 4), c(20, 1)),
                order(2, 5, "2026-03-04", c(10, 4), c(30, 2))),
            Map.of(10L, 50.0, 20L, 6.0, 30L, 20.0),
            List.of(
                supply(20, "2026-03-06", 3, "PO-1"),
                supply(10, "2026-03-04", 6, "PO-2"),
                supply(20, "2026-03-09", 5, "PO-3"),
                supply(10, "2026-03-10", 10, "PO-4")),
            TODAY);

    assertThat(r)
        .containsExactly(
            new KitResult(
                1,
                "WO-1",
                10,
                d("2026-03-05"),
                6,
                6,
                false,
                d("2026-03-09"),
                List.of(
                    new KitComponentResult(10, 4, 40, 40, 0, List.of(), TODAY, 0),
                    new KitComponentResult(
                        20,
                        1,
                        10,
                        6,
                        4,
                        List.of(alloc("PO-1", "2026-03-06", 3), alloc("PO-3", "2026-03-09", 1)),
                        d("2026-03-09"),
                        0))),
            new KitResult(
                2,
                "WO-2",
                5,
                d("2026-03-04"),
                2.5,
                2,
                false,
                d("2026-03-10"),
                List.of(
                    new KitComponentResult(
                        10,
                        4,
                        20,
                        10,
                        10,
                        List.of(alloc("PO-2", "2026-03-04", 6), alloc("PO-4", "2026-03-10", 4)),
                        d("2026-03-10"),
                        0),
                    new KitComponentResult(30, 2, 10, 10, 0, List.of(), TODAY, 0))));
    assertThat(KitEngine.requisitions(r)).isEmpty();
  }

  /**
   * Merged component lines, an overdue supply, two supplies on one date, a component never covered
   * and the requisitions.
   *
   * <pre>
   * stock: 10 → 5, 20 → none
   * WO-1 qty 3, need 03-10: 10 × (2 + 1) = 9 from 5 → 5, short 4;  20 × 1 = 3, short 3
   *   buildable = min(5 / 3, 0 / 1) = 0
   * WO-2 qty 4, need 03-06: 10 × 1 = 4, nothing left, short 4
   * WO-3 qty 5, need 03-03: 20 × 2 = 10, short 10
   * supplies by arrival: PO-old (10, 02-20 → today 03-02, 2), WO-7 (20, 03-04, 1),
   *                      PO-a (10, 03-05, 3), PO-b (10, 03-05, 4)   (PO-a before PO-b: input order)
   *   PO-old: WO-1 short 4 → 2, short 2
   *   WO-7:   WO-1 short 3 of 20 → 1, short 2
   *   PO-a:   WO-1 short 2 → 2, covered 03-05; 1 left → WO-2 short 4 → 1, short 3
   *   PO-b:   WO-2 short 3 → 3, covered 03-05; 1 left unused
   * WO-1: 20 still short 2 → completeDate null; WO-2 complete 03-05; WO-3 still short 10 → null
   * requisitions: material 20, 2 + 10 = 12, need min(03-10, 03-03) = 03-03
   * </pre>
   */
  @Test
  void overdueSupplyTiesMergedLinesAndRequisitions() {
    List<KitResult> r =
        KitEngine.analyse(
            List.of(
                order(1, 3, "2026-03-10", c(10, 2), c(20, 1), c(10, 1)),
                order(2, 4, "2026-03-06", c(10, 1)),
                order(3, 5, "2026-03-03", c(20, 2))),
            Map.of(10L, 5.0, 99L, 1000.0),
            List.of(
                supply(10, "2026-03-05", 3, "PO-a"),
                supply(10, "2026-02-20", 2, "PO-old"),
                supply(20, "2026-03-04", 1, "WO-7"),
                supply(10, "2026-03-05", 4, "PO-b"),
                supply(77, "2026-03-02", 50, "PO-unused")),
            TODAY);

    KitResult wo1 = r.get(0);
    assertThat(wo1.components())
        .containsExactly(
            new KitComponentResult(
                10,
                3,
                9,
                5,
                4,
                List.of(alloc("PO-old", "2026-03-02", 2), alloc("PO-a", "2026-03-05", 2)),
                d("2026-03-05"),
                0),
            new KitComponentResult(
                20, 1, 3, 0, 3, List.of(alloc("WO-7", "2026-03-04", 1)), null, 2));
    assertThat(wo1.buildableNow()).isZero();
    assertThat(wo1.buildableNowWhole()).isZero();
    assertThat(wo1.complete()).isFalse();
    assertThat(wo1.completeDate()).isNull();

    assertThat(r.get(1))
        .isEqualTo(
            new KitResult(
                2,
                "WO-2",
                4,
                d("2026-03-06"),
                0,
                0,
                false,
                d("2026-03-05"),
                List.of(
                    new KitComponentResult(
                        10,
                        1,
                        4,
                        0,
                        4,
                        List.of(alloc("PO-a", "2026-03-05", 1), alloc("PO-b", "2026-03-05", 3)),
                        d("2026-03-05"),
                        0))));
    assertThat(r.get(2).components())
        .containsExactly(new KitComponentResult(20, 2, 10, 0, 10, List.of(), null, 10));
    assertThat(r.get(2).completeDate()).isNull();

    assertThat(KitEngine.requisitions(r))
        .containsExactly(new KitRequisition(20, 12, d("2026-03-03")));
  }

  /**
   * The stock allows 0.3 / 0.1 = 2.9999999999999996 kits in floating point: the exact ratio is
   * reported as is, the whole number with the tolerance is 3 (a plain floor would give 2).
   */
  @Test
  void wholeBuildableUsesTolerance() {
    List<KitResult> r =
        KitEngine.analyse(
            List.of(order(1, 10, "2026-03-02", c(10, 0.1))), Map.of(10L, 0.3), List.of(), TODAY);

    assertThat(r.get(0).buildableNow()).isCloseTo(3, within(1e-12)).isLessThan(3);
    assertThat(r.get(0).buildableNowWhole()).isEqualTo(3);
    assertThat(r.get(0).complete()).isFalse();
    // required 10 × 0.1 = 1.0, from stock 0.3, short 0.7
    assertThat(r.get(0).components().get(0).shortNow()).isCloseTo(0.7, within(1e-12));
  }

  /**
   * 3 × 0.1 = 0.30000000000000004 against a stock of 0.3: the 4e-17 difference is dust, so the
   * order is complete and fully buildable.
   */
  @Test
  void dustIsNoShortage() {
    List<KitResult> r =
        KitEngine.analyse(
            List.of(order(1, 3, "2026-03-02", c(10, 0.1))), Map.of(10L, 0.3), List.of(), TODAY);

    assertThat(r.get(0).complete()).isTrue();
    assertThat(r.get(0).completeDate()).isEqualTo(TODAY);
    assertThat(r.get(0).buildableNow()).isEqualTo(3);
    assertThat(r.get(0).buildableNowWhole()).isEqualTo(3);
    assertThat(r.get(0).components().get(0).shortNow()).isZero();
  }

  /**
   * An order without components is complete today and fully buildable; an order of quantity 0 takes
   * no stock, so the next order gets all of it: 4 × 2 = 8 ≤ 8.
   */
  @Test
  void noComponentsAndZeroQuantity() {
    List<KitResult> r =
        KitEngine.analyse(
            List.of(
                order(1, 7, "2026-03-03"),
                order(2, 0, "2026-03-03", c(10, 2)),
                order(3, 4, "2026-03-04", c(10, 2))),
            Map.of(10L, 8.0),
            List.of(),
            TODAY);

    assertThat(r.get(0))
        .isEqualTo(new KitResult(1, "WO-1", 7, d("2026-03-03"), 7, 7, true, TODAY, List.of()));
    assertThat(r.get(1).components())
        .containsExactly(new KitComponentResult(10, 2, 0, 0, 0, List.of(), TODAY, 0));
    assertThat(r.get(1).complete()).isTrue();
    assertThat(r.get(1).buildableNow()).isZero();
    assertThat(r.get(2).components())
        .containsExactly(new KitComponentResult(10, 2, 8, 8, 0, List.of(), TODAY, 0));
    assertThat(r.get(2).buildableNow()).isEqualTo(4);
  }

  /** Duplicate component lines are merged at the position of the first, quantities added. */
  @Test
  void duplicateComponentsAreMerged() {
    KitOrder o = order(1, 2, "2026-03-02", c(30, 1), c(10, 0.5), c(30, 2), c(10, 0.25));
    assertThat(o.components()).containsExactly(c(30, 3), c(10, 0.75));
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> c(10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("material 10")
        .hasMessageContaining("quantityPer")
        .hasMessageContaining("物料 10");
    assertThatThrownBy(() -> c(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> order(5, -1, "2026-03-02", c(10, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kit order 5")
        .hasMessageContaining("齐套订单 5");
    assertThatThrownBy(() -> order(5, Double.POSITIVE_INFINITY, "2026-03-02"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KitOrder(6, "x", 1, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kit order 6");
    assertThatThrownBy(() -> supply(10, "2026-03-02", -2, "PO-9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PO-9")
        .hasMessageContaining("material 10");
    assertThatThrownBy(
            () ->
                KitEngine.analyse(
                    List.of(order(1, 1, "2026-03-02", c(10, 1))),
                    Map.of(10L, -1.0),
                    List.of(),
                    TODAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("material 10");
    assertThatThrownBy(() -> KitEngine.analyse(List.of(), Map.of(), List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
    List<KitOrder> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> KitEngine.analyse(withNull, Map.of(), List.of(), TODAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("#1");
  }

  // ---------------------------------------------------------------- random scenarios

  @Test
  void invariantsWholeQuantities() {
    for (long seed = 1; seed <= 500; seed++) {
      check(seed, false);
    }
  }

  @Test
  void invariantsDecimalQuantities() {
    for (long seed = 10_001; seed <= 10_300; seed++) {
      check(seed, true);
    }
  }

  /** Supplies on distinct dates may come in any order; the result does not change. */
  @Test
  void supplyInputOrderDoesNotMatterForDistinctDates() {
    for (long seed = 20_001; seed <= 20_100; seed++) {
      Random rnd = new Random(seed);
      Scenario s = scenario(rnd, false);
      List<KitSupply> distinct = new ArrayList<>();
      for (int i = 0; i < s.supplies.size(); i++) {
        KitSupply x = s.supplies.get(i);
        distinct.add(new KitSupply(x.materialId(), TODAY.plusDays(i), x.quantity(), x.reference()));
      }
      List<KitSupply> shuffled = new ArrayList<>(distinct);
      Collections.shuffle(shuffled, rnd);
      assertThat(KitEngine.analyse(s.orders, s.stock, shuffled, TODAY))
          .as("seed %d", seed)
          .isEqualTo(KitEngine.analyse(s.orders, s.stock, distinct, TODAY));
    }
  }

  record Scenario(List<KitOrder> orders, Map<Long, Double> stock, List<KitSupply> supplies) {}

  static Scenario scenario(Random rnd, boolean decimals) {
    int materials = 1 + rnd.nextInt(5);
    List<KitOrder> orders = new ArrayList<>();
    int n = rnd.nextInt(9);
    for (int i = 0; i < n; i++) {
      List<KitComponent> comps = new ArrayList<>();
      int k = rnd.nextInt(4);
      for (int j = 0; j < k; j++) {
        double per = decimals ? 0.05 + rnd.nextInt(40) * 0.05 : 1 + rnd.nextInt(4);
        comps.add(new KitComponent(1 + rnd.nextInt(materials), per));
      }
      double qty = decimals ? rnd.nextInt(200) * 0.1 : rnd.nextInt(12);
      orders.add(new KitOrder(100 + i, "WO-" + i, qty, TODAY.plusDays(rnd.nextInt(15) - 3), comps));
    }
    Map<Long, Double> stock = new HashMap<>();
    for (long m = 1; m <= materials; m++) {
      if (rnd.nextInt(4) > 0) {
        stock.put(m, decimals ? rnd.nextInt(300) * 0.1 : (double) rnd.nextInt(40));
      }
    }
    List<KitSupply> supplies = new ArrayList<>();
    int ns = rnd.nextInt(8);
    for (int i = 0; i < ns; i++) {
      supplies.add(
          new KitSupply(
              1 + rnd.nextInt(materials + 1), // sometimes a material nobody needs
              TODAY.plusDays(rnd.nextInt(25) - 5),
              decimals ? rnd.nextInt(200) * 0.1 : rnd.nextInt(30),
              "S" + i));
    }
    return new Scenario(orders, stock, supplies);
  }

  /**
   * Checks on a random scenario: stock and every supply are never over-allocated; per component
   * required = from stock + short now, short now = supplies + still short; nothing allocated beyond
   * the requirement; buildable never exceeds what any component allows and is bound by one of them
   * (or by the quantity); priority (a later order gets no stock of a material an earlier order is
   * short of; no supply is left over while an order is still short of it); covered and complete
   * dates; requisitions add up; a second run is equal.
   */
  private static void check(long seed, boolean decimals) {
    Scenario s = scenario(new Random(seed), decimals);
    double tol = decimals ? 1e-7 : 0;
    List<KitResult> r = KitEngine.analyse(s.orders, s.stock, s.supplies, TODAY);
    String as = "seed " + seed;
    assertThat(r).as(as).hasSize(s.orders.size());
    assertThat(KitEngine.analyse(s.orders, s.stock, s.supplies, TODAY)).as(as).isEqualTo(r);

    Map<Long, Double> fromStock = new HashMap<>();
    Map<String, Double> fromSupply = new HashMap<>();
    Map<Long, Double> stillShort = new HashMap<>();
    Map<Long, Integer> firstShortNow = new HashMap<>(); // material -> first order short of it now
    for (int i = 0; i < r.size(); i++) {
      KitResult res = r.get(i);
      KitOrder o = s.orders.get(i);
      assertThat(res.orderId()).as(as).isEqualTo(o.id());
      assertThat(res.components()).as(as).hasSize(o.components().size());
      double bound = o.quantity();
      LocalDate latest = TODAY;
      boolean never = false;
      for (int j = 0; j < o.components().size(); j++) {
        KitComponent kc = o.components().get(j);
        KitComponentResult c = res.components().get(j);
        String at = as + ", order " + o.id() + ", material " + kc.materialId();
        assertThat(c.materialId()).as(at).isEqualTo(kc.materialId());
        assertThat(c.required()).as(at).isEqualTo(o.quantity() * kc.quantityPer());
        assertThat(c.allocatedFromStock()).as(at).isBetween(0.0, c.required());
        assertThat(c.allocatedFromStock() + c.shortNow())
            .as(at)
            .isCloseTo(c.required(), within(1e-9));
        double sup = 0;
        LocalDate prev = TODAY;
        for (KitAllocation a : c.supplies()) {
          assertThat(a.quantity()).as(at).isPositive();
          assertThat(a.date()).as(at).isAfterOrEqualTo(prev);
          prev = a.date();
          sup += a.quantity();
          fromSupply.merge(a.supplyReference(), a.quantity(), Double::sum);
          KitSupply origin = supplyByRef(s, a.supplyReference());
          assertThat(origin.materialId()).as(at).isEqualTo(kc.materialId());
          LocalDate arrival = origin.date().isBefore(TODAY) ? TODAY : origin.date();
          assertThat(a.date()).as(at).isEqualTo(arrival);
        }
        assertThat(sup + c.stillShort()).as(at).isCloseTo(c.shortNow(), within(1e-9));
        assertThat(c.stillShort()).as(at).isGreaterThanOrEqualTo(0);
        if (c.stillShort() > 0) {
          assertThat(c.coveredDate()).as(at).isNull();
          never = true;
          stillShort.merge(kc.materialId(), c.stillShort(), Double::sum);
        } else if (c.shortNow() == 0) {
          assertThat(c.coveredDate()).as(at).isEqualTo(TODAY);
          assertThat(c.supplies()).as(at).isEmpty();
        } else {
          assertThat(c.coveredDate())
              .as(at)
              .isEqualTo(c.supplies().get(c.supplies().size() - 1).date());
        }
        if (c.coveredDate() != null && c.coveredDate().isAfter(latest)) {
          latest = c.coveredDate();
        }
        fromStock.merge(kc.materialId(), c.allocatedFromStock(), Double::sum);
        // buildable never exceeds what this component allows
        assertThat(res.buildableNow() * kc.quantityPer())
            .as(at)
            .isLessThanOrEqualTo(c.allocatedFromStock() + 1e-9);
        if (c.shortNow() > 0) {
          bound = Math.min(bound, c.allocatedFromStock() / kc.quantityPer());
          firstShortNow.putIfAbsent(kc.materialId(), i);
        } else if (firstShortNow.containsKey(kc.materialId()) && c.required() > 0) {
          // a later order is covered from stock only if it needed (almost) nothing
          assertThat(c.allocatedFromStock()).as(at).isLessThanOrEqualTo(1e-9);
        }
        if (firstShortNow.containsKey(kc.materialId()) && firstShortNow.get(kc.materialId()) < i) {
          assertThat(c.allocatedFromStock()).as(at + ": stock after an earlier shortage").isZero();
        }
      }
      assertThat(res.buildableNow()).as(as).isEqualTo(bound);
      assertThat(res.buildableNow()).as(as).isBetween(0.0, o.quantity());
      assertThat(res.buildableNowWhole())
          .as(as)
          .isEqualTo((long) Math.floor(res.buildableNow() + 1e-9));
      assertThat(res.complete())
          .as(as)
          .isEqualTo(res.components().stream().allMatch(c -> c.shortNow() == 0));
      assertThat(res.completeDate()).as(as).isEqualTo(never ? null : latest);
    }

    // conservation: stock and supplies never over-allocated
    for (Map.Entry<Long, Double> e : fromStock.entrySet()) {
      double have = s.stock.getOrDefault(e.getKey(), 0.0);
      assertThat(e.getValue()).as(as + ", stock of " + e.getKey()).isLessThanOrEqualTo(have + tol);
      if (firstShortNow.containsKey(e.getKey())) {
        // someone is short now: the stock is used up (maximality)
        assertThat(e.getValue()).as(as + ", stock of " + e.getKey()).isCloseTo(have, within(1e-9));
      }
    }
    for (KitSupply x : s.supplies) {
      double used = fromSupply.getOrDefault(x.reference(), 0.0);
      assertThat(used).as(as + ", supply " + x.reference()).isLessThanOrEqualTo(x.quantity() + tol);
      if (stillShort.containsKey(x.materialId())) {
        // an order is still short of the material: every supply of it is used up (maximality)
        assertThat(used).as(as + ", supply " + x.reference()).isCloseTo(x.quantity(), within(1e-9));
      }
    }

    // requisitions add up the shortages, earliest need date
    List<KitRequisition> req = KitEngine.requisitions(r);
    assertThat(req).as(as).extracting(KitRequisition::materialId).isSorted();
    assertThat(req).as(as).hasSize(stillShort.size());
    for (KitRequisition q : req) {
      assertThat(q.quantity()).as(as).isCloseTo(stillShort.get(q.materialId()), within(1e-9));
      LocalDate earliest = null;
      for (KitResult res : r) {
        for (KitComponentResult c : res.components()) {
          if (c.materialId() == q.materialId()
              && c.stillShort() > 0
              && (earliest == null || res.needDate().isBefore(earliest))) {
            earliest = res.needDate();
          }
        }
      }
      assertThat(q.needDate()).as(as).isEqualTo(earliest);
    }
  }

  private static KitSupply supplyByRef(Scenario s, String ref) {
    for (KitSupply x : s.supplies) {
      if (x.reference().equals(ref)) {
        return x;
      }
    }
    throw new AssertionError("no supply " + ref);
  }
}
