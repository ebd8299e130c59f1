package io.tianshu.planning.engine;

import static io.tianshu.planning.engine.CtpEngineTest.CAL;
import static io.tianshu.planning.engine.CtpEngineTest.TODAY;
import static io.tianshu.planning.engine.CtpEngineTest.bought;
import static io.tianshu.planning.engine.CtpEngineTest.c;
import static io.tianshu.planning.engine.CtpEngineTest.d;
import static io.tianshu.planning.engine.CtpEngineTest.items;
import static io.tianshu.planning.engine.CtpEngineTest.line;
import static io.tianshu.planning.engine.CtpEngineTest.made;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked capable-to-promise examples with capacity, and seeded random structures. Calendar:
 * Mon–Fri working; today is Monday 2026-03-02; the capacity horizon starts today and lasts 28 days
 * unless said otherwise; capacities are given on weekdays only unless said otherwise.
 *
 * <pre>
 * March 2026: Mon 02  Tue 03  Wed 04  Thu 05  Fri 06  (Sat 07  Sun 08)
 *             Mon 09  Tue 10  Wed 11  Thu 12  Fri 13  ...  Mon 30
 * </pre>
 */
class CtpEngineCapacityTest {

  static final int HORIZON = 28;

  /** {@code perDay} minutes on the working days of the horizon, 0 on the others. */
  static double[] weekdays(double perDay, int days) {
    double[] row = new double[days];
    for (int i = 0; i < days; i++) {
      row[i] = CAL.isWorkingDay(TODAY.plusDays(i)) ? perDay : 0;
    }
    return row;
  }

  static LoadOperation op(int seq, long wc, double setup, double run) {
    return new LoadOperation(seq, wc, setup, run);
  }

  static CtpBottleneck neck(
      long wc, int seq, double work, String from, String finish, double unplaced) {
    return new CtpBottleneck(wc, seq, work, d(from), d(finish), unplaced);
  }

  static CtpShortage shortage(long material, double qty, String ready) {
    return new CtpShortage(material, qty, d(ready));
  }

  static CtpShortage shortage(long material, double qty, String ready, CtpBottleneck neck) {
    return new CtpShortage(material, qty, d(ready), neck);
  }

  static List<CtpResult> promise(Map<Long, CtpItem> items, CtpCapacity cap, CtpLine... lines) {
    return CtpEngine.promise(items, List.of(lines), CAL, TODAY, cap);
  }

  // ------------------------------------------------------------------ hand-worked examples

  /**
   * One operation, 480 minutes a day; three lines compete for it.
   *
   * <pre>
   * material 1: made, lead 1, no stock; routing: op 10 at WC 100, 60 min/unit
   * line A 10 on 03-02: st = max(r0 = 02-27, today) = 03-02, R = plusWorkingDays(03-02, 1) = 03-03
   *   work 600: 03-02 480 (left 120), 03-03 120 → f = 03-03 ≤ R → 03-03, lead time set it
   * line B 10 on 03-02: st = 03-02, R = 03-03
   *   work 600: 03-02 0 (full), 03-03 360 (left 240), 03-04 240 → f = 03-04 > R → 03-04,
   *   bottleneck WC 100 full on [03-02, 03-04)
   * line C 5 on 03-10: r0 = st = 03-09, R = 03-10 (in time); work 300 on 03-09 → on time
   * </pre>
   */
  @Test
  void twoLinesCompeteForOneOperationTheSecondIsLater() {
    CtpItem m1 = made(1, 1, 0);
    CtpCapacity cap =
        new CtpCapacity(
            TODAY,
            HORIZON,
            Map.of(100L, weekdays(480, HORIZON)),
            Map.of(1L, List.of(op(10, 100, 0, 60))));

    List<CtpResult> r =
        promise(
            items(m1),
            cap,
            line(1, 1, 10, "2026-03-02"),
            line(2, 1, 10, "2026-03-02"),
            line(3, 1, 5, "2026-03-10"));

    assertThat(r.get(0).promised()).isEqualTo(d("2026-03-03"));
    assertThat(r.get(0).constraints()).containsExactly(shortage(1, 10, "2026-03-03"));
    assertThat(r.get(1).promised()).isEqualTo(d("2026-03-04"));
    assertThat(r.get(1).constraints())
        .containsExactly(
            shortage(1, 10, "2026-03-04", neck(100, 10, 600, "2026-03-02", "2026-03-04", 0)));
    assertThat(r.get(1).constraints().get(0).bottleneck().beyondHorizon()).isFalse();
    assertThat(r.get(2).promised()).isEqualTo(d("2026-03-10"));
    assertThat(r.get(2).onTime()).isTrue();
    assertThat(r.get(2).constraints()).isEmpty();
    // without capacity both short lines would be ready after the lead time
    assertThat(CtpEngine.promise(items(m1), List.of(line(2, 1, 10, "2026-03-02")), CAL, TODAY))
        .extracting(CtpResult::promised)
        .containsExactly(d("2026-03-03"));
  }

