package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tianshu.resource.CalendarDay;
import io.tianshu.resource.CalendarDefinition;
import io.tianshu.resource.DayKind;
import io.tianshu.resource.Shift;
import io.tianshu.resource.WorkCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked CRP and RCCP examples and seeded random scenarios checked against a naive day-by-day
 * re-computation. Calendar: Mon–Fri working; week of 2026-03-02 (Mon) to 03-06 (Fri), 03-09 (Mon)
 * to 03-13 (Fri), 03-16 (Mon) to 03-20 (Fri).
 */
class CapacityEngineTest {

  static final LocalDate MON = LocalDate.of(2026, 3, 2);

  static final WorkCalendar CAL = calendar(List.of());

  static WorkCalendar calendar(List<LocalDate> holidays) {
    List<CalendarDay> days = new ArrayList<>();
    for (LocalDate h : holidays) {
      days.add(new CalendarDay(h, DayKind.HOLIDAY, null, "holiday"));
    }
    return WorkCalendar.of(
        new CalendarDefinition(
            List.of(
                new Shift(
                    "DAY",
                    LocalTime.of(8, 0),
                    LocalTime.of(16, 0),
                    0,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))),
            days,
            List.of()));
  }

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static LoadOrder order(long id, long material, String release, String due, double qty) {
    return new LoadOrder(id, material, d(release), d(due), qty, "PLANNED");
  }

  static LoadOperation op(int seq, long wc, double setup, double run) {
    return new LoadOperation(seq, wc, setup, run);
  }

  static double[] arr(double... v) {
    return v;
  }

  /**
   * Daily buckets, two orders through a two-step routing, one unrouted order.
   *
   * <pre>
   * material 1: op 10 at WC 100 (480 min/day) setup 60, run 10; op 20 at WC 200 (240 min/day)
   *             setup 30, run 5
   * order 1, qty 42, due Fri 03-13, release Mon 03-09
   *   op 20: 30 + 5 × 42 = 240 → ceil(240 / 240) = 1 day: Fri 03-13, 240 on WC 200
   *   op 10: ends Thu 03-12; 60 + 10 × 42 = 480 → 1 day: Thu 03-12, 480 on WC 100
   *   starts Thu 03-12, not before the release
   * order 2, qty 90, due Sun 03-15 → last working day Fri 03-13, release Wed 03-11
   *   op 20: 30 + 5 × 90 = 480 → ceil(480 / 240) = 2 days: Thu 03-12, Fri 03-13, 240 each
   *   op 10: ends Wed 03-11; 60 + 10 × 90 = 960 → 2 days: Tue 03-10, Wed 03-11, 480 each
   *   starts Tue 03-10, before its release Wed 03-11 → startsBeforeRelease
   * order 3: material 99 has no routing → unrouted
   *
   * buckets 0..13 = 03-02 .. 03-15; weekends (5, 6, 12, 13) have no capacity
   * WC 100: 480 on 03-10 (8), 03-11 (9), 03-12 (10); capacity 480: full, not over
   * WC 200: 240 on 03-12 (10); 240 + 240 = 480 on 03-13 (11) → over 240: 480 / 240 = 200 %
   * </pre>
   */
  @Test
  void dailyBackwardScheduling() {
    CapacityReport r =
        CapacityEngine.load(
            List.of(
                order(1, 1, "2026-03-09", "2026-03-13", 42),
                order(2, 1, "2026-03-11", "2026-03-15", 90),
                order(3, 99, "2026-03-02", "2026-03-05", 10)),
            Map.of(1L, List.of(op(20, 200, 30, 5), op(10, 100, 60, 10))),
            Map.of(100L, 480.0, 200L, 240.0),
            CAL,
            MON,
            14,
            1);

    assertThat(r.bucketStarts()).hasSize(14).startsWith(MON).endsWith(d("2026-03-15"));
    double[] workDay = arr(1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0);
    double[] cap100 = new double[14];
    double[] cap200 = new double[14];
    for (int i = 0; i < 14; i++) {
      cap100[i] = 480 * workDay[i];
      cap200[i] = 240 * workDay[i];
    }
    assertThat(r.workCenters())
        .containsExactly(
            new WorkCenterLoad(100, arr(0, 0, 0, 0, 0, 0, 0, 0, 480, 480, 480, 0, 0, 0), cap100, 0),
            new WorkCenterLoad(200, arr(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 240, 480, 0, 0), cap200, 0));
    assertThat(r.overloads()).containsExactly(new Overload(200, d("2026-03-13"), 480, 240, 200));
    assertThat(r.unroutedOrders()).containsExactly(3L);
    assertThat(r.startsBeforeRelease()).containsExactly(2L);
    assertThat(r.beyondHorizon()).isZero();
  }

  /**
   * Weekly buckets from a Wednesday, past-due load, load beyond the horizon, a work centre without
   * capacity and an operation of 2.5 days.
   *
   * <pre>
   * horizon Wed 03-04 .. Tue 03-17 (14 days), buckets B0 = 03-04..03-10, B1 = 03-11..03-17
   *   each with 5 working days → WC 100 capacity 5 × 480 = 2400; WC 300 has no entry → 0
   * material 2: op 10 at WC 100, run 12/unit; op 20 at WC 300, setup 100
   * order 10, qty 200, due Mon 03-09, release 02-20
   *   op 20: WC 300 has no capacity → 1 day: Mon 03-09 (B0), 100
   *   op 10: ends Fri 03-06; 12 × 200 = 2400 → 2400 / 480 = 5 days: Mon 03-02 .. Fri 03-06, 480
   *          each; 03-02 and 03-03 are before the start → past due 960, into B0;
   *          03-04..03-06 → 1440 in B0; B0 = 960 + 1440 = 2400
   * order 11, qty 100, due Fri 03-20, release 03-01
   *   op 20: Fri 03-20, 100 → beyond the horizon
   *   op 10: ends Thu 03-19; 1200 → ceil(1200 / 480 = 2.5) = 3 days: Tue 03-17, Wed 03-18,
   *          Thu 03-19, 400 each: 400 in B1, 800 beyond
   * beyond = 100 + 800 = 900
   * WC 100: B0 2400 (= capacity, no overload), B1 400
   * WC 300: B0 100 against 0 → overload, utilisation +∞
   * </pre>
   */
  @Test
  void weeklyPastDueAndBeyondHorizon() {
    CapacityReport r =
        CapacityEngine.load(
            List.of(
                order(10, 2, "2026-02-20", "2026-03-09", 200),
                order(11, 2, "2026-03-01", "2026-03-20", 100)),
            Map.of(2L, List.of(op(10, 100, 0, 12), op(20, 300, 100, 0))),
            Map.of(100L, 480.0),
            CAL,
            d("2026-03-04"),
            14,
            7);

    assertThat(r.bucketStarts()).containsExactly(d("2026-03-04"), d("2026-03-11"));
    assertThat(r.workCenters())
        .containsExactly(
            new WorkCenterLoad(100, arr(2400, 400), arr(2400, 2400), 960),
            new WorkCenterLoad(300, arr(100, 0), arr(0, 0), 0));
    assertThat(r.overloads())
        .containsExactly(new Overload(300, d("2026-03-04"), 100, 0, Double.POSITIVE_INFINITY));
    assertThat(r.beyondHorizon()).isEqualTo(900);
    assertThat(r.unroutedOrders()).isEmpty();
    assertThat(r.startsBeforeRelease()).isEmpty();
    assertThat(r.workCenter(100).totalLoad()).isEqualTo(2800);
    assertThat(r.workCenter(300).totalCapacity()).isZero();
    assertThat(r.workCenter(42)).isNull();
  }

  /**
   * A holiday on Wed 03-11, a partial last bucket and an uneven spread.
   *
   * <pre>
   * horizon Mon 03-02 .. Wed 03-11 (10 days), buckets B0 = 03-02..03-08 (5 working days),
   *   B1 = 03-09..03-11 cut by the horizon: Mon, Tue (Wed is a holiday) = 2 working days
   *   WC 100 capacity: 5 × 480 = 2400, 2 × 480 = 960
   * material 3: op 10 and op 20 both at WC 100, run 1/unit
   * order 20, qty 720, due Wed 03-11 (holiday) → op 20 ends Tue 03-10
   *   op 20: ceil(720 / 480 = 1.5) = 2 days: Mon 03-09, Tue 03-10, 360 each → B1 720
   *   op 10: ends Fri 03-06, 2 days: Thu 03-05, Fri 03-06, 360 each → B0 720
   * order 21, qty 1000, due Fri 03-06, release Thu 03-05
   *   op 20: ceil(1000 / 480 = 2.083) = 3 days: Wed 03-04 .. Fri 03-06, 333.33 each → B0 1000
   *   op 10: ends Tue 03-03, 3 days: Fri 02-27, Mon 03-02, Tue 03-03, 333.33 each:
   *          past due 333.33, B0 666.67 → B0 1000
   *   starts Fri 02-27, before the release Thu 03-05 → startsBeforeRelease
   * WC 100: B0 = 720 + 1000 + 1000 = 2720 > 2400 → 113.33 %; B1 = 720 ≤ 960
   * </pre>
   */
  @Test
  void holidayPartialBucketAndUnevenSpread() {
    CapacityReport r =
        CapacityEngine.load(
            List.of(
                order(20, 3, "2026-03-02", "2026-03-11", 720),
                order(21, 3, "2026-03-05", "2026-03-06", 1000)),
            Map.of(3L, List.of(op(10, 100, 0, 1), op(20, 100, 0, 1))),
            Map.of(100L, 480.0),
            calendar(List.of(d("2026-03-11"))),
            MON,
            10,
            7);

    assertThat(r.bucketStarts()).containsExactly(MON, d("2026-03-09"));
    WorkCenterLoad w = r.workCenter(100);
    assertThat(w.capacity()).containsExactly(2400, 960);
    assertThat(w.load(0)).isCloseTo(2720, within(1e-9));
    assertThat(w.load(1)).isCloseTo(720, within(1e-9));
    assertThat(w.pastDue()).isCloseTo(1000.0 / 3, within(1e-9));
    assertThat(r.overloads()).hasSize(1);
    Overload o = r.overloads().get(0);
    assertThat(o.workCenterId()).isEqualTo(100);
    assertThat(o.bucketStart()).isEqualTo(MON);
    assertThat(o.utilisationPercent()).isCloseTo(2720.0 / 2400 * 100, within(1e-9));
    assertThat(r.startsBeforeRelease()).containsExactly(21L);
  }

  /**
   * 1.1 × 1800 = 1980.0000000000002 minutes at 990 minutes per day is 2.0000000000000004 days in
   * floating point: the operation lasts 2 days (Thu 03-05, Fri 03-06, 990 each), not 3.
   */
  @Test
  void durationRoundsUpWithTolerance() {
    CapacityReport r =
        CapacityEngine.load(
            List.of(order(1, 1, "2026-03-05", "2026-03-06", 1800)),
            Map.of(1L, List.of(op(10, 100, 0, 1.1))),
            Map.of(100L, 990.0),
            CAL,
            MON,
            5,
            1);

    assertThat(r.workCenter(100).load())
        .containsExactly(0, 0, 0, 990.0000000000001, 990.0000000000001);
    assertThat(r.startsBeforeRelease()).isEmpty();
  }

  /**
   * Work centres with a capacity entry appear even without load; an empty routing counts as
   * unrouted; zero quantity still loads the setup.
   *
   * <pre>
   * order 1, qty 0, material 1 (setup 45 at WC 100), due Tue 03-03 → 45 in bucket 1
   * order 2, material 2 has an empty routing → unrouted
   * WC 500 has capacity 60 and no load
   * </pre>
   */
  @Test
  void idleWorkCentresEmptyRoutingAndSetupOnly() {
    CapacityReport r =
        CapacityEngine.load(
            List.of(
                order(1, 1, "2026-03-03", "2026-03-03", 0),
                order(2, 2, MON.toString(), "2026-03-04", 5)),
            Map.of(1L, List.of(op(10, 100, 45, 3)), 2L, List.of()),
            Map.of(500L, 60.0, 100L, 60.0),
            CAL,
            MON,
            3,
            1);

    assertThat(r.workCenters())
        .containsExactly(
            new WorkCenterLoad(100, arr(0, 45, 0), arr(60, 60, 60), 0),
            new WorkCenterLoad(500, arr(0, 0, 0), arr(60, 60, 60), 0));
    assertThat(r.unroutedOrders()).containsExactly(2L);
    assertThat(r.overloads()).isEmpty();
  }

  /**
   * Rough-cut with weekly buckets from Mon 03-02, 28 days: buckets 03-02, 03-09, 03-16, 03-23.
   *
   * <pre>
   * bill of resources of material 1: WC 100 2.5 min/unit, WC 200 0.5 min/unit
   * capacity per week: WC 100 5 × 480 = 2400, WC 200 5 × 60 = 300
   * order 1, qty 1000, due 03-04 → B0: WC 100 2500, WC 200 500
   * order 2, qty  400, due 02-27 (past due) → B0: WC 100 1000, WC 200 200 (also past due)
   * order 3, qty  800, due 03-16 → B2: WC 100 2000, WC 200 400
   * order 4, qty  100, due 03-30 = end of the horizon → beyond: 250 + 50 = 300
   * order 5, material 9 without a bill of resources → unrouted
   * WC 100: B0 3500 > 2400 → 145.83 %; B2 2000 ≤ 2400
   * WC 200: B0  700 > 300 → 233.33 %;   B2  400 > 300 → 133.33 %
   * </pre>
   */
  @Test
  void roughCut() {
    CapacityReport r =
        CapacityEngine.roughCut(
            List.of(
                order(1, 1, "2026-03-02", "2026-03-04", 1000),
                order(2, 1, "2026-02-20", "2026-02-27", 400),
                order(3, 1, "2026-03-16", "2026-03-16", 800),
                order(4, 1, "2026-03-30", "2026-03-30", 100),
                order(5, 9, "2026-03-02", "2026-03-04", 10)),
            Map.of(1L, Map.of(100L, 2.5, 200L, 0.5)),
            Map.of(100L, 480.0, 200L, 60.0),
            CAL,
            MON,
            28,
            7);

    assertThat(r.bucketStarts())
        .containsExactly(MON, d("2026-03-09"), d("2026-03-16"), d("2026-03-23"));
    assertThat(r.workCenters())
        .containsExactly(
            new WorkCenterLoad(100, arr(3500, 0, 2000, 0), arr(2400, 2400, 2400, 2400), 1000),
            new WorkCenterLoad(200, arr(700, 0, 400, 0), arr(300, 300, 300, 300), 200));
    assertThat(r.overloads())
        .containsExactly(
            new Overload(100, MON, 3500, 2400, 3500.0 / 2400 * 100),
            new Overload(200, MON, 700, 300, 700.0 / 300 * 100),
            new Overload(200, d("2026-03-16"), 400, 300, 400.0 / 300 * 100));
    assertThat(r.beyondHorizon()).isEqualTo(300);
    assertThat(r.unroutedOrders()).containsExactly(5L);
    assertThat(r.startsBeforeRelease()).isEmpty();
  }

  @Test
  void validation() {
    Map<Long, List<LoadOperation>> routing = Map.of(1L, List.of(op(10, 100, 0, 1)));
    List<LoadOrder> orders = List.of(order(1, 1, "2026-03-02", "2026-03-04", 1));
    assertThatThrownBy(() -> CapacityEngine.load(orders, routing, Map.of(), CAL, MON, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizonDays");
    assertThatThrownBy(() -> CapacityEngine.load(orders, routing, Map.of(), CAL, MON, 3661, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizonDays");
    assertThatThrownBy(() -> CapacityEngine.load(orders, routing, Map.of(), CAL, MON, 10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucketDays");
    assertThatThrownBy(
            () -> CapacityEngine.load(orders, routing, Map.of(100L, -1.0), CAL, MON, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("work centre 100")
        .hasMessageContaining("工作中心 100");
    assertThatThrownBy(
            () ->
                CapacityEngine.load(
                    orders,
                    Map.of(1L, List.of(op(10, 100, 0, 1), op(10, 200, 0, 1))),
                    Map.of(),
                    CAL,
                    MON,
                    10,
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("material 1")
        .hasMessageContaining("sequence 10");
    assertThatThrownBy(
            () ->
                CapacityEngine.load(
                    List.of(order(7, 1, "2026-03-02", "2026-03-04", 1e9)),
                    routing,
                    Map.of(100L, 1.0),
                    CAL,
                    MON,
                    10,
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("order 7");
    assertThatThrownBy(() -> op(10, 100, -1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("work centre 100");
    assertThatThrownBy(() -> order(3, 1, "2026-03-02", "2026-03-04", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("load order 3");
    assertThatThrownBy(() -> new LoadOrder(4, 1, null, MON, 1, "OPEN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("load order 4");
    assertThatThrownBy(
            () ->
                CapacityEngine.roughCut(
                    orders, Map.of(1L, Map.of(100L, -2.0)), Map.of(), CAL, MON, 10, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("material 1")
        .hasMessageContaining("work centre 100");
  }

  // ---------------------------------------------------------------- random scenarios

  @Test
  void loadMatchesNaiveScheduleAndConserves() {
    for (long seed = 1; seed <= 300; seed++) {
      checkLoad(seed);
    }
  }

  @Test
  void roughCutMatchesNaiveAndConserves() {
    for (long seed = 5001; seed <= 5300; seed++) {
      checkRoughCut(seed);
    }
  }

  record Scenario(
      List<LoadOrder> orders,
      Map<Long, List<LoadOperation>> routings,
      Map<Long, Map<Long, Double>> bills,
      Map<Long, Double> capacity,
      WorkCalendar calendar,
      LocalDate start,
      int horizon,
      int bucket) {}

  static Scenario scenario(Random rnd) {
    List<LocalDate> holidays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      holidays.add(MON.plusDays(rnd.nextInt(60) - 10));
    }
    WorkCalendar cal = calendar(holidays.stream().distinct().toList());
    LocalDate start = MON.plusDays(rnd.nextInt(7));
    int horizon = 1 + rnd.nextInt(45);
    int bucket = rnd.nextBoolean() ? 1 : 1 + rnd.nextInt(10);
    Map<Long, Double> capacity = new HashMap<>();
    for (long wc = 1; wc <= 4; wc++) {
      int k = rnd.nextInt(5);
      if (k > 0) {
        capacity.put(wc, k == 1 ? 0.0 : 60.0 * (1 + rnd.nextInt(10)));
      }
    }
    Map<Long, List<LoadOperation>> routings = new HashMap<>();
    Map<Long, Map<Long, Double>> bills = new HashMap<>();
    for (long m = 1; m <= 4; m++) {
      if (rnd.nextInt(5) == 0) {
        continue; // no routing
      }
      List<LoadOperation> ops = new ArrayList<>();
      Map<Long, Double> bill = new HashMap<>();
      int n = rnd.nextInt(4);
      for (int i = 0; i < n; i++) {
        long wc = 1 + rnd.nextInt(5);
        ops.add(new LoadOperation(10 * (n - i), wc, rnd.nextInt(4) * 15.0, rnd.nextInt(20) * 0.5));
        bill.merge(wc, rnd.nextInt(20) * 0.25, Double::sum);
      }
      routings.put(m, ops);
      bills.put(m, bill);
    }
    List<LoadOrder> orders = new ArrayList<>();
    int n = rnd.nextInt(12);
    for (int i = 0; i < n; i++) {
      LocalDate due = start.plusDays(rnd.nextInt(horizon + 30) - 15);
      orders.add(
          new LoadOrder(
              1000 + i,
              1 + rnd.nextInt(5),
              due.minusDays(rnd.nextInt(20)),
              due,
              rnd.nextInt(300),
              i % 2 == 0 ? "PLANNED" : "OPEN"));
    }
    return new Scenario(orders, routings, bills, capacity, cal, start, horizon, bucket);
  }

  /**
   * Re-computes the CRP load day by day (walking the calendar with {@link
   * WorkCalendar#isWorkingDay}) and compares: per work centre and bucket the load, the past-due
   * load, the capacity (counted day by day), the beyond-horizon total, the overloads, the unrouted
   * and too-early orders; and conservation: bucket loads + beyond = work of the routed orders.
   */
  private static void checkLoad(long seed) {
    Scenario s = scenario(new Random(seed));
    String as = "seed " + seed;
    CapacityReport r =
        CapacityEngine.load(
            s.orders, s.routings, s.capacity, s.calendar, s.start, s.horizon, s.bucket);
    assertThat(
            CapacityEngine.load(
                s.orders, s.routings, s.capacity, s.calendar, s.start, s.horizon, s.bucket))
        .as(as)
        .isEqualTo(r);

    int buckets = (s.horizon + s.bucket - 1) / s.bucket;
    TreeMap<Long, double[]> load = new TreeMap<>();
    Map<Long, Double> pastDue = new HashMap<>();
    for (Long wc : s.capacity.keySet()) {
      load.put(wc, new double[buckets]);
    }
    double beyond = 0;
    double totalWork = 0;
    List<Long> unrouted = new ArrayList<>();
    List<Long> early = new ArrayList<>();
    LocalDate end = s.start.plusDays(s.horizon);
    for (LoadOrder o : s.orders) {
      List<LoadOperation> ops = s.routings.get(o.materialId());
      if (ops == null || ops.isEmpty()) {
        unrouted.add(o.orderId());
        continue;
      }
      List<LoadOperation> desc = new ArrayList<>(ops);
      desc.sort((a, b) -> Integer.compare(b.sequence(), a.sequence()));
      LocalDate day = o.dueDate();
      while (!s.calendar.isWorkingDay(day)) {
        day = day.minusDays(1);
      }
      LocalDate first = day;
      for (LoadOperation op : desc) {
        double work = op.setupMinutes() + op.runMinutesPerUnit() * o.quantity();
        totalWork += work;
        double cap = s.capacity.getOrDefault(op.workCenterId(), 0.0);
        int n = cap > 0 ? (int) Math.max(1, Math.ceil(work / cap - 1e-9)) : 1;
        double[] row = load.computeIfAbsent(op.workCenterId(), k -> new double[buckets]);
        for (int k = 0; k < n; k++) { // n working days backward, day is working
          if (day.isBefore(s.start)) {
            row[0] += work / n;
            pastDue.merge(op.workCenterId(), work / n, Double::sum);
          } else if (!day.isBefore(end)) {
            beyond += work / n;
          } else {
            row[(int) ((day.toEpochDay() - s.start.toEpochDay()) / s.bucket)] += work / n;
          }
          first = day;
          day = day.minusDays(1);
          while (!s.calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
          }
        }
      }
      if (first.isBefore(o.releaseDate())) {
        early.add(o.orderId());
      }
    }
    compare(as, s, r, buckets, load, pastDue, beyond, totalWork);
    assertThat(r.unroutedOrders()).as(as).isEqualTo(unrouted);
    assertThat(r.startsBeforeRelease()).as(as).isEqualTo(early);
  }

  /** Re-computes the RCCP load and compares as in {@link #checkLoad}. */
  private static void checkRoughCut(long seed) {
    Scenario s = scenario(new Random(seed));
    String as = "seed " + seed;
    CapacityReport r =
        CapacityEngine.roughCut(
            s.orders, s.bills, s.capacity, s.calendar, s.start, s.horizon, s.bucket);
    int buckets = (s.horizon + s.bucket - 1) / s.bucket;
    TreeMap<Long, double[]> load = new TreeMap<>();
    Map<Long, Double> pastDue = new HashMap<>();
    for (Long wc : s.capacity.keySet()) {
      load.put(wc, new double[buckets]);
    }
    double beyond = 0;
    double totalWork = 0;
    List<Long> unrouted = new ArrayList<>();
    LocalDate end = s.start.plusDays(s.horizon);
    for (LoadOrder o : s.orders) {
      Map<Long, Double> bill = s.bills.get(o.materialId());
      if (bill == null || bill.isEmpty()) {
        unrouted.add(o.orderId());
        continue;
      }
      for (Map.Entry<Long, Double> e : bill.entrySet()) {
        double work = e.getValue() * o.quantity();
        totalWork += work;
        double[] row = load.computeIfAbsent(e.getKey(), k -> new double[buckets]);
        if (o.dueDate().isBefore(s.start)) {
          row[0] += work;
          pastDue.merge(e.getKey(), work, Double::sum);
        } else if (!o.dueDate().isBefore(end)) {
          beyond += work;
        } else {
          row[(int) ((o.dueDate().toEpochDay() - s.start.toEpochDay()) / s.bucket)] += work;
        }
      }
    }
    compare(as, s, r, buckets, load, pastDue, beyond, totalWork);
    assertThat(r.unroutedOrders()).as(as).isEqualTo(unrouted);
    assertThat(r.startsBeforeRelease()).as(as).isEmpty();
  }

  private static void compare(
      String as,
      Scenario s,
      CapacityReport r,
      int buckets,
      TreeMap<Long, double[]> load,
      Map<Long, Double> pastDue,
      double beyond,
      double totalWork) {
    double tol = 1e-6;
    assertThat(r.bucketStarts()).as(as).hasSize(buckets);
    LocalDate end = s.start.plusDays(s.horizon);
    for (int b = 0; b < buckets; b++) {
      assertThat(r.bucketStarts().get(b)).as(as).isEqualTo(s.start.plusDays((long) b * s.bucket));
    }
    assertThat(r.workCenters())
        .as(as)
        .extracting(WorkCenterLoad::workCenterId)
        .containsExactlyElementsOf(load.keySet());
    double sum = r.beyondHorizon();
    List<Overload> expectedOver = new ArrayList<>();
    for (WorkCenterLoad w : r.workCenters()) {
      long wc = w.workCenterId();
      String at = as + ", work centre " + wc;
      double[] expected = load.get(wc);
      double perDay = s.capacity.getOrDefault(wc, 0.0);
      assertThat(w.pastDue()).as(at).isCloseTo(pastDue.getOrDefault(wc, 0.0), within(tol));
      assertThat(w.pastDue()).as(at).isLessThanOrEqualTo(w.load(0) + tol);
      for (int b = 0; b < buckets; b++) {
        assertThat(w.load(b)).as(at + ", bucket " + b).isCloseTo(expected[b], within(tol));
        int working = 0;
        for (LocalDate day = r.bucketStarts().get(b);
            day.isBefore(end) && day.isBefore(r.bucketStarts().get(b).plusDays(s.bucket));
            day = day.plusDays(1)) {
          if (s.calendar.isWorkingDay(day)) {
            working++;
          }
        }
        assertThat(w.capacity(b)).as(at + ", bucket " + b).isEqualTo(perDay * working);
        if (w.load(b) > w.capacity(b) + CapacityEngine.TOLERANCE) {
          expectedOver.add(
              new Overload(
                  wc,
                  r.bucketStarts().get(b),
                  w.load(b),
                  w.capacity(b),
                  w.capacity(b) > 0 ? w.load(b) / w.capacity(b) * 100 : Double.POSITIVE_INFINITY));
        }
        sum += w.load(b);
      }
    }
    assertThat(r.overloads()).as(as).isEqualTo(expectedOver);
    assertThat(r.beyondHorizon()).as(as).isCloseTo(beyond, within(tol));
    // conservation: nothing lost, nothing invented
    assertThat(sum).as(as).isCloseTo(totalWork, within(tol * (1 + totalWork)));
  }
}
