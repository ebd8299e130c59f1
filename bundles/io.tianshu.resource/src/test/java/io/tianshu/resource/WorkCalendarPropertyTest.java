package io.tianshu.resource;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SATURDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Random checks with a fixed seed against a brute-force oracle that paints every working minute of
 * 2025-10 … 2027-12 with its efficiency, straight from the definition.
 *
 * <p>Efficiencies are 60, 80, 100 and 120 %: every minute contributes a multiple of 20 hundredths
 * of a work minute, so with whole-minute starts and durations every exact answer falls on a whole
 * second and the engine must match the oracle (and its own inverse) exactly.
 */
class WorkCalendarPropertyTest {

  static final LocalDate BASE = LocalDate.of(2025, 10, 1);
  static final LocalDate END = LocalDate.of(2028, 1, 1);
  static final int DAY = 1440;

  static final List<Shift> SHIFTS =
      List.of(
          shift("A", "06:00", "14:00", 30, WorkCalendarTest.MON_FRI), // [06:00, 13:30)
          shift("B", "14:00", "22:00", 45, WorkCalendarTest.MON_FRI), // [14:00, 21:15)
          shift("C", "22:00", "06:00", 60, WorkCalendarTest.MON_FRI), // [22:00, 05:00)
          shift("S", "08:00", "12:00", 0, EnumSet.of(SATURDAY))); // [08:00, 12:00)

  static final List<CalendarDay> DAYS = new ArrayList<>();

  static {
    holidays("2026-01-01", 1);
    holidays("2026-02-16", 7);
    holidays("2026-05-01", 5);
    holidays("2026-10-01", 7);
    DAYS.add(new CalendarDay(LocalDate.parse("2026-02-14"), DayKind.WORKDAY, null, "Sat"));
    DAYS.add(new CalendarDay(LocalDate.parse("2026-02-28"), DayKind.WORKDAY, FRIDAY, "Sat"));
    DAYS.add(new CalendarDay(LocalDate.parse("2026-04-26"), DayKind.WORKDAY, SATURDAY, "Sun"));
    DAYS.add(new CalendarDay(LocalDate.parse("2026-09-20"), DayKind.WORKDAY, null, "Sun"));
    DAYS.add(new CalendarDay(LocalDate.parse("2026-10-10"), DayKind.WORKDAY, null, "Sat"));
    DAYS.add(new CalendarDay(LocalDate.parse("2027-03-03"), DayKind.WORKDAY, SATURDAY, "Wed"));
  }

  static final List<EfficiencyPeriod> EFFS =
      List.of(
          eff("2026-03-01", "2026-03-31", 80),
          eff("2026-06-01", "2026-08-31", 60),
          eff("2026-09-15", null, 120),
          eff("2026-12-01", "2026-12-31", 100),
          eff("2027-02-01", "2027-02-10", 80));

  static final WorkCalendar CAL = WorkCalendar.of(new CalendarDefinition(SHIFTS, DAYS, EFFS));

  /** Efficiency percent of every minute from BASE (0 = not working). */
  static final int[] MINUTE_PCT;

  /** Oracle nominal minutes per day from BASE. */
  static final int[] NOMINAL;

  static {
    int days = (int) (END.toEpochDay() - BASE.toEpochDay());
    MINUTE_PCT = new int[days * DAY];
    NOMINAL = new int[days];
    Map<LocalDate, CalendarDay> ex = new HashMap<>();
    DAYS.forEach(c -> ex.put(c.date(), c));
    for (LocalDate d = BASE.minusDays(1); d.isBefore(END); d = d.plusDays(1)) {
      DayOfWeek like = d.getDayOfWeek();
      CalendarDay c = ex.get(d);
      if (c != null) {
        like =
            c.kind() == DayKind.HOLIDAY
                ? null
                : c.worksLike() == null ? DayOfWeek.MONDAY : c.worksLike();
      }
      int pct = oracleEff(d);
      int nominal = 0;
      if (like != null) {
        for (Shift s : SHIFTS) {
          if (!s.days().contains(like)) {
            continue;
          }
          int start = s.start().getHour() * 60 + s.start().getMinute();
          int end = s.end().getHour() * 60 + s.end().getMinute();
          if (end <= start) {
            end += DAY;
          }
          end -= s.breakMinutes();
          nominal += end - start;
          long dayStart = (d.toEpochDay() - BASE.toEpochDay()) * DAY;
          for (int m = start; m < end; m++) {
            long i = dayStart + m;
            if (i >= 0 && i < MINUTE_PCT.length) {
              assertThat(MINUTE_PCT[(int) i]).as("overlap at %s + %d", d, m).isZero();
              MINUTE_PCT[(int) i] = pct;
            }
          }
        }
      }
      if (!d.isBefore(BASE)) {
        NOMINAL[(int) (d.toEpochDay() - BASE.toEpochDay())] = nominal;
      }
    }
  }