  /**
   * Two operations on two work centres in sequence (listed out of order).
   *
   * <pre>
   * material 1: made, lead 0; op 10 at WC 100 setup 60 + 30/unit; op 20 at WC 200 60/unit
   * line 10 on 03-02: st = r0 = 03-02, R = 03-02; w10 = 360, w20 = 600
   * (a) WC 100 480/day, WC 200 240/day:
   *     op 10: 03-02 360 → f = 03-02; op 20 from 03-02: 240, 240, 120 → f = 03-04
   *     spans 0 and 2 days → bottleneck op 20 at WC 200, full on [03-02, 03-04)
   * (b) WC 100 240/day: op 10: 03-02 240, 03-03 120 → f = 03-03 (span 1);
   *     op 20 from 03-03: 240, 240, 120 → f = 03-05 (span 2) → bottleneck op 20 from 03-03
   * </pre>
   */
  @Test
  void twoOperationsOnTwoWorkCentresRunInSequence() {
    Map<Long, CtpItem> items = items(made(1, 0, 0));
    Map<Long, List<LoadOperation>> routing =
        Map.of(1L, List.of(op(20, 200, 0, 60), op(10, 100, 60, 30)));

    CtpCapacity a =
        new CtpCapacity(
            TODAY,
            HORIZON,
            Map.of(100L, weekdays(480, HORIZON), 200L, weekdays(240, HORIZON)),
            routing);
    assertThat(promise(items, a, line(1, 1, 10, "2026-03-02")).get(0).constraints())
        .containsExactly(
            shortage(1, 10, "2026-03-04", neck(200, 20, 600, "2026-03-02", "2026-03-04", 0)));

    CtpCapacity b =
        new CtpCapacity(
            TODAY,
            HORIZON,
            Map.of(100L, weekdays(240, HORIZON), 200L, weekdays(240, HORIZON)),
            routing);
    List<CtpResult> r = promise(items, b, line(1, 1, 10, "2026-03-02"));
    assertThat(r.get(0).promised()).isEqualTo(d("2026-03-05"));
    assertThat(r.get(0).constraints())
        .containsExactly(
            shortage(1, 10, "2026-03-05", neck(200, 20, 600, "2026-03-03", "2026-03-05", 0)));
  }

