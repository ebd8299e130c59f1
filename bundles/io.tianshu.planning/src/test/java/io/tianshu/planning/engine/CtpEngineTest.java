package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tianshu.resource.CalendarDefinition;
import io.tianshu.resource.Shift;
import io.tianshu.resource.WorkCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked capable-to-promise examples and seeded random structures. Calendar: Mon–Fri working,
 * no holidays; today is Monday 2026-03-02 unless said otherwise.
 *
 * <pre>
 * March 2026: Mon 02  Tue 03  Wed 04  Thu 05  Fri 06  (Sat 07  Sun 08)
 *             Mon 09  Tue 10  Wed 11  Thu 12  Fri 13  ...  Mon 30
 * </pre>
 */
class CtpEngineTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

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

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static CtpItem bought(long id, int lead, double onHand, AtpSupply... supplies) {
    return new CtpItem(id, false, lead, List.of(), onHand, List.of(supplies), List.of());
  }

  static CtpItem made(long id, int lead, double onHand, CtpComponent... components) {
    return new CtpItem(id, true, lead, List.of(components), onHand, List.of(), List.of());
  }

  static CtpComponent c(long material, double per) {
    return new CtpComponent(material, per);
  }

  static CtpLine line(long id, long material, double qty, String requested) {
    return new CtpLine(id, material, qty, d(requested));
  }

  static CtpShortage shortage(long material, double qty, String ready) {
    return new CtpShortage(material, qty, d(ready));
  }

  static Map<Long, CtpItem> items(CtpItem... items) {
    Map<Long, CtpItem> m = new HashMap<>();
    for (CtpItem i : items) {
      m.put(i.materialId(), i);
    }
    return m;
  }

  static List<CtpResult> promise(Map<Long, CtpItem> items, CtpLine... lines) {
    return CtpEngine.promise(items, List.of(lines), CAL, TODAY);
  }

  // ------------------------------------------------------------------ hand-worked examples

  /**
   * ATP covers the line.
   *
   * <pre>
   * material 1: on hand 100, committed 30 on 03-10
   * ATP bucket 03-02: 100 − 30 = 70, cumulative 70
   * line 50 on 03-05: 50 ≤ 70 → promised 03-05, on time, no constraints
   * </pre>
   */
  @Test
  void atpCoversThenPromisedAsRequested() {
    CtpItem m1 =
        new CtpItem(
            1, false, 10, List.of(), 100, List.of(), List.of(new AtpDemand(d("2026-03-10"), 30)));

    List<CtpResult> r = promise(items(m1), line(7, 1, 50, "2026-03-05"));

    assertThat(r)
        .containsExactly(
            new CtpResult(7, 1, 50, d("2026-03-05"), d("2026-03-05"), true, List.of()));
  }

  /**
   * A bought item short: the shortfall arrives after the lead time.
   *
   * <pre>
   * material 1: bought, lead 5, on hand 20, no supplies
   * line 50 on 03-04: a = 20, s = 30
   * buy date = plusWorkingDays(03-02, 5) = 03-09 (Tue 03, Wed 04, Thu 05, Fri 06, Mon 09)
   * date = max(03-04, 03-09) = 03-09; waiting: earliest(50) = none
   * </pre>
   */
  @Test
  void boughtItemShortArrivesAfterLeadTime() {
    List<CtpResult> r = promise(items(bought(1, 5, 20)), line(1, 1, 50, "2026-03-04"));

    assertThat(r)
        .containsExactly(
            new CtpResult(
                1,
                1,
                50,
                d("2026-03-04"),
                d("2026-03-09"),
                false,
                List.of(shortage(1, 30, "2026-03-09"))));
  }

  /**
   * Two levels: a made item whose component 2 is short and has lead time 5.
   *
   * <pre>
   * 1: made, lead 2, on hand 0, components 2 × 2, 3 × 1
   * 2: bought, lead 5, on hand 10;   3: bought, lead 1, on hand 100
   * line 10 of 1 on Thu 03-05: a = 0, s = 10
   *   release r0 = plusWorkingDays(03-05, −2) = 03-03 (Wed 04, Tue 03), not before today
   *   2: 10 × 2 = 20 by 03-03: a = 10, s = 10, bought → plusWorkingDays(03-02, 5) = 03-09
   *   3: 10 × 1 = 10 by 03-03: covered → 03-03
   *   start = max(03-03, 03-09, 03-03) = 03-09 (component 2)
   *   ready = max(03-05, plusWorkingDays(03-09, 2)) = 03-11
   * constraints: 1 (10 short, 03-11), then 2 (10 short, 03-09)
   * </pre>
   */
  @Test
  void twoLevelMadeItemWaitsForShortComponentPlusOwnLeadTime() {
    Map<Long, CtpItem> items =
        items(made(1, 2, 0, c(2, 2), c(3, 1)), bought(2, 5, 10), bought(3, 1, 100));

    List<CtpResult> r = promise(items, line(1, 1, 10, "2026-03-05"));

    assertThat(r)
        .containsExactly(
            new CtpResult(
                1,
                1,
                10,
                d("2026-03-05"),
                d("2026-03-11"),
                false,
                List.of(shortage(1, 10, "2026-03-11"), shortage(2, 10, "2026-03-09"))));
  }

  /**
   * Waiting for a planned supply beats making, and what the make path took is given back.
   *
   * <pre>
   * 1: made, lead 10, on hand 0, supply 50 on Fri 03-06, component 2 × 1
   * 2: bought, lead 20, on hand 15
   * line 1: 40 of 1 on 03-03: ATP(03-03) = 0 → a = 0, s = 40
   *   r0 = plusWorkingDays(03-03, −10) is before today → r = 03-02
   *   2: 40 by 03-02: a = 15 (taken), s = 25 → plusWorkingDays(03-02, 20) = Mon 03-30
   *   make date = max(03-03, plusWorkingDays(03-30, 10)) = Mon 04-13
   *   waiting: earliest(0 + 40, 03-03) = 03-06 (cumulative 50) &lt; 04-13 → 03-06;
   *   the 15 of 2 are given back, 1 takes 40
   * line 2: 15 of 2 on 03-02: 15 − 0 = 15 free → 03-02 on time
   * line 3: 20 of 1 on 03-06: ATP(03-06) = 50 − 40 = 10 → a = 10, s = 10
   *   2: 10 by 03-02: 15 − 15 = 0 free → 03-30; make date 04-13
   *   waiting: earliest(40 + 20 = 60) = none → 04-13
   * </pre>
   */
  @Test
  void waitingForPlannedSupplyBeatsMakingAndGivesBackWhatMakingTook() {
    CtpItem m1 =
        new CtpItem(
            1,
            true,
            10,
            List.of(c(2, 1)),
            0,
            List.of(new AtpSupply(d("2026-03-06"), 50)),
            List.of());
    Map<Long, CtpItem> items = items(m1, bought(2, 20, 15));

    List<CtpResult> r =
        promise(
            items,
            line(1, 1, 40, "2026-03-03"),
            line(2, 2, 15, "2026-03-02"),
            line(3, 1, 20, "2026-03-06"));

    assertThat(r)
        .containsExactly(
            new CtpResult(
                1,
                1,
                40,
                d("2026-03-03"),
                d("2026-03-06"),
                false,
                List.of(shortage(1, 40, "2026-03-06"))),
            new CtpResult(2, 2, 15, d("2026-03-02"), d("2026-03-02"), true, List.of()),
            new CtpResult(
                3,
                1,
                20,
                d("2026-03-06"),
                d("2026-04-13"),
                false,
                List.of(shortage(1, 10, "2026-04-13"), shortage(2, 10, "2026-03-30"))));
  }

  /**
   * Two lines share component 3: the first takes its stock, the second has to buy.
   *
   * <pre>
   * 1, 2: made, lead 1, component 3 × 1;   3: bought, lead 5, on hand 10
   * line A (1) 10 on Wed 03-04: r0 = plusWorkingDays(03-04, −1) = 03-03
   *   3: 10 by 03-03 covered (10 taken) → start = 03-03 = r0 → ready 03-04, on time
   * line B (2) 10 on 03-04: r0 = 03-03
   *   3: 10 − 10 = 0 free → buy plusWorkingDays(03-02, 5) = 03-09
   *   ready = max(03-04, plusWorkingDays(03-09, 1)) = 03-10
   * reversed order: B is on time and A gets 03-10
   * </pre>
   */
  @Test
  void secondLineSharingAComponentIsLaterBecauseTheFirstTookTheStock() {
    Map<Long, CtpItem> items =
        items(made(1, 1, 0, c(3, 1)), made(2, 1, 0, c(3, 1)), bought(3, 5, 10));
    CtpLine a = line(1, 1, 10, "2026-03-04");
    CtpLine b = line(2, 2, 10, "2026-03-04");

    assertThat(promise(items, a, b))
        .containsExactly(
            new CtpResult(1, 1, 10, d("2026-03-04"), d("2026-03-04"), true, List.of()),
            new CtpResult(
                2,
                2,
                10,
                d("2026-03-04"),
                d("2026-03-10"),
                false,
                List.of(shortage(2, 10, "2026-03-10"), shortage(3, 10, "2026-03-09"))));
    assertThat(promise(items, b, a))
        .extracting(CtpResult::lineId, CtpResult::promised)
        .containsExactly(tuple(2L, d("2026-03-04")), tuple(1L, d("2026-03-10")));
  }

  /**
   * Two branches of one line use the same component: the second branch sees what the first took.
   *
   * <pre>
   * 1: made, lead 0, components 2 × 1, 3 × 1;  2, 3: made, lead 0, component 4 × 1
   * 4: bought, lead 3, on hand 10
   * line 10 of 1 on 03-04: r0 = 03-04
   *   2: 10 by 03-04: r0 = 03-04; 4: 10 free → taken → ready 03-04
   *   3: 10 by 03-04: r0 = 03-04; 4: 0 free → buy plusWorkingDays(03-02, 3) = 03-05
   *      ready = max(03-04, plusWorkingDays(03-05, 0) = 03-05) = 03-05
   *   start = 03-05 (component 3) → ready = max(03-04, 03-05) = 03-05
   * </pre>
   */
  @Test
  void laterBranchOfTheSameLineSeesWhatAnEarlierBranchTook() {
    Map<Long, CtpItem> items =
        items(
            made(1, 0, 0, c(2, 1), c(3, 1)),
            made(2, 0, 0, c(4, 1)),
            made(3, 0, 0, c(4, 1)),
            bought(4, 3, 10));

    assertThat(promise(items, line(1, 1, 10, "2026-03-04")))
        .containsExactly(
            new CtpResult(
                1,
                1,
                10,
                d("2026-03-04"),
                d("2026-03-05"),
                false,
                List.of(
                    shortage(1, 10, "2026-03-05"),
                    shortage(3, 10, "2026-03-05"),
                    shortage(4, 10, "2026-03-05"))));
  }

  /**
   * Two components late on the same date: the first in list order is on the critical path.
   *
   * <pre>
   * 1: made, lead 0, components 3 × 1, 2 × 2;  2, 3: bought, lead 3, nothing available
   * line 5 of 1 on 03-02: r0 = 03-02
   *   3: 5 short → plusWorkingDays(03-02, 3) = 03-05;  2: 10 short → 03-05
   *   start = 03-05, tie → component 3 (first); ready = max(03-02, 03-05) = 03-05
   * </pre>
   */
  @Test
  void firstComponentWinsTiesOnTheCriticalPath() {
    Map<Long, CtpItem> items =
        items(made(1, 0, 0, c(3, 1), c(2, 2)), bought(2, 3, 0), bought(3, 3, 0));

    assertThat(promise(items, line(1, 1, 5, "2026-03-02")).get(0).constraints())
        .containsExactly(shortage(1, 5, "2026-03-05"), shortage(3, 5, "2026-03-05"));
  }

  /**
   * Partial ATP plus purchase; the earlier line keeps its part.
   *
   * <pre>
   * 1: bought, lead 3, on hand 30
   * line 1: 20 on 03-03 → covered, 20 taken
   * line 2: 25 on 03-03 → a = 30 − 20 = 10, s = 15 → plusWorkingDays(03-02, 3) = 03-05
   * </pre>
   */
  @Test
  void partialAtpAndPurchase() {
    List<CtpResult> r =
        promise(
            items(bought(1, 3, 30)), line(1, 1, 20, "2026-03-03"), line(2, 1, 25, "2026-03-03"));

    assertThat(r.get(0).promised()).isEqualTo(d("2026-03-03"));
    assertThat(r.get(1).promised()).isEqualTo(d("2026-03-05"));
    assertThat(r.get(1).constraints()).containsExactly(shortage(1, 15, "2026-03-05"));
  }

  /**
   * Weekends and the past.
   *
   * <pre>
   * 1: made, lead 1, component 3 × 1;  3: bought, lead 1, on hand 100;  4: bought, lead 1, none
   * line 1: 5 of 1 on Sat 03-07: r0 = plusWorkingDays(Sat 03-07, −1) = Fri 03-06; 3 covered on
   *   03-06 = r0 → ready on Sat 03-07, on time
   * line 2: 5 of 3 requested Fri 02-27 (before today): need = today 03-02, covered → 03-02, late
   *   only because it is past: no constraints
   * today Sat 03-07, line 3: 1 of 4 on Sat 03-07:
   *   buy = plusWorkingDays(onOrAfter(Sat 03-07) = Mon 03-09, 1) = Tue 03-10
   * </pre>
   */
  @Test
  void weekendAndPastDates() {
    Map<Long, CtpItem> items = items(made(1, 1, 0, c(3, 1)), bought(3, 1, 100), bought(4, 1, 0));

    List<CtpResult> r = promise(items, line(1, 1, 5, "2026-03-07"), line(2, 3, 5, "2026-02-27"));

    assertThat(r)
        .containsExactly(
            new CtpResult(1, 1, 5, d("2026-03-07"), d("2026-03-07"), true, List.of()),
            new CtpResult(2, 3, 5, d("2026-02-27"), d("2026-03-02"), false, List.of()));
    assertThat(CtpEngine.promise(items, List.of(line(3, 4, 1, "2026-03-07")), CAL, d("2026-03-07")))
        .containsExactly(
            new CtpResult(
                3,
                4,
                1,
                d("2026-03-07"),
                d("2026-03-10"),
                false,
                List.of(shortage(4, 1, "2026-03-10"))));
  }

  /**
   * A made item whose release date lies in the past: its components are there, its own lead time
   * sets the date, and the critical path ends with it.
   *
   * <pre>
   * 1: made, lead 4, component 2 × 1;  2: bought, lead 0, on hand 100
   * line 10 on Tue 03-03: r0 = plusWorkingDays(03-03, −4) is before today → r = 03-02
   *   2 covered on 03-02 → start 03-02 ≠ r0 → ready = max(03-03, plusWorkingDays(03-02, 4)) = 03-06
   * </pre>
   */
  @Test
  void ownLeadTimeEndsTheCriticalPath() {
    Map<Long, CtpItem> items = items(made(1, 4, 0, c(2, 1)), bought(2, 0, 100));

    assertThat(promise(items, line(1, 1, 10, "2026-03-03")))
        .containsExactly(
            new CtpResult(
                1,
                1,
                10,
                d("2026-03-03"),
                d("2026-03-06"),
                false,
                List.of(shortage(1, 10, "2026-03-06"))));
  }

  // ------------------------------------------------------------------ refusals

  @Test
  void unknownMaterialsAreRefusedNamingThem() {
    assertThatThrownBy(() -> promise(items(bought(1, 0, 0)), line(1, 42, 1, "2026-03-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("material 42 is not in the items (path 42)");
    assertThatThrownBy(
            () ->
                promise(
                    items(made(1, 0, 0, c(2, 1)), made(2, 0, 0, c(99, 1))),
                    line(1, 1, 1, "2026-03-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("material 99")
        .hasMessageContaining("1 -> 2 -> 99");
    // checked before anything is promised, even though stock would cover the line
    assertThatThrownBy(() -> promise(items(made(1, 0, 100, c(99, 1))), line(1, 1, 1, "2026-03-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("material 99");
    Map<Long, CtpItem> misfiled = new HashMap<>();
    misfiled.put(5L, bought(6, 0, 0));
    assertThatThrownBy(() -> promise(misfiled, line(1, 5, 1, "2026-03-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("filed under id 5");
  }

  @Test
  void invalidNumbersAreRefused() {
    LocalDate t = TODAY;
    for (double q : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new CtpLine(1, 1, q, t))
          .as("quantity %s", q)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("quantity must be finite and > 0");
    }
    assertThatThrownBy(() -> new CtpLine(1, 1, 1, null))
        .isInstanceOf(IllegalArgumentException.class);
    for (double per : new double[] {0, -2, Double.NaN}) {
      assertThatThrownBy(() -> new CtpComponent(2, per))
          .as("quantityPer %s", per)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("quantityPer must be finite and > 0");
    }
    assertThatThrownBy(() -> bought(1, -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lead time must be >= 0");
    for (double onHand : new double[] {-0.5, Double.NaN, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> bought(1, 0, onHand))
          .as("on hand %s", onHand)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("on-hand must be finite and >= 0");
    }
    assertThatThrownBy(() -> new CtpItem(1, false, 0, List.of(c(2, 1)), 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a bought item has no components");
    List<CtpComponent> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> new CtpItem(1, true, 0, withNull, 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CtpItem(1, true, 0, List.of(), 0, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CtpShortage(1, -1, t))
        .isInstanceOf(IllegalArgumentException.class);

    Map<Long, CtpItem> ok = items(bought(1, 0, 1));
    List<CtpLine> lines = List.of(line(1, 1, 1, "2026-03-02"));
    assertThatThrownBy(() -> CtpEngine.promise(null, lines, CAL, t))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CtpEngine.promise(ok, null, CAL, t))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CtpEngine.promise(ok, lines, null, t))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CtpEngine.promise(ok, lines, CAL, null))
        .isInstanceOf(IllegalArgumentException.class);
    List<CtpLine> nullLine = new ArrayList<>();
    nullLine.add(null);
    assertThatThrownBy(() -> CtpEngine.promise(ok, nullLine, CAL, t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line #1 is null");
  }

  @Test
  void cyclesAreRefusedNamingThePath() {
    Map<Long, CtpItem> items =
        items(made(1, 0, 100, c(2, 1)), made(2, 0, 0, c(3, 1)), made(3, 0, 0, c(2, 1)));
    assertThatThrownBy(() -> promise(items, line(1, 1, 1, "2026-03-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("component cycle: 2 -> 3 -> 2 / 组件循环");
    assertThatThrownBy(() -> promise(items(made(7, 0, 0, c(7, 1))), line(1, 7, 1, "2026-03-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("component cycle: 7 -> 7");
  }

  /**
   * A chain 1 → 2 → … → 64 (64 levels) is accepted; 65 levels are refused, whether the deep part is
   * new or was already checked for an earlier line.
   */
  @Test
  void structuresDeeperThan64LevelsAreRefused() {
    Map<Long, CtpItem> items = new HashMap<>();
    for (long m = 1; m < 64; m++) {
      items.put(m, made(m, 0, 0, c(m + 1, 1)));
    }
    items.put(64L, bought(64, 1, 0));
    items.put(100L, made(100, 0, 0, c(1, 1)));

    List<CtpResult> ok = promise(items, line(1, 1, 1, "2026-03-02"));
    // everything made on the day, 64 bought with lead 1 → 03-03 on every level
    assertThat(ok.get(0).promised()).isEqualTo(d("2026-03-03"));
    assertThat(ok.get(0).constraints()).hasSize(64);

    assertThatThrownBy(() -> promise(items, line(1, 100, 1, "2026-03-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deeper than 64 levels");
    assertThatThrownBy(
            () -> promise(items, line(1, 1, 1, "2026-03-02"), line(2, 100, 1, "2026-03-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deeper than 64 levels: 100 -> 1");
  }

  // ------------------------------------------------------------------ random structures

  /**
   * 300 seeded random structures of up to 8 materials (components only of higher ids, so no
   * cycles), up to 5 lines, today on any weekday. Checks the bounds of every promise, the critical
   * path's shape, that ATP cover means on time and that waiting for planned supply is never beaten
   * by a later date, against quantities independent of the engine; and that the result depends
   * neither on repetition nor on the map implementation.
   */
  @Test
  void randomStructuresKeepTheRules() {
    int onTimeByAtp = 0;
    int late = 0;
    for (long seed = 1; seed <= 300; seed++) {
      Random rnd = new Random(seed);
      LocalDate today = TODAY.plusDays(rnd.nextInt(7));
      int n = 2 + rnd.nextInt(7);
      Map<Long, CtpItem> items = new HashMap<>();
      Map<Long, Set<Long>> below = new HashMap<>(); // material -> itself and all reachable
      for (long m = n; m >= 1; m--) {
        List<CtpComponent> comps = new ArrayList<>();
        boolean make = m < n && rnd.nextInt(3) > 0;
        Set<Long> reach = new HashSet<>();
        reach.add(m);
        if (make) {
          int k = rnd.nextInt(4);
          for (int i = 0; i < k; i++) {
            long cm = m + 1 + rnd.nextInt((int) (n - m));
            comps.add(new CtpComponent(cm, new double[] {0.5, 1, 2, 3}[rnd.nextInt(4)]));
            reach.addAll(below.get(cm));
          }
        }
        below.put(m, reach);
        List<AtpSupply> supplies = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
          supplies.add(new AtpSupply(today.plusDays(rnd.nextInt(30) - 2), rnd.nextInt(40)));
        }
        List<AtpDemand> committed = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
          committed.add(new AtpDemand(today.plusDays(rnd.nextInt(30) - 2), rnd.nextInt(30)));
        }
        items.put(
            m, new CtpItem(m, make, rnd.nextInt(6), comps, rnd.nextInt(50), supplies, committed));
      }
      List<CtpLine> lines = new ArrayList<>();
      for (int i = 1 + rnd.nextInt(5); i > 0; i--) {
        lines.add(
            new CtpLine(
                100 + i,
                1 + rnd.nextInt(n),
                1 + rnd.nextInt(40),
                today.plusDays(rnd.nextInt(28) - 3)));
      }

      List<CtpResult> r = CtpEngine.promise(items, lines, CAL, today);

      assertThat(CtpEngine.promise(items, lines, CAL, today)).as("seed %d", seed).isEqualTo(r);
      assertThat(CtpEngine.promise(new TreeMap<>(items), lines, CAL, today))
          .as("seed %d", seed)
          .isEqualTo(r);
      assertThat(r).hasSameSizeAs(lines);
      Set<Long> touched = new HashSet<>(); // materials earlier lines may have taken from
      for (int i = 0; i < lines.size(); i++) {
        CtpLine l = lines.get(i);
        CtpResult x = r.get(i);
        String as = "seed " + seed + " line " + i;
        assertThat(x.lineId()).as(as).isEqualTo(l.id());
        assertThat(x.materialId()).as(as).isEqualTo(l.materialId());
        assertThat(x.quantity()).as(as).isEqualTo(l.quantity());
        assertThat(x.requested()).as(as).isEqualTo(l.requested());
        assertThat(x.promised()).as(as).isAfterOrEqualTo(l.requested()).isAfterOrEqualTo(today);
        assertThat(x.onTime()).as(as).isEqualTo(x.promised().equals(l.requested()));
        LocalDate need = l.requested().isBefore(today) ? today : l.requested();
        if (x.promised().equals(need)) {
          assertThat(x.constraints()).as(as).isEmpty();
        } else {
          late++;
          assertThat(x.constraints()).as(as).isNotEmpty();
          assertThat(x.constraints().get(0).materialId()).as(as).isEqualTo(l.materialId());
          assertThat(x.constraints().get(0).readyDate()).as(as).isEqualTo(x.promised());
          for (int j = 1; j < x.constraints().size(); j++) {
            CtpShortage up = x.constraints().get(j - 1);
            CtpShortage down = x.constraints().get(j);
            assertThat(below.get(up.materialId())).as(as).contains(down.materialId());
            assertThat(down.readyDate()).as(as).isBeforeOrEqualTo(up.readyDate());
          }
          assertThat(x.constraints()).as(as).allMatch(s -> s.quantity() > 0);
        }

        CtpItem it = items.get(l.materialId());
        AvailableToPromise atp =
            AvailableToPromise.of(today, it.onHand(), it.supplies(), it.committed());
        if (!touched.contains(l.materialId())) {
          if (!l.requested().isBefore(today) && atp.available(l.requested()) >= l.quantity()) {
            onTimeByAtp++;
            assertThat(x.onTime()).as(as).isTrue();
          }
          LocalDate wait = atp.earliest(l.quantity(), need);
          if (wait != null) {
            assertThat(x.promised()).as(as).isBeforeOrEqualTo(wait);
          }
          if (!it.make()) {
            LocalDate buy = CAL.plusWorkingDays(CAL.onOrAfter(today), it.leadTimeDays());
            assertThat(x.promised()).as(as).isBeforeOrEqualTo(buy.isAfter(need) ? buy : need);
          }
        }
        touched.addAll(below.get(l.materialId()));
      }
    }
    // the scenarios exercise both outcomes
    assertThat(onTimeByAtp).isGreaterThan(50);
    assertThat(late).isGreaterThan(50);
  }

  // ------------------------------------------------------------------ size

  /**
   * 10 lines over 6 levels: one end item with 50 components, then 5 levels of 50 materials each
   * using 3 of the next level; little stock, so nearly every requirement has a shortfall (about
   * 6,000 requirements per line).
   */
  @Test
  void tenLinesOverSixLevelsAreAllLateAndDeterministic() {
    Map<Long, CtpItem> items = new HashMap<>();
    List<CtpComponent> top = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      top.add(c(1000 + i, 1));
    }
    items.put(1L, made(1, 2, 0, top.toArray(new CtpComponent[0])));
    for (int level = 1; level <= 5; level++) {
      for (int i = 0; i < 50; i++) {
        long m = level * 1000L + i;
        List<AtpSupply> supply = List.of(new AtpSupply(TODAY.plusDays(10 + i), 5));
        CtpItem it;
        if (level < 5) {
          long next = (level + 1) * 1000L;
          it =
              new CtpItem(
                  m,
                  true,
                  1 + i % 3,
                  List.of(c(next + i, 1), c(next + (i + 1) % 50, 2), c(next + (i + 7) % 50, 1)),
                  3,
                  supply,
                  List.of());
        } else {
          it = new CtpItem(m, false, 5 + i % 10, List.of(), 20, supply, List.of());
        }
        items.put(m, it);
      }
    }
    List<CtpLine> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lines.add(line(i + 1, 1, 4 + i, "2026-03-09"));
    }

    // Speed is measured by bench/plan.sh (docs/benchmarks.md), not asserted here.
    List<CtpResult> r = CtpEngine.promise(items, lines, CAL, TODAY);

    assertThat(r).hasSize(10).allMatch(x -> !x.onTime());
    assertThat(r.get(0).constraints()).isNotEmpty();
    assertThat(CtpEngine.promise(items, lines, CAL, TODAY)).isEqualTo(r);
  }
}