  static Shift shift(String code, String start, String end, int br, Set<DayOfWeek> d) {
    return new Shift(code, LocalTime.parse(start), LocalTime.parse(end), br, d);
  }

  static EfficiencyPeriod eff(String from, String to, int pct) {
    return new EfficiencyPeriod(
        LocalDate.parse(from), to == null ? null : LocalDate.parse(to), BigDecimal.valueOf(pct));
  }

  static void holidays(String from, int n) {
    for (int i = 0; i < n; i++) {
      DAYS.add(new CalendarDay(LocalDate.parse(from).plusDays(i), DayKind.HOLIDAY, null, "off"));
    }
  }

  static int oracleEff(LocalDate d) {
    int pct = 100;
    for (EfficiencyPeriod p : EFFS) {
      if (!d.isBefore(p.from()) && (p.to() == null || !d.isAfter(p.to()))) {
        pct = p.percent().intValue();
      }
    }
    return pct;
  }

  static int dayIndex(LocalDate d) {
    return (int) (d.toEpochDay() - BASE.toEpochDay());
  }

  static LocalDateTime minuteToTime(int m) {
    return BASE.atStartOfDay().plusMinutes(m);
  }

  static int timeToMinute(LocalDateTime t) {
    return (int) Duration.between(BASE.atStartOfDay(), t).toMinutes();
  }

  /** Minute-by-minute plus, in hundredths of a work minute. */
  static LocalDateTime oraclePlus(int m, int workMinutes) {
    long rem = workMinutes * 100L;
    while (true) {
      int p = MINUTE_PCT[m];
      if (p > 0) {
        if (rem <= p) {
          return minuteToTime(m).plusSeconds(Math.round(rem * 60.0 / p));
        }
        rem -= p;
      }
      m++;
    }
  }

  static LocalDateTime oracleMinus(int m, int workMinutes) {
    long rem = workMinutes * 100L;
    while (true) {
      int p = MINUTE_PCT[m - 1];
      if (p > 0) {
        if (rem <= p) {
          return minuteToTime(m).minusSeconds(Math.round(rem * 60.0 / p));
        }
        rem -= p;
      }
      m--;
    }
  }

  static final int FIRST = timeToMinute(LocalDate.of(2026, 1, 1).atStartOfDay());
  static final int LAST = timeToMinute(LocalDate.of(2027, 7, 1).atStartOfDay());

  static int randomMinute(Random r) {
    return FIRST + r.nextInt(LAST - FIRST);
  }

  @Test
  void perDayValuesMatchTheOracle() {
    for (LocalDate d = BASE; d.isBefore(END); d = d.plusDays(1)) {
      int i = dayIndex(d);
      assertThat(CAL.nominalMinutes(d)).as("%s", d).isEqualTo(NOMINAL[i]);
      assertThat(CAL.efficiencyPercent(d)).as("%s", d).isEqualTo(oracleEff(d));
      assertThat(CAL.capacityMinutes(d)).isCloseTo(NOMINAL[i] * oracleEff(d) / 100.0, within(1e-9));
      assertThat(CAL.isWorkingDay(d)).isEqualTo(NOMINAL[i] > 0);
    }
    // spot checks by hand: Mon–Fri 450 + 435 + 420 = 1 305; Saturday 240
    assertThat(CAL.nominalMinutes(LocalDate.parse("2026-03-04"))).isEqualTo(1305);
    assertThat(CAL.nominalMinutes(LocalDate.parse("2026-03-07"))).isEqualTo(240);
    assertThat(CAL.nominalMinutes(LocalDate.parse("2026-04-26"))).isEqualTo(240); // Sun like Sat
    assertThat(CAL.nominalMinutes(LocalDate.parse("2027-03-03"))).isEqualTo(240); // Wed like Sat
    assertThat(CAL.capacityMinutes(LocalDate.parse("2026-03-04"))).isEqualTo(1044.0); // × 0.8
  }