  /**
   * Capacity on every day far beyond need gives the results of the engine without capacity, and so
   * does a null model; the capacity-free overload is unchanged.
   */
  @Test
  void unlimitedCapacityGivesTheResultsWithoutCapacity() {
    Map<Long, CtpItem> items =
        items(
            made(1, 2, 5, c(2, 2), c(3, 1)),
            made(2, 0, 0, c(3, 1)),
            bought(3, 4, 10, new AtpSupply(d("2026-03-05"), 20)));
    double[] huge = new double[400];
    Arrays.fill(huge, 1e12);
    CtpCapacity cap =
        new CtpCapacity(
            TODAY,
            400,
            Map.of(100L, huge, 200L, huge),
            Map.of(
                1L,
                List.of(op(10, 100, 30, 5), op(20, 200, 0, 10)),
                2L,
                List.of(op(10, 200, 15, 1)),
                3L,
                List.of(op(10, 100, 1e6, 1e6)))); // a bought item's routing is ignored
    List<CtpLine> lines =
        List.of(
            line(1, 1, 20, "2026-03-02"),
            line(2, 2, 7, "2026-03-07"),
            line(3, 1, 3, "2026-03-20"),
            line(4, 3, 50, "2026-03-03"));

    List<CtpResult> without = CtpEngine.promise(items, lines, CAL, TODAY);
    assertThat(CtpEngine.promise(items, lines, CAL, TODAY, cap)).isEqualTo(without);
    assertThat(CtpEngine.promise(items, lines, CAL, TODAY, null)).isEqualTo(without);
    assertThat(without)
        .allMatch(x -> x.constraints().stream().allMatch(s -> s.bottleneck() == null));
  }

  /**
   * Capacity stays consumed for later lines, but is given back, down the whole structure, when the
   * line waits for planned supply instead.
   *
   * <pre>
   * material 1: made, lead 0, no routing, from 1 × material 2; supply 10 on 03-05
   * material 2: made, lead 0; op 10 at WC 100 60/unit; WC 100 120/day
   * line A 10 of 1 on 03-02: make: 2 needs work 600 → 120 a day 03-02..03-06 → ready 03-06
   *   1: st = 03-06 → D = 03-06; waiting E = 03-05 < D → 03-05, 2's capacity given back
   * line B 1 of 2 on 03-02: work 60 on 03-02 (120 free again) → on time
   *   (had A kept its capacity, 03-02..03-06 would be full: 03-09)
   * line C 2 of 2 on 03-02: 03-02 has 60 left, then 03-03 → 03-03, bottleneck from 03-02
   * </pre>
   */
  @Test
  void capacityIsGivenBackWhenTheLineWaitsForSupply() {
    Map<Long, CtpItem> items =
        items(
            new CtpItem(
                1,
                true,
                0,
                List.of(c(2, 1)),
                0,
                List.of(new AtpSupply(d("2026-03-05"), 10)),
                List.of()),
            made(2, 0, 0));
    CtpCapacity cap =
        new CtpCapacity(
            TODAY,
            HORIZON,
            Map.of(100L, weekdays(120, HORIZON)),
            Map.of(2L, List.of(op(10, 100, 0, 60))));

    List<CtpResult> r =
        promise(
            items,
            cap,
            line(1, 1, 10, "2026-03-02"),
            line(2, 2, 1, "2026-03-02"),
            line(3, 2, 2, "2026-03-02"));

    assertThat(r.get(0).promised()).isEqualTo(d("2026-03-05"));
    assertThat(r.get(0).constraints()).containsExactly(shortage(1, 10, "2026-03-05"));
    assertThat(r.get(1).promised()).isEqualTo(d("2026-03-02"));
    assertThat(r.get(1).onTime()).isTrue();
    assertThat(r.get(2).constraints())
        .containsExactly(
            shortage(2, 2, "2026-03-03", neck(100, 10, 120, "2026-03-02", "2026-03-03", 0)));
  }

