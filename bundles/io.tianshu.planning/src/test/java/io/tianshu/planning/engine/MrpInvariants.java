package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.resource.CalendarDefinition;
import io.tianshu.resource.Shift;
import io.tianshu.resource.WorkCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test helpers: the Mon–Fri calendar, a fluent item builder and an independent re-computation of
 * the pegging and projected-available invariants from the input and the result.
 */
final class MrpInvariants {

  /** Monday. */
  static final LocalDate START = LocalDate.of(2026, 3, 2);

  /** Mon–Fri 08:00–16:00, no holidays. */
  static final WorkCalendar CAL =
      WorkCalendar.of(
          new CalendarDefinition(
              List.of(
                  new Shift(
                      "DAY",
                      LocalTime.of(8, 0),
                      LocalTime.of(16, 0),
                      0,
                      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))),
              List.of(),
              List.of()));

  private MrpInvariants() {}

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static ItemBuilder item(long id) {
    return new ItemBuilder(id);
  }

  /** Fluent builder for {@link PlanItem}; defaults: lot-for-lot, lead 0, everything else 0. */
  static final class ItemBuilder {
    private final long id;
    private int lead;
    private LotSizing lot = LotSizing.LOT_FOR_LOT;
    private double fixed;
    private int period;
    private double min;
    private double max;
    private double mult;
    private double ss;
    private double onHand;
    private double yield;
    private boolean phantom;
    private int fence;
    private List<SafetyStockStep> steps = List.of();

    ItemBuilder(long id) {
      this.id = id;
    }

    ItemBuilder lead(int v) {
      lead = v;
      return this;
    }

    ItemBuilder fixed(double v) {
      lot = LotSizing.FIXED_QUANTITY;
      fixed = v;
      return this;
    }

    ItemBuilder period(int v) {
      lot = LotSizing.PERIOD_ORDER_QUANTITY;
      period = v;
      return this;
    }

    ItemBuilder min(double v) {
      min = v;
      return this;
    }

    ItemBuilder max(double v) {
      max = v;
      return this;
    }

    ItemBuilder mult(double v) {
      mult = v;
      return this;
    }

    ItemBuilder ss(double v) {
      ss = v;
      return this;
    }

    ItemBuilder onHand(double v) {
      onHand = v;
      return this;
    }

    ItemBuilder yield(double v) {
      yield = v;
      return this;
    }

    ItemBuilder phantom() {
      phantom = true;
      return this;
    }

    ItemBuilder fence(int days) {
      fence = days;
      return this;
    }

    /** Safety stock steps: alternating date (ISO string) and quantity. */
    ItemBuilder steps(Object... dateAndQuantity) {
      List<SafetyStockStep> l = new ArrayList<>();
      for (int k = 0; k < dateAndQuantity.length; k += 2) {
        l.add(
            new SafetyStockStep(
                d((String) dateAndQuantity[k]), ((Number) dateAndQuantity[k + 1]).doubleValue()));
      }
      steps = l;
      return this;
    }

    PlanItem build() {
      return new PlanItem(
          id, lead, lot, fixed, period, min, max, mult, ss, onHand, yield, phantom, fence, steps);
    }
  }

  /**
   * The safety stock of a non-phantom item on day t by the definition: the quantity of the last
   * step dated on or before t (steps on or before the plan start count on it), else safetyStock.
   */
  static double level(MrpInput in, PlanItem it, int t) {
    if (it.phantom()) {
      return 0;
    }
    double l = it.safetyStock();
    for (SafetyStockStep st : it.safetyStockSteps()) {
      if (day(in, st.from()) <= t) {
        l = st.quantity();
      }
    }
    return l;
  }

  /**
   * The expected safety-stock requirements (demand id → quantity: 0 the level on the plan start, k
   * the increase of step k, 1-based) and releases (supply id k → quantity) of an item.
   */
  static Map<Long, Double> safetyChanges(MrpInput in, PlanItem it, boolean increases) {
    Map<Long, Double> out = new HashMap<>();
    if (it.phantom()) {
      return out;
    }
    double prev = level(in, it, 0);
    if (increases && prev > 0) {
      out.put(0L, prev);
    }
    List<SafetyStockStep> steps = it.safetyStockSteps();
    for (int k = 0; k < steps.size(); k++) {
      int t = day(in, steps.get(k).from());
      if (t <= 0 || t >= in.horizonDays()) {
        continue;
      }
      double q = steps.get(k).quantity();
      if (increases && q > prev) {
        out.put(k + 1L, q - prev);
      } else if (!increases && q < prev) {
        out.put(k + 1L, prev - q);
      }
      prev = q;
    }
    return out;
  }

  static double tol(double x) {
    return 1e-6 * Math.max(1.0, Math.abs(x));
  }

  /** The first day index an order of lead time lt can be due on (release not before START). */
  static int firstArrival(MrpInput in, int lt) {
    if (lt == 0) {
      return 0;
    }
    WorkCalendar cal = in.calendar();
    LocalDate last = cal.plusWorkingDays(cal.onOrAfter(in.planStart()), lt - 1);
    return (int) ChronoUnit.DAYS.between(in.planStart(), last) + 1;
  }

  /**
   * The fence date of the planning time fence of {@code it} as a day index (the first working day
   * on or after START + fence days), or 0 without a fence.
   */
  static int fenceDay(MrpInput in, PlanItem it) {
    if (it.planningFenceDays() == 0) {
      return 0;
    }
    return day(in, in.calendar().onOrAfter(in.planStart().plusDays(it.planningFenceDays())));
  }

  /** The first day index an order of {@code it} can be due on: lead time and planning fence. */
  static int firstArrival(MrpInput in, PlanItem it) {
    return Math.max(firstArrival(in, it.leadTimeDays()), fenceDay(in, it));
  }

  /** Whether the planning time fence of {@code it}, not its lead time, limits its first arrival. */
  static boolean fenced(MrpInput in, PlanItem it) {
    return fenceDay(in, it) > firstArrival(in, it.leadTimeDays());
  }

  /** Ids of the planned orders named by messages of the given kind. */
  static Set<Long> referenced(MrpResult r, String kind) {
    Set<Long> ids = new HashSet<>();
    for (MrpMessage m : r.messages()) {
      if (m.kind().equals(kind)) {
        ids.add(m.referenceId());
      }
    }
    return ids;
  }

  /**
   * A change of the dependent requirement of {@code material} from parent order {@code orderId} on
   * {@code date} made by a substitution.
   */
  record SubShift(long material, long orderId, LocalDate date, double qty) {}

  /**
   * What substitutions moved, read from the SUBSTITUTED messages: + on the substitute, − on the
   * primary (converted back by the part quantity, a multi-part set counted once). Assumes every
   * substitute material appears in one set of one group.
   */
  static List<SubShift> substitutionShifts(MrpInput in, MrpResult r) {
    Map<Long, PlanSubstitution> setOf = new HashMap<>();
    Map<Long, Double> perOf = new HashMap<>();
    for (PlanSubstitution s : in.substitutions()) {
      for (PlanSubstitutePart part : s.parts()) {
        setOf.put(part.materialId(), s);
        perOf.put(part.materialId(), part.quantity());
      }
    }
    List<SubShift> out = new ArrayList<>();
    for (MrpMessage m : r.messages()) {
      if (m.kind().equals(MrpMessage.SUBSTITUTED)) {
        PlanSubstitution s = setOf.get(m.materialId());
        assertThat(m.quantity()).as("substituted quantity %s", m).isPositive();
        out.add(new SubShift(m.materialId(), m.referenceId(), m.date(), m.quantity()));
        out.add(
            new SubShift(
                s.primaryMaterialId(),
                m.referenceId(),
                m.date(),
                -m.quantity() / perOf.get(m.materialId()) / s.parts().size()));
      }
    }
    return out;
  }

  private static String key(long material, String kind, long id) {
    return material + "/" + kind + "/" + id;
  }

  /**
   * Every demand (independent within the horizon, dependent from the planned orders of non-phantom
   * parents, safety stock) of a non-phantom item is pegged exactly; no supply is over-pegged; no
   * pegging row has a quantity ≤ 0. Items below phantoms are not checked for DEPENDENT demands.
   */
  static void assertPegging(MrpInput in, MrpResult r) {
    Map<Long, PlanItem> items = new HashMap<>();
    for (PlanItem it : in.items()) {
      items.put(it.materialId(), it);
    }
    Set<Long> belowPhantom = new HashSet<>();
    for (PlanBomLine b : in.bom()) {
      if (items.get(b.parentMaterialId()).phantom()) {
        belowPhantom.add(b.componentMaterialId());
      }
    }
    Map<String, Double> expected = new HashMap<>();
    LocalDate end = in.planStart().plusDays(in.horizonDays());
    for (PlanDemand dm : in.demands()) {
      if (dm.date().isBefore(end) && !items.get(dm.materialId()).phantom()) {
        expected.merge(key(dm.materialId(), Pegging.DEMAND, dm.id()), dm.quantity(), Double::sum);
      }
    }
    Map<Long, PlannedOrder> orders = new HashMap<>();
    for (PlannedOrder o : r.plannedOrders()) {
      orders.put(o.id(), o);
      if (!o.releaseDate().isBefore(end)) {
        continue; // behind a planning time fence beyond the horizon: no dependent demand
      }
      for (PlanBomLine b : in.bom()) {
        if (b.parentMaterialId() == o.materialId()
            && !items.get(b.componentMaterialId()).phantom()
            && !belowPhantom.contains(b.componentMaterialId())) {
          double q = o.quantity() * b.quantityPer() * (1 + b.scrapPercent() / 100);
          expected.merge(key(b.componentMaterialId(), Pegging.DEPENDENT, o.id()), q, Double::sum);
        }
      }
    }
    for (SubShift sh : substitutionShifts(in, r)) {
      if (!belowPhantom.contains(sh.material())) {
        expected.merge(key(sh.material(), Pegging.DEPENDENT, sh.orderId()), sh.qty(), Double::sum);
      }
    }
    for (PlanItem it : in.items()) {
      for (Map.Entry<Long, Double> e : safetyChanges(in, it, true).entrySet()) {
        expected.put(key(it.materialId(), Pegging.SAFETY_STOCK, e.getKey()), e.getValue());
      }
    }
    Map<String, Double> pegged = new HashMap<>();
    Map<String, Double> supplyPegged = new HashMap<>();
    for (Pegging p : r.pegging()) {
      assertThat(p.quantity()).as("pegging quantity %s", p).isPositive();
      pegged.merge(key(p.materialId(), p.demandKind(), p.demandId()), p.quantity(), Double::sum);
      supplyPegged.merge(
          key(p.materialId(), p.supplyKind(), p.supplyId()), p.quantity(), Double::sum);
    }
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      if (e.getValue() <= tol(1) && !pegged.containsKey(e.getKey())) {
        continue;
      }
      assertThat(pegged.getOrDefault(e.getKey(), 0.0))
          .as("pegged quantity of demand %s", e.getKey())
          .isCloseTo(e.getValue(), org.assertj.core.api.Assertions.within(tol(e.getValue())));
    }
    for (Pegging p : r.pegging()) {
      String k = key(p.materialId(), p.demandKind(), p.demandId());
      boolean phantomRelated =
          belowPhantom.contains(p.materialId()) || items.get(p.materialId()).phantom();
      if (!phantomRelated) {
        assertThat(expected).as("pegged demand %s exists", k).containsKey(k);
      }
    }
    Map<String, Double> supply = new HashMap<>();
    for (PlanItem it : in.items()) {
      supply.put(key(it.materialId(), Pegging.ON_HAND, 0), it.onHand());
      for (Map.Entry<Long, Double> e : safetyChanges(in, it, false).entrySet()) {
        supply.put(key(it.materialId(), Pegging.ON_HAND, e.getKey()), e.getValue());
      }
    }
    for (PlanReceipt rc : in.receipts()) {
      if (rc.date().isBefore(end)) {
        supply.merge(key(rc.materialId(), Pegging.RECEIPT, rc.id()), rc.quantity(), Double::sum);
      }
    }
    for (PlannedOrder o : r.plannedOrders()) {
      supply.put(key(o.materialId(), Pegging.PLANNED, o.id()), output(items, o));
      if (o.dueDate().isBefore(end)) {
        for (PlanOutput out : in.outputs()) {
          if (out.parentMaterialId() == o.materialId()) {
            supply.merge(
                key(out.outputMaterialId(), Pegging.CO_PRODUCT, o.id()),
                output(items, o) * out.quantityPer(),
                Double::sum);
          }
        }
      }
    }
    for (Map.Entry<String, Double> e : supplyPegged.entrySet()) {
      assertThat(supply).as("pegged supply %s exists", e.getKey()).containsKey(e.getKey());
      assertThat(e.getValue())
          .as("pegged quantity of supply %s", e.getKey())
          .isLessThanOrEqualTo(supply.get(e.getKey()) + tol(supply.get(e.getKey())));
    }
  }

  /** Good output of a planned order. */
  static double output(Map<Long, PlanItem> items, PlannedOrder o) {
    double y = items.get(o.materialId()).yieldPercent();
    return y == 0 || y == 100 ? o.quantity() : o.quantity() * y / 100;
  }

  /**
   * Recomputes projected available per item and day (receipts that got an EXPEDITE message counted
   * on the message date, i.e. as if the message is followed) and checks that it is ≥ the safety
   * stock of the day ({@link #level}) from the first possible arrival day on (lead time and
   * planning time fence); before it, a shortfall needs a PAST_DUE, PLANNING_FENCE or BELOW_SAFETY
   * message for the item. Phantoms and their components are skipped.
   */
  static void assertProjectedAvailable(MrpInput in, MrpResult r) {
    Map<Long, PlanItem> items = new HashMap<>();
    for (PlanItem it : in.items()) {
      items.put(it.materialId(), it);
    }
    Set<Long> flagged = new HashSet<>();
    for (MrpMessage m : r.messages()) {
      if (m.kind().equals(MrpMessage.PAST_DUE)
          || m.kind().equals(MrpMessage.PLANNING_FENCE)
          || m.kind().equals(MrpMessage.BELOW_SAFETY)) {
        flagged.add(m.materialId());
      }
    }
    int h = in.horizonDays();
    Map<Long, double[]> flow = flows(in, r);
    Set<Long> skip = skipped(in);
    for (PlanItem it : in.items()) {
      if (skip.contains(it.materialId())) {
        continue;
      }
      double[] f = flow.get(it.materialId());
      int fa = firstArrival(in, it);
      double pa = 0;
      for (int t = 0; t < h; t++) {
        pa += f[t];
        double ss = level(in, it, t);
        boolean shortfall = pa < ss - tol(pa);
        if (t >= fa) {
          assertThat(shortfall)
              .as(
                  "material %d day %d: projected available %s below safety stock %s",
                  it.materialId(), t, pa, ss)
              .isFalse();
        } else if (shortfall) {
          assertThat(flagged)
              .as("material %d short on day %d before first arrival %d", it.materialId(), t, fa)
              .contains(it.materialId());
        }
      }
    }
  }

  /**
   * No planned order the safety stock schedule and the requirements do not need: for each item
   * (phantoms and their components skipped) and each day after its first possible arrival within
   * the horizon with orders that are not make-to-order, projected available at the end of the day
   * without them is below the safety stock of the day, and, unless the item has a period order
   * quantity (which orders ahead), so it is without only the last of them (in id order).
   */
  static void assertOrdersNeeded(MrpInput in, MrpResult r) {
    Map<Long, PlanItem> items = new HashMap<>();
    for (PlanItem it : in.items()) {
      items.put(it.materialId(), it);
    }
    Set<Long> mtoDemands = new HashSet<>();
    for (PlanDemand dm : in.demands()) {
      if (dm.makeToOrder()) {
        mtoDemands.add(dm.id());
      }
    }
    Set<Long> mtoOrders = new HashSet<>();
    for (Pegging p : r.pegging()) {
      if (p.supplyKind().equals(Pegging.PLANNED)
          && p.demandKind().equals(Pegging.DEMAND)
          && mtoDemands.contains(p.demandId())) {
        mtoOrders.add(p.supplyId());
      }
    }
    Map<String, PlannedOrder> last = new HashMap<>();
    Map<String, Double> all = new HashMap<>();
    for (PlannedOrder o : r.plannedOrders()) {
      if (!mtoOrders.contains(o.id())) {
        last.put(o.materialId() + "@" + o.dueDate(), o);
        all.merge(o.materialId() + "@" + o.dueDate(), output(items, o), Double::sum);
      }
    }
    int h = in.horizonDays();
    Map<Long, double[]> flow = flows(in, r);
    Set<Long> skip = skipped(in);
    for (PlannedOrder o : last.values()) {
      PlanItem it = items.get(o.materialId());
      int due = day(in, o.dueDate());
      if (skip.contains(it.materialId()) || due <= firstArrival(in, it) || due >= h) {
        continue;
      }
      double[] f = flow.get(it.materialId());
      double pa = 0;
      for (int t = 0; t <= due; t++) {
        pa += f[t];
      }
      double level = level(in, it, due);
      assertThat(pa - all.get(o.materialId() + "@" + o.dueDate()))
          .as("material %d: projected available on %s without its orders", it.materialId(), due)
          .isLessThan(level + tol(pa));
      if (it.lotSizing() != LotSizing.PERIOD_ORDER_QUANTITY) {
        assertThat(pa - output(items, o))
            .as("material %d: projected available on %s without %s", it.materialId(), due, o)
            .isLessThan(level + tol(pa));
      }
    }
  }

  /** Phantoms and the components of phantoms. */
  private static Set<Long> skipped(MrpInput in) {
    Map<Long, PlanItem> items = new HashMap<>();
    Set<Long> skip = new HashSet<>();
    for (PlanItem it : in.items()) {
      items.put(it.materialId(), it);
      if (it.phantom()) {
        skip.add(it.materialId());
      }
    }
    for (PlanBomLine b : in.bom()) {
      if (items.get(b.parentMaterialId()).phantom()) {
        skip.add(b.componentMaterialId());
      }
    }
    return skip;
  }

  /**
   * Net flow per item and day: on-hand on day 0, receipts (on the EXPEDITE date when there is one),
   * planned orders' good output on their due date and co-products, less demands, dependent demand
   * on the parent orders' release dates and substitution shifts.
   */
  static Map<Long, double[]> flows(MrpInput in, MrpResult r) {
    int h = in.horizonDays();
    Map<Long, PlanItem> items = new HashMap<>();
    Map<Long, double[]> flow = new HashMap<>();
    for (PlanItem it : in.items()) {
      items.put(it.materialId(), it);
      double[] f = new double[h];
      f[0] += it.onHand();
      flow.put(it.materialId(), f);
    }
    Map<Long, LocalDate> expedite = new HashMap<>();
    for (MrpMessage m : r.messages()) {
      if (m.kind().equals(MrpMessage.EXPEDITE)) {
        expedite.put(m.referenceId(), m.date());
      }
    }
    for (PlanReceipt rc : in.receipts()) {
      int day = day(in, expedite.getOrDefault(rc.id(), rc.date()));
      if (day < h) {
        flow.get(rc.materialId())[Math.max(0, day)] += rc.quantity();
      }
    }
    for (PlanDemand dm : in.demands()) {
      int day = day(in, dm.date());
      if (day < h) {
        flow.get(dm.materialId())[Math.max(0, day)] -= dm.quantity();
      }
    }
    for (PlannedOrder o : r.plannedOrders()) {
      int due = day(in, o.dueDate());
      if (due < h) {
        flow.get(o.materialId())[due] += output(items, o);
      }
      int rel = day(in, o.releaseDate());
      for (PlanBomLine b : in.bom()) {
        if (b.parentMaterialId() == o.materialId() && rel < h) {
          flow.get(b.componentMaterialId())[rel] -=
              o.quantity() * b.quantityPer() * (1 + b.scrapPercent() / 100);
        }
      }
      for (PlanOutput out : in.outputs()) {
        if (out.parentMaterialId() == o.materialId() && due < h) {
          flow.get(out.outputMaterialId())[due] += output(items, o) * out.quantityPer();
        }
      }
    }
    for (SubShift sh : substitutionShifts(in, r)) {
      int day = day(in, sh.date());
      if (day < h) {
        flow.get(sh.material())[day] -= sh.qty();
      }
    }
    return flow;
  }

  /**
   * Each planned order's release is the due date minus the lead time (or the plan start with a
   * PAST_DUE message naming the order) and never before the plan start; no order is due before its
   * first possible arrival (lead time and planning time fence); an order with a PLANNING_FENCE
   * message is due on the fence date, which is after the lead time's first arrival, and is not
   * PAST_DUE; ids are 1, 2, …, the orders of one material are consecutive and by due date.
   */
  static void assertDates(MrpInput in, MrpResult r) {
    Map<Long, PlanItem> items = new HashMap<>();
    for (PlanItem it : in.items()) {
      items.put(it.materialId(), it);
    }
    Set<Long> pastDue = referenced(r, MrpMessage.PAST_DUE);
    Set<Long> fenceMoved = referenced(r, MrpMessage.PLANNING_FENCE);
    long expectedId = 1;
    Set<Long> materialsDone = new HashSet<>();
    PlannedOrder prev = null;
    for (PlannedOrder o : r.plannedOrders()) {
      assertThat(o.id()).isEqualTo(expectedId++);
      if (prev != null && prev.materialId() == o.materialId()) {
        assertThat(o.dueDate())
            .as("due date of %s after %s", o, prev)
            .isAfterOrEqualTo(prev.dueDate());
      } else {
        assertThat(materialsDone.add(o.materialId()))
            .as("orders of material %d are consecutive", o.materialId())
            .isTrue();
      }
      prev = o;
      assertThat(o.quantity()).isPositive();
      assertThat(o.releaseDate()).isAfterOrEqualTo(in.planStart());
      PlanItem it = items.get(o.materialId());
      int lt = it.leadTimeDays();
      assertThat(day(in, o.dueDate()))
          .as("due day of %s", o)
          .isGreaterThanOrEqualTo(firstArrival(in, it));
      if (fenceMoved.contains(o.id())) {
        assertThat(fenced(in, it)).as("fence beyond the lead time for %s", o).isTrue();
        assertThat(day(in, o.dueDate())).as("due day of %s", o).isEqualTo(fenceDay(in, it));
        assertThat(pastDue).as("PAST_DUE of %s", o).doesNotContain(o.id());
      }
      if (pastDue.contains(o.id())) {
        assertThat(fenced(in, it)).as("fence beyond the lead time for %s", o).isFalse();
        assertThat(o.releaseDate()).isEqualTo(in.planStart());
        assertThat(day(in, o.dueDate())).isEqualTo(firstArrival(in, lt));
      } else {
        LocalDate rel = lt == 0 ? o.dueDate() : in.calendar().plusWorkingDays(o.dueDate(), -lt);
        assertThat(o.releaseDate()).as("release of %s", o).isEqualTo(rel);
      }
    }
  }

  /**
   * Every make-to-order demand within the horizon with a quantity &gt; 0 (ids assumed unique per
   * material) is pegged in full, only to planned orders of its material; those orders serve only
   * that demand, their good output (quantity × yield) adds up to the demand quantity, and each is
   * due on the demand date (the plan start for earlier dates) or, when that is before the first
   * possible arrival, on that day with a PAST_DUE message (a PLANNING_FENCE message when the
   * planning time fence, not the lead time, sets that day). Make-to-order demands of quantity 0 or
   * beyond the horizon have no pegging rows.
   */
  static void assertMakeToOrder(MrpInput in, MrpResult r) {
    Map<Long, PlanItem> items = new HashMap<>();
    for (PlanItem it : in.items()) {
      items.put(it.materialId(), it);
    }
    Map<Long, PlannedOrder> orders = new HashMap<>();
    for (PlannedOrder o : r.plannedOrders()) {
      orders.put(o.id(), o);
    }
    Set<Long> pastDue = referenced(r, MrpMessage.PAST_DUE);
    Set<Long> fenceMoved = referenced(r, MrpMessage.PLANNING_FENCE);
    Map<String, Integer> demandsPerKey = new HashMap<>();
    for (PlanDemand dm : in.demands()) {
      demandsPerKey.merge(key(dm.materialId(), Pegging.DEMAND, dm.id()), 1, Integer::sum);
    }
    Map<String, List<Pegging>> byDemand = new HashMap<>();
    Map<String, List<Pegging>> bySupply = new HashMap<>();
    for (Pegging p : r.pegging()) {
      byDemand
          .computeIfAbsent(
              key(p.materialId(), p.demandKind(), p.demandId()), k -> new ArrayList<>())
          .add(p);
      bySupply
          .computeIfAbsent(
              key(p.materialId(), p.supplyKind(), p.supplyId()), k -> new ArrayList<>())
          .add(p);
    }
    for (PlanDemand dm : in.demands()) {
      String k = key(dm.materialId(), Pegging.DEMAND, dm.id());
      if (!dm.makeToOrder() || demandsPerKey.get(k) > 1) {
        continue;
      }
      int day = day(in, dm.date());
      List<Pegging> rows = byDemand.getOrDefault(k, List.of());
      if (day >= in.horizonDays() || !(dm.quantity() > 0)) {
        assertThat(rows).as("pegging of make-to-order demand %s", dm).isEmpty();
        continue;
      }
      assertThat(rows).as("pegging of make-to-order demand %s", dm).isNotEmpty();
      double pegged = 0;
      double output = 0;
      for (Pegging p : rows) {
        assertThat(p.supplyKind())
            .as("supply of make-to-order demand %s", dm)
            .isEqualTo(Pegging.PLANNED);
        pegged += p.quantity();
        PlannedOrder o = orders.get(p.supplyId());
        assertThat(o).as("order %d of make-to-order demand %s", p.supplyId(), dm).isNotNull();
        assertThat(o.materialId()).isEqualTo(dm.materialId());
        for (Pegging q : bySupply.get(key(o.materialId(), Pegging.PLANNED, o.id()))) {
          assertThat(q.demandKind() + "/" + q.demandId())
              .as("demands served by make-to-order order %s", o)
              .isEqualTo(Pegging.DEMAND + "/" + dm.id());
        }
        output += output(items, o);
        PlanItem it = items.get(o.materialId());
        int fa = firstArrival(in, it);
        boolean fenced = fenced(in, it);
        int due = Math.max(0, day);
        if (due < fa) {
          assertThat(day(in, o.dueDate())).as("due day of past-due %s", o).isEqualTo(fa);
          assertThat(fenced ? fenceMoved : pastDue).as("message of %s", o).contains(o.id());
          assertThat(fenced ? pastDue : fenceMoved).as("message of %s", o).doesNotContain(o.id());
        } else {
          assertThat(day(in, o.dueDate())).as("due day of %s", o).isEqualTo(due);
          assertThat(pastDue).as("PAST_DUE of %s", o).doesNotContain(o.id());
          assertThat(fenceMoved).as("PLANNING_FENCE of %s", o).doesNotContain(o.id());
        }
      }
      assertThat(pegged)
          .as("pegged quantity of make-to-order demand %s", dm)
          .isCloseTo(dm.quantity(), org.assertj.core.api.Assertions.within(tol(dm.quantity())));
      assertThat(output)
          .as("good output for make-to-order demand %s", dm)
          .isCloseTo(dm.quantity(), org.assertj.core.api.Assertions.within(tol(dm.quantity())));
    }
  }

  /**
   * Co-product supply rows: the supply is a planned order of a parent of the row's material with an
   * output to it, due within the horizon; each row's demand is dated on or after that order's due
   * date (a co-product receipt is not movable); per order, the rows add up to at most its yield
   * (good output × the summed quantityPer, checked with the other supplies by {@link
   * #assertPegging}). Demand dates: an independent demand's date (the plan start if earlier), a
   * parent order's release date for dependent demand, the plan start for safety stock on it, the
   * step's date for a safety-stock increase. Demand ids are assumed unique. Likewise released
   * safety stock (ON_HAND rows with the step as supply id) serves only demands dated on or after
   * its step.
   */
  static void assertCoProducts(MrpInput in, MrpResult r) {
    Map<Long, PlannedOrder> orders = new HashMap<>();
    for (PlannedOrder o : r.plannedOrders()) {
      orders.put(o.id(), o);
    }
    Map<Long, LocalDate> demandDate = new HashMap<>();
    for (PlanDemand dm : in.demands()) {
      demandDate.put(dm.id(), dm.date().isBefore(in.planStart()) ? in.planStart() : dm.date());
    }
    Set<String> pairs = new HashSet<>();
    for (PlanOutput out : in.outputs()) {
      pairs.add(out.parentMaterialId() + "->" + out.outputMaterialId());
    }
    LocalDate end = in.planStart().plusDays(in.horizonDays());
    Map<Long, PlanItem> items = new HashMap<>();
    for (PlanItem it : in.items()) {
      items.put(it.materialId(), it);
    }
    for (Pegging p : r.pegging()) {
      LocalDate needed =
          switch (p.demandKind()) {
            case Pegging.DEMAND -> demandDate.get(p.demandId());
            case Pegging.DEPENDENT -> orders.get(p.demandId()).releaseDate();
            default ->
                p.demandId() == 0
                    ? in.planStart()
                    : items
                        .get(p.materialId())
                        .safetyStockSteps()
                        .get((int) p.demandId() - 1)
                        .from();
          };
      if (p.supplyKind().equals(Pegging.ON_HAND) && p.supplyId() > 0) {
        LocalDate released =
            items.get(p.materialId()).safetyStockSteps().get((int) p.supplyId() - 1).from();
        assertThat(needed).as("date of the demand of %s", p).isAfterOrEqualTo(released);
      }
      if (!p.supplyKind().equals(Pegging.CO_PRODUCT)) {
        continue;
      }
      PlannedOrder o = orders.get(p.supplyId());
      assertThat(o).as("producing order of %s", p).isNotNull();
      assertThat(pairs).as("output of %s", p).contains(o.materialId() + "->" + p.materialId());
      assertThat(o.dueDate()).as("due date of the producing order of %s", p).isBefore(end);
      assertThat(needed).as("date of the demand of %s", p).isAfterOrEqualTo(o.dueDate());
    }
  }

  static int day(MrpInput in, LocalDate date) {
    return (int) ChronoUnit.DAYS.between(in.planStart(), date);
  }
}