  @Test
  void workingDayArithmeticMatchesCounting() {
    Random r = new Random(20261001);
    for (int k = 0; k < 2000; k++) {
      // 2026-02-08 … 2027-08-01, so that ±80 working days stay inside the oracle's range
      LocalDate a = BASE.plusDays(130 + r.nextInt(540));
      LocalDate b = BASE.plusDays(130 + r.nextInt(540));
      int count = 0;
      double cap = 0;
      for (LocalDate d = a; d.isBefore(b); d = d.plusDays(1)) {
        count += NOMINAL[dayIndex(d)] > 0 ? 1 : 0;
        cap += NOMINAL[dayIndex(d)] * oracleEff(d) / 100.0;
      }
      for (LocalDate d = b; d.isBefore(a); d = d.plusDays(1)) {
        count -= NOMINAL[dayIndex(d)] > 0 ? 1 : 0;
        cap -= NOMINAL[dayIndex(d)] * oracleEff(d) / 100.0;
      }
      assertThat(CAL.workingDaysBetween(a, b)).as("%s..%s", a, b).isEqualTo(count);
      assertThat(CAL.capacityMinutesBetween(a, b)).isCloseTo(cap, within(1e-6));

      int n = r.nextInt(161) - 80;
      LocalDate x = a;
      if (n == 0) {
        while (NOMINAL[dayIndex(x)] == 0) {
          x = x.plusDays(1);
        }
      }
      for (int left = Math.abs(n); left > 0; ) {
        x = x.plusDays(Integer.signum(n));
        if (NOMINAL[dayIndex(x)] > 0) {
          left--;
        }
      }
      assertThat(CAL.plusWorkingDays(a, n)).as("%s %+d", a, n).isEqualTo(x);
      // and back: n working days before the result is onOrAfter(a) / its predecessor
      if (n > 0) {
        assertThat(CAL.plusWorkingDays(x, -n)).isEqualTo(CAL.onOrBefore(a));
        assertThat(CAL.workingDaysBetween(a, x)).isEqualTo(n - 1 + (CAL.isWorkingDay(a) ? 1 : 0));
      }
      LocalDate after = a;
      while (NOMINAL[dayIndex(after)] == 0) {
        after = after.plusDays(1);
      }
      LocalDate before = a;
      while (NOMINAL[dayIndex(before)] == 0) {
        before = before.minusDays(1);
      }
      assertThat(CAL.onOrAfter(a)).isEqualTo(after);
      assertThat(CAL.onOrBefore(a)).isEqualTo(before);
    }
  }

  @Test
  void workMinutesMatchTheOracle() {
    Random r = new Random(42);
    for (int k = 0; k < 600; k++) {
      int m = randomMinute(r); // any moment, working or not
      int w = 1 + r.nextInt(k % 10 == 0 ? 20_000 : 2_000);
      LocalDateTime t = minuteToTime(m);
      assertThat(CAL.plusWorkMinutes(t, w)).as("%s + %d", t, w).isEqualTo(oraclePlus(m, w));
      assertThat(CAL.minusWorkMinutes(t, w)).as("%s - %d", t, w).isEqualTo(oracleMinus(m, w));
    }
  }