  /**
   * A component with its own routing: capacity at two levels, both on the critical path.
   *
   * <pre>
   * material 1: made, lead 1, 2 × material 2; op 10 at WC 100 30/unit; WC 100 100/day
   * material 2: made, lead 1;                 op 10 at WC 200 30/unit; WC 200 240/day
   * line 10 of 1 on 03-04: r0(1) = 03-03 → requirement (2, 20, 03-03)
   *   2: r0 = st = 03-02, R = 03-03; work 600: 03-02 240, 03-03 240, 03-04 120 → 03-04 (capacity)
   *   1: st = 03-04, R = plusWorkingDays(03-04, 1) = 03-05; work 300: 100 on 03-04, 03-05, 03-06
   *      → f = 03-06 > R → 03-06 (capacity)
   * </pre>
   */
  @Test
  void aComponentWithItsOwnRoutingIsCheckedToo() {
    Map<Long, CtpItem> items = items(made(1, 1, 0, c(2, 2)), made(2, 1, 0));
    CtpCapacity cap =
        new CtpCapacity(
            TODAY,
            HORIZON,
            Map.of(100L, weekdays(100, HORIZON), 200L, weekdays(240, HORIZON)),
            Map.of(1L, List.of(op(10, 100, 0, 30)), 2L, List.of(op(10, 200, 0, 30))));

    List<CtpResult> r = promise(items, cap, line(1, 1, 10, "2026-03-04"));

    assertThat(r.get(0).promised()).isEqualTo(d("2026-03-06"));
    assertThat(r.get(0).constraints())
        .containsExactly(
            shortage(1, 10, "2026-03-06", neck(100, 10, 300, "2026-03-04", "2026-03-06", 0)),
            shortage(2, 20, "2026-03-04", neck(200, 10, 600, "2026-03-02", "2026-03-04", 0)));
  }

  /**
   * A component and its parent share a work centre: the component, resolved first, takes its
   * capacity first; the parent's operation gets what is left.
   *
   * <pre>
   * material 1: made, lead 0, 1 × material 2; op 10 at WC 100 60/unit; WC 100 480/day
   * material 2: made, lead 0;                 op 10 at WC 100 30/unit
   * line 10 of 1 on 03-02: (2, 10, 03-02): work 300 on 03-02 → on time, 180 left on 03-02
   *   1: st = r0 = 03-02, R = 03-02; work 600: 180 on 03-02, 420 on 03-03 → 03-03 (capacity)
   *   2 was in time: the path ends at 1
   * </pre>
   */
  @Test
  void aComponentAndItsParentShareAWorkCentre() {
    CtpCapacity cap =
        new CtpCapacity(
            TODAY,
            HORIZON,
            Map.of(100L, weekdays(480, HORIZON)),
            Map.of(1L, List.of(op(10, 100, 0, 60)), 2L, List.of(op(10, 100, 0, 30))));

    List<CtpResult> r =
        promise(items(made(1, 0, 0, c(2, 1)), made(2, 0, 0)), cap, line(1, 1, 10, "2026-03-02"));

    assertThat(r.get(0).constraints())
        .containsExactly(
            shortage(1, 10, "2026-03-03", neck(100, 10, 600, "2026-03-02", "2026-03-03", 0)));
  }

  /**
   * Lines are served greedily in order, so less capacity for an earlier line can leave more for a
   * later one: here a later line is promised earlier with less capacity (as it can be with less
   * stock). Monotonicity holds per line in isolation, see the property test below.
   *
   * <pre>
   * material 1: made, lead 0; op 10 at WC 100 60/unit; supply 10 on 03-04
   * material 2: made, lead 0; op 10 at WC 100 60/unit
   * line A 10 of 1 on 03-02, then line B 1 of 2 on 03-02
   * 480/day: A makes (480 + 120 → 03-03, before the supply on 03-04); B: 03-03 (03-02 is full)
   * 150/day: A would finish 03-05, so A waits for 03-04 and gives the capacity back; B: 03-02
   * </pre>
   */
  @Test
  void lessCapacityForAnEarlierLineCanLeaveMoreForALaterOne() {
    Map<Long, CtpItem> items =
        items(
            new CtpItem(
                1, true, 0, List.of(), 0, List.of(new AtpSupply(d("2026-03-04"), 10)), List.of()),
            made(2, 0, 0));
    Map<Long, List<LoadOperation>> routings =
        Map.of(1L, List.of(op(10, 100, 0, 60)), 2L, List.of(op(10, 100, 0, 60)));
    CtpLine a = line(1, 1, 10, "2026-03-02");
    CtpLine b = line(2, 2, 1, "2026-03-02");

    List<CtpResult> high =
        promise(
            items,
            new CtpCapacity(TODAY, HORIZON, Map.of(100L, weekdays(480, HORIZON)), routings),
            a,
            b);
    List<CtpResult> low =
        promise(
            items,
            new CtpCapacity(TODAY, HORIZON, Map.of(100L, weekdays(150, HORIZON)), routings),
            a,
            b);

    assertThat(high)
        .extracting(CtpResult::promised)
        .containsExactly(d("2026-03-03"), d("2026-03-03"));
    assertThat(low)
        .extracting(CtpResult::promised)
        .containsExactly(d("2026-03-04"), d("2026-03-02"));
  }

  /**
   * Days without capacity are skipped, whatever the calendar says: a weekend with 0, a Saturday
   * shift of one work centre.
   *
   * <pre>
   * material 1: made, lead 0; op 10 at WC 100 60/unit, 480 on weekdays
   * line 10 on Fri 03-06: 480 on 03-06, 03-07 and 03-08 none, 120 on Mon 03-09 → 03-09
   * line 1 on Sat 03-07 (R = 03-07 without capacity): nothing until 03-09 (360 left) → 03-09
   * material 2: the same at WC 200, which also works Saturday 03-07 (480)
   * line 10 of 2 on 03-06: 480 on 03-06, 120 on 03-07 → Saturday 03-07
   * </pre>
   */
  @Test
  void daysWithoutCapacityAreSkipped() {
    double[] saturday = weekdays(480, HORIZON);
    saturday[5] = 480; // 03-07
    CtpCapacity cap =
        new CtpCapacity(
            TODAY,
            HORIZON,
            Map.of(100L, weekdays(480, HORIZON), 200L, saturday),
            Map.of(1L, List.of(op(10, 100, 0, 60)), 2L, List.of(op(10, 200, 0, 60))));

    List<CtpResult> r =
        promise(
            items(made(1, 0, 0), made(2, 0, 0)),
            cap,
            line(1, 1, 10, "2026-03-06"),
            line(2, 1, 1, "2026-03-07"),
            line(3, 2, 10, "2026-03-06"));

    assertThat(r.get(0).constraints())
        .containsExactly(
            shortage(1, 10, "2026-03-09", neck(100, 10, 600, "2026-03-06", "2026-03-09", 0)));
    assertThat(r.get(1).constraints())
        .containsExactly(
            shortage(1, 1, "2026-03-09", neck(100, 10, 60, "2026-03-07", "2026-03-09", 0)));
    assertThat(r.get(2).constraints())
        .containsExactly(
            shortage(2, 10, "2026-03-07", neck(200, 10, 600, "2026-03-06", "2026-03-07", 0)));
  }