  @Test
  void minusIsTheInverseOfPlusOnWorkingMoments() {
    Random r = new Random(7);
    int checked = 0;
    while (checked < 3000) {
      int m = randomMinute(r);
      int w = 1 + r.nextInt(checked % 10 == 0 ? 30_000 : 3_000);
      if (MINUTE_PCT[m] > 0) { // t = m starts a working minute
        LocalDateTime t = minuteToTime(m);
        LocalDateTime end = CAL.plusWorkMinutes(t, w);
        assertThat(CAL.minusWorkMinutes(end, w)).as("%s + %d = %s", t, w, end).isEqualTo(t);
        checked++;
      }
      if (MINUTE_PCT[m - 1] > 0) { // t = m ends a working minute: the mirror
        LocalDateTime t = minuteToTime(m);
        LocalDateTime start = CAL.minusWorkMinutes(t, w);
        assertThat(CAL.plusWorkMinutes(start, w)).as("%s - %d = %s", t, w, start).isEqualTo(t);
        checked++;
      }
    }
  }

  @Test
  void inverseWithinRoundingForArbitraryMomentsAndDurations() {
    // fractional seconds and durations: rounding each way to the second can move the start by
    // at most 0.5 s × (largest / smallest efficiency = 2) + 0.5 s
    Random r = new Random(99);
    int checked = 0;
    while (checked < 3000) {
      int m = randomMinute(r);
      if (MINUTE_PCT[m - 1] == 0 || MINUTE_PCT[m] == 0 || MINUTE_PCT[m + 1] == 0) {
        continue; // keep clear of interval edges, where a second's shift jumps a gap
      }
      LocalDateTime t = minuteToTime(m).plusNanos((long) (r.nextDouble() * 60e9));
      double w = r.nextDouble() * 5_000;
      LocalDateTime back = CAL.minusWorkMinutes(CAL.plusWorkMinutes(t, w), w);
      assertThat(Math.abs(Duration.between(t, back).toMillis()))
          .as("%s %f", t, w)
          .isLessThan(1_600);
      checked++;
    }
  }

  @Test
  void separateCalendarsAgreeWhateverTheOrderOfQueries() {
    // a fresh calendar first asked far away extends backwards and forwards to the same answers
    WorkCalendar fresh = WorkCalendar.of(new CalendarDefinition(SHIFTS, DAYS, EFFS));
    assertThat(fresh.nominalMinutes(LocalDate.of(2060, 1, 5))).isEqualTo(1305); // a Monday
    Random r = new Random(3);
    for (int k = 0; k < 300; k++) {
      int m = randomMinute(r);
      int w = 1 + r.nextInt(5_000);
      LocalDateTime t = minuteToTime(m);
      assertThat(fresh.plusWorkMinutes(t, w)).isEqualTo(oraclePlus(m, w));
      assertThat(fresh.minusWorkMinutes(t, w)).isEqualTo(oracleMinus(m, w));
    }
  }

  @Test
  void concurrentQueriesAgreeWithSingleThreadedCalendars() throws Exception {
    // threads pull the shared calendar's range in every direction (1990 … 2060) at once
    WorkCalendar shared = WorkCalendar.of(new CalendarDefinition(SHIFTS, DAYS, EFFS));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int th = 0; th < 8; th++) {
        long seed = th;
        results.add(
            pool.submit(
                () -> {
                  WorkCalendar own = WorkCalendar.of(new CalendarDefinition(SHIFTS, DAYS, EFFS));
                  Random r = new Random(seed);
                  LocalDate from = LocalDate.of(1990, 1, 1);
                  int checks = 0;
                  for (int k = 0; k < 3000; k++) {
                    LocalDate a = from.plusDays(r.nextInt(25_500));
                    LocalDate b = a.plusDays(r.nextInt(4000) - 2000);
                    int n = r.nextInt(101) - 50;
                    LocalDateTime t = a.atStartOfDay().plusMinutes(r.nextInt(DAY));
                    double w = r.nextDouble() * 10_000;
                    assertThat(shared.workingDaysBetween(a, b))
                        .isEqualTo(own.workingDaysBetween(a, b));
                    assertThat(shared.plusWorkingDays(a, n)).isEqualTo(own.plusWorkingDays(a, n));
                    assertThat(shared.capacityMinutes(b)).isEqualTo(own.capacityMinutes(b));
                    assertThat(shared.plusWorkMinutes(t, w)).isEqualTo(own.plusWorkMinutes(t, w));
                    assertThat(shared.minusWorkMinutes(t, w)).isEqualTo(own.minusWorkMinutes(t, w));
                    checks++;
                  }
                  return checks;
                }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(3000);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