  /**
   * Work that does not fit into the horizon is done on the first day after it: a lower bound,
   * marked beyond the horizon. A production starting after the horizon is not checked.
   *
   * <pre>
   * horizon 03-02..03-06 (5 days); material 1: made, lead 0; op 10 at WC 100 60/unit, 480/day
   * line 50 on 03-02: work 3000, 5 × 480 = 2400 fit → 600 unplaced, ready 03-07
   * line 1 of material 2 (op at WC 999, no capacity entry): all 60 unplaced → 03-07
   * line 5 of 1 on 03-20: st = 03-20 after the horizon → on time
   * </pre>
   */
  @Test
  void workBeyondTheHorizonIsALowerBound() {
    CtpCapacity cap =
        new CtpCapacity(
            TODAY,
            5,
            Map.of(100L, weekdays(480, 5)),
            Map.of(1L, List.of(op(10, 100, 0, 60)), 2L, List.of(op(10, 999, 0, 60))));

    List<CtpResult> r =
        promise(
            items(made(1, 0, 0), made(2, 0, 0)),
            cap,
            line(1, 1, 50, "2026-03-02"),
            line(2, 2, 1, "2026-03-02"),
            line(3, 1, 5, "2026-03-20"));

    assertThat(r.get(0).constraints())
        .containsExactly(
            shortage(1, 50, "2026-03-07", neck(100, 10, 3000, "2026-03-02", "2026-03-07", 600)));
    assertThat(r.get(0).constraints().get(0).bottleneck().beyondHorizon()).isTrue();
    assertThat(r.get(1).constraints())
        .containsExactly(
            shortage(2, 1, "2026-03-07", neck(999, 10, 60, "2026-03-02", "2026-03-07", 60)));
    assertThat(r.get(2).onTime()).isTrue();
  }

  @Test
  void invalidModelsAreRefused() {
    assertThatThrownBy(() -> new CtpCapacity(TODAY, 3, Map.of(100L, new double[2]), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("work centre 100 must have 3 days");
    assertThatThrownBy(
            () -> new CtpCapacity(TODAY, 2, Map.of(100L, new double[] {1, -1}), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("work centre 100 on 2026-03-03 must be finite and >= 0");
    assertThatThrownBy(() -> new CtpCapacity(TODAY, 0, Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizon must be 1..3660");
    List<LoadOperation> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> new CtpCapacity(TODAY, 1, Map.of(), Map.of(7L, withNull)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("routing of material 7");
    CtpCapacity twice =
        new CtpCapacity(
            TODAY, 1, Map.of(), Map.of(1L, List.of(op(10, 100, 0, 1), op(10, 200, 0, 1))));
    assertThatThrownBy(() -> promise(items(made(1, 0, 0)), twice, line(1, 1, 1, "2026-03-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("routing of material 1: operation sequence 10 appears twice");
    // the caller's array is copied: changing it later changes nothing
    double[] row = {480};
    CtpCapacity copy = new CtpCapacity(TODAY, 1, Map.of(100L, row), Map.of());
    row[0] = 0;
    assertThat(copy.remainingMinutes(100, TODAY)).isEqualTo(480);
    assertThat(copy.remainingMinutes(100, TODAY.plusDays(1))).isZero();
    assertThat(copy.remainingMinutes(100, TODAY.minusDays(1))).isZero();
  }

  // ------------------------------------------------------------------ random structures

  /**
   * 300 seeded random structures as in {@link CtpEngineTest#randomStructuresKeepTheRules} (shared
   * components, any weekday as today), random routings over 3 work centres: capacity of 10^12
   * minutes on every day of a 400-day horizon gives exactly the results without capacity.
   */
  @Test
  void hugeCapacityGivesTheResultsWithoutCapacity() {
    for (long seed = 1; seed <= 300; seed++) {
      Random rnd = new Random(seed);
      LocalDate today = TODAY.plusDays(rnd.nextInt(7));
      int n = 2 + rnd.nextInt(7);
      Map<Long, CtpItem> items = new HashMap<>();
      Map<Long, List<LoadOperation>> routings = new HashMap<>();
      for (long m = n; m >= 1; m--) {
        List<CtpComponent> comps = new ArrayList<>();
        boolean make = m < n && rnd.nextInt(3) > 0;
        if (make) {
          for (int i = rnd.nextInt(4); i > 0; i--) {
            comps.add(
                new CtpComponent(
                    m + 1 + rnd.nextInt((int) (n - m)),
                    new double[] {0.5, 1, 2, 3}[rnd.nextInt(4)]));
          }
        }
        items.put(
            m,
            new CtpItem(
                m, make, rnd.nextInt(6), comps, rnd.nextInt(50), supplies(rnd, today), List.of()));
        routings.put(m, routing(rnd, m, 3));
      }
      double[] huge = new double[400];
      Arrays.fill(huge, 1e12);
      CtpCapacity cap =
          new CtpCapacity(today, 400, Map.of(1000L, huge, 1001L, huge, 1002L, huge), routings);
      List<CtpLine> lines = lines(rnd, n, today);

      assertThat(CtpEngine.promise(items, lines, CAL, today, cap))
          .as("seed %d", seed)
          .isEqualTo(CtpEngine.promise(items, lines, CAL, today));
    }
  }

  /**
   * 500 seeded random trees (each material is a component of at most one parent, once) whose made
   * materials have work centres of their own, any weekday as today, a 30-day horizon: for the first
   * line, less capacity on some days never gives an earlier promise, and capacity never gives an
   * earlier promise than none. Later lines are not checked: they are served greedily (see the class
   * comment).
   */
  @Test
  void lessCapacityNeverGivesAnEarlierPromiseToALine() {
    int later = 0;
    int beyond = 0;
    for (long seed = 1; seed <= 500; seed++) {
      Random rnd = new Random(seed);
      LocalDate today = TODAY.plusDays(rnd.nextInt(7));
      int n = 2 + rnd.nextInt(9);
      List<List<CtpComponent>> children = new ArrayList<>();
      for (int m = 0; m <= n; m++) {
        children.add(new ArrayList<>());
      }
      for (int m = 2; m <= n; m++) {
        children.get(1 + rnd.nextInt(m - 1)).add(new CtpComponent(m, 1 + rnd.nextInt(3)));
      }
      Map<Long, CtpItem> items = new HashMap<>();
      Map<Long, List<LoadOperation>> routings = new HashMap<>();
      Map<Long, double[]> high = new HashMap<>();
      Map<Long, double[]> low = new HashMap<>();
      for (long m = 1; m <= n; m++) {
        List<CtpComponent> comps = children.get((int) m);
        boolean make = !comps.isEmpty() || rnd.nextBoolean();
        items.put(
            m,
            new CtpItem(
                m, make, rnd.nextInt(4), comps, rnd.nextInt(20), supplies(rnd, today), List.of()));
        List<LoadOperation> ops = routing(rnd, m, 0);
        routings.put(m, ops);
        for (LoadOperation o : ops) {
          double[] h = new double[30];
          double[] l = new double[30];
          for (int i = 0; i < 30; i++) {
            h[i] = new double[] {0, 0, 30, 60, 240}[rnd.nextInt(5)];
            l[i] = rnd.nextInt(3) == 0 ? h[i] * rnd.nextDouble() : h[i];
          }
          high.put(o.workCenterId(), h);
          low.put(o.workCenterId(), l);
        }
      }
      List<CtpLine> lines = lines(rnd, n, today);

      LocalDate none = CtpEngine.promise(items, lines, CAL, today).get(0).promised();
      CtpResult h =
          CtpEngine.promise(items, lines, CAL, today, new CtpCapacity(today, 30, high, routings))
              .get(0);
      CtpResult l =
          CtpEngine.promise(items, lines, CAL, today, new CtpCapacity(today, 30, low, routings))
              .get(0);

      assertThat(h.promised()).as("seed %d", seed).isAfterOrEqualTo(none);
      assertThat(l.promised()).as("seed %d", seed).isAfterOrEqualTo(h.promised());
      if (l.promised().isAfter(h.promised())) {
        later++;
      }
      if (l.constraints().stream()
          .anyMatch(s -> s.bottleneck() != null && s.bottleneck().beyondHorizon())) {
        beyond++;
      }
    }
    // the scenarios exercise capacity
    assertThat(later).isGreaterThan(20);
    assertThat(beyond).isGreaterThan(20);
  }

  // ------------------------------------------------------------------ size

  /**
   * The structure of {@link CtpEngineTest#tenLinesOverSixLevelsAreAllLateAndDeterministic} (about
   * 6,000 requirements per line) with two operations per made material over 20 work centres and a
   * 365-day horizon of tight capacity: every line is late, capacity sets dates, and the result is
   * deterministic.
   */
  @Test
  void tenLinesOverSixLevelsWithCapacityAreDeterministic() {
    Map<Long, CtpItem> items = new HashMap<>();
    Map<Long, List<LoadOperation>> routings = new HashMap<>();
    List<CtpComponent> top = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      top.add(c(1000 + i, 1));
    }
    items.put(1L, made(1, 2, 0, top.toArray(new CtpComponent[0])));
    routings.put(1L, List.of(op(10, 1, 30, 2), op(20, 2, 0, 3)));
    for (int level = 1; level <= 5; level++) {
      for (int i = 0; i < 50; i++) {
        long m = level * 1000L + i;
        List<AtpSupply> supply = List.of(new AtpSupply(TODAY.plusDays(10 + i), 5));
        if (level < 5) {
          long next = (level + 1) * 1000L;
          items.put(
              m,
              new CtpItem(
                  m,
                  true,
                  1 + i % 3,
                  List.of(c(next + i, 1), c(next + (i + 1) % 50, 2), c(next + (i + 7) % 50, 1)),
                  3,
                  supply,
                  List.of()));
          routings.put(m, List.of(op(10, i % 20, 15, 1), op(20, (i + 3) % 20, 0, 2)));
        } else {
          items.put(m, new CtpItem(m, false, 5 + i % 10, List.of(), 20, supply, List.of()));
        }
      }
    }
    Map<Long, double[]> remaining = new HashMap<>();
    for (long wc = 0; wc < 20; wc++) {
      remaining.put(wc, weekdays(240 + 30 * wc, 365));
    }
    CtpCapacity cap = new CtpCapacity(TODAY, 365, remaining, routings);
    List<CtpLine> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lines.add(line(i + 1, 1, 4 + i, "2026-03-09"));
    }

    // Speed is measured by bench/plan.sh (docs/benchmarks.md), not asserted here.
    List<CtpResult> r = CtpEngine.promise(items, lines, CAL, TODAY, cap);

    assertThat(r).hasSize(10).allMatch(x -> !x.onTime());
    assertThat(r).anyMatch(x -> x.constraints().stream().anyMatch(s -> s.bottleneck() != null));
    assertThat(CtpEngine.promise(items, lines, CAL, TODAY, cap)).isEqualTo(r);
  }

  /** 0 to 2 supplies within a month of today. */
  private static List<AtpSupply> supplies(Random rnd, LocalDate today) {
    List<AtpSupply> supplies = new ArrayList<>();
    for (int i = rnd.nextInt(3); i > 0; i--) {
      supplies.add(new AtpSupply(today.plusDays(rnd.nextInt(30) - 2), rnd.nextInt(40)));
    }
    return supplies;
  }

  /**
   * 0 to 3 operations in random sequence order; at {@code shared} work centres 1000.. when shared >
   * 0, else at work centres of material m's own (m × 10 + i).
   */
  private static List<LoadOperation> routing(Random rnd, long m, int shared) {
    List<LoadOperation> ops = new ArrayList<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      long wc = shared > 0 ? 1000 + rnd.nextInt(shared) : m * 10 + i;
      ops.add(op(i * 10, wc, rnd.nextInt(3) * 30, rnd.nextInt(4) * 15));
    }
    return ops;
  }

  private static List<CtpLine> lines(Random rnd, int n, LocalDate today) {
    List<CtpLine> lines = new ArrayList<>();
    for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
      lines.add(
          new CtpLine(
              100 + i,
              1 + rnd.nextInt(n),
              1 + rnd.nextInt(40),
              today.plusDays(rnd.nextInt(28) - 3)));
    }
    return lines;
  }
}
