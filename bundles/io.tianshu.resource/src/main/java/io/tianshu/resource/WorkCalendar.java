package io.tianshu.resource;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A compiled plant work calendar: answers how many minutes a day works, offsets dates by working
 * days and converts work content into elapsed time.
 *
 * <p>Per-day values (which weekday's shifts run, efficiency) and prefix sums (working days,
 * capacity minutes) are precomputed into primitive arrays indexed by epoch day over a range that
 * grows lazily when a date outside it is asked for, so the hot calls allocate nothing per day and
 * {@link #workingDaysBetween} and {@link #capacityMinutesBetween} are O(1). The range is at most
 * {@value #MAX_SPAN} days; a single query needing more throws {@link IllegalArgumentException}.
 *
 * <p>Instances are immutable in meaning and safe for concurrent use: the arrays are replaced as a
 * whole (copy on extend) and published through a volatile field.
 *
 * <p>Searches ({@link #onOrAfter}, {@link #plusWorkingDays}, {@link #plusWorkMinutes}, …) throw
 * {@link IllegalStateException} when they would have to cross more than {@value #MAX_GAP_DAYS}
 * consecutive days without work, e.g. on a calendar without shifts.
 */
public final class WorkCalendar {

  /** A search gives up after this many consecutive days without work. */
  public static final int MAX_GAP_DAYS = 3700;

  /** Largest number of days the precomputed range may cover. */
  public static final int MAX_SPAN = 200_000;

  private static final int DAY = 24 * 60;
  private static final int MIN_MARGIN = 1096;
  private static final double EPS = 1e-6;
  private static final double NANOS_PER_MINUTE = 60e9;

  // Per template: 0 = nothing runs, 1..7 = the shifts of DayOfWeek.of(template).
  // Intervals are working minutes relative to the midnight the day starts at; ends may exceed
  // 1440 for shifts crossing midnight.
  private final int[][] starts = new int[8][];
  private final int[][] ends = new int[8][];
  private final int[] templateMinutes = new int[8];
  // Lower bound of every interval start of this day and later days, relative to this day.
  private final double[] firstStart = new double[8];
  // Upper bound of every interval end of this day and earlier days, relative to this day.
  private final double[] lastEnd = new double[8];

  private final long[] exceptionDays;
  private final byte[] exceptionTemplates;
  private final long[] effFrom;
  private final long[] effTo;
  private final double[] effPercent;

  private volatile Table table = Table.EMPTY;

  private WorkCalendar(
      List<List<Interval>> perWeekday,
      long[] exceptionDays,
      byte[] exceptionTemplates,
      long[] effFrom,
      long[] effTo,
      double[] effPercent) {
    for (int t = 0; t < 8; t++) {
      List<Interval> ivs = t == 0 ? List.of() : perWeekday.get(t);
      starts[t] = new int[ivs.size()];
      ends[t] = new int[ivs.size()];
      int sum = 0;
      for (int k = 0; k < ivs.size(); k++) {
        starts[t][k] = ivs.get(k).start();
        ends[t][k] = ivs.get(k).end();
        sum += ivs.get(k).end() - ivs.get(k).start();
      }
      templateMinutes[t] = sum;
      firstStart[t] = ivs.isEmpty() ? DAY : starts[t][0];
      lastEnd[t] = ivs.isEmpty() ? DAY : ends[t][ivs.size() - 1];
    }
    this.exceptionDays = exceptionDays;
    this.exceptionTemplates = exceptionTemplates;
    this.effFrom = effFrom;
    this.effTo = effTo;
    this.effPercent = effPercent;
  }

  /**
   * Validates and compiles a definition.
   *
   * @throws IllegalArgumentException naming the problem: a null entry or a missing required field
   *     (shift start/end, day date/kind, period from/percent); two calendar days on one date;
   *     shifts whose working intervals overlap on a weekday or across midnight into the next day
   *     (including around make-up days); start or end not on a whole minute; break minutes negative
   *     or not shorter than the shift; efficiency percent outside (0, 200]; an efficiency period
   *     ending before it starts
   */
  public static WorkCalendar of(CalendarDefinition def) {
    Objects.requireNonNull(def, "def");
    List<List<Interval>> perWeekday = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      perWeekday.add(new ArrayList<>());
    }
    int n = 0;
    for (Shift s : def.shifts()) {
      n++;
      if (s == null || s.start() == null || s.end() == null) {
        throw new IllegalArgumentException("shift #" + n + ": start and end are required");
      }
      String name = s.code() == null ? "#" + n : s.code();
      if (!wholeMinute(s.start()) || !wholeMinute(s.end())) {
        throw new IllegalArgumentException(
            "shift " + name + ": start and end must be on whole minutes");
      }
      int span = s.spanMinutes();
      if (s.breakMinutes() < 0 || s.breakMinutes() >= span) {
        throw new IllegalArgumentException(
            "shift "
                + name
                + ": breakMinutes "
                + s.breakMinutes()
                + " must be >= 0 and less than the shift span of "
                + span
                + " minutes");
      }
      int start = s.start().toSecondOfDay() / 60;
      for (DayOfWeek w : s.days()) {
        perWeekday.get(w.getValue()).add(new Interval(start, start + s.netMinutes(), name));
      }
    }
    for (int w = 1; w <= 7; w++) {
      List<Interval> ivs = perWeekday.get(w);
      ivs.sort(Comparator.comparingInt(Interval::start));
      for (int k = 1; k < ivs.size(); k++) {
        if (ivs.get(k - 1).end() > ivs.get(k).start()) {
          throw new IllegalArgumentException(
              "shifts "
                  + ivs.get(k - 1).shift()
                  + " and "
                  + ivs.get(k).shift()
                  + " overlap on "
                  + DayOfWeek.of(w));
        }
      }
    }
    for (int w = 1; w <= 7; w++) {
      int next = w % 7 + 1;
      String clash = crossingClash(perWeekday.get(w), perWeekday.get(next));
      if (clash != null) {
        throw new IllegalArgumentException(
            clash + " (" + DayOfWeek.of(w) + " into " + DayOfWeek.of(next) + ")");
      }
    }

    List<CalendarDay> days = new ArrayList<>(def.days());
    for (int k = 0; k < days.size(); k++) {
      CalendarDay d = days.get(k);
      if (d == null || d.date() == null || d.kind() == null) {
        throw new IllegalArgumentException(
            "calendar day #" + (k + 1) + ": date and kind are required");
      }
    }
    days.sort(Comparator.comparing(CalendarDay::date));
    long[] exDays = new long[days.size()];
    byte[] exTemplates = new byte[days.size()];
    for (int k = 0; k < days.size(); k++) {
      CalendarDay d = days.get(k);
      if (k > 0 && d.date().equals(days.get(k - 1).date())) {
        throw new IllegalArgumentException("two calendar days on " + d.date());
      }
      exDays[k] = d.date().toEpochDay();
      DayOfWeek like = d.effectiveWorksLike();
      exTemplates[k] = (byte) (like == null ? 0 : like.getValue());
    }
    for (int k = 0; k < days.size(); k++) {
      CalendarDay d = days.get(k);
      if (d.kind() != DayKind.WORKDAY) {
        continue;
      }
      long ed = exDays[k];
      int tpl = exTemplates[k];
      List<Interval> own = perWeekday.get(tpl);
      String before = crossingClash(perWeekday.get(template(ed - 1, exDays, exTemplates)), own);
      String after = crossingClash(own, perWeekday.get(template(ed + 1, exDays, exTemplates)));
      if (before != null || after != null) {
        throw new IllegalArgumentException(
            "make-up day "
                + d.date()
                + " (works like "
                + DayOfWeek.of(tpl)
                + "): "
                + (before != null
                    ? before + " (" + d.date().minusDays(1) + " into " + d.date() + ")"
                    : after + " (" + d.date() + " into " + d.date().plusDays(1) + ")"));
      }
    }

    List<EfficiencyPeriod> effs = def.efficiencies();
    long[] from = new long[effs.size()];
    long[] to = new long[effs.size()];
    double[] pct = new double[effs.size()];
    for (int k = 0; k < effs.size(); k++) {
      EfficiencyPeriod p = effs.get(k);
      if (p == null || p.from() == null || p.percent() == null) {
        throw new IllegalArgumentException(
            "efficiency period #" + (k + 1) + ": from and percent are required");
      }
      if (p.percent().signum() <= 0 || p.percent().compareTo(BigDecimal.valueOf(200)) > 0) {
        throw new IllegalArgumentException(
            "efficiency period from "
                + p.from()
                + ": percent "
                + p.percent()
                + " must be in (0, 200]");
      }
      if (p.to() != null && p.to().isBefore(p.from())) {
        throw new IllegalArgumentException(
            "efficiency period from " + p.from() + " ends before it starts (to " + p.to() + ")");
      }
      from[k] = p.from().toEpochDay();
      to[k] = p.to() == null ? Long.MAX_VALUE : p.to().toEpochDay();
      pct[k] = p.percent().doubleValue();
    }
    return new WorkCalendar(perWeekday, exDays, exTemplates, from, to, pct);
  }

  // ---------------------------------------------------------------- per day

  /** Net shift minutes of the shifts starting on {@code d}. */
  public int nominalMinutes(LocalDate d) {
    long ed = d.toEpochDay();
    Table t = cover(ed, ed + 1);
    return templateMinutes[t.tpl[(int) (ed - t.lo)]];
  }

  /** Nominal minutes × efficiency / 100. */
  public double capacityMinutes(LocalDate d) {
    long ed = d.toEpochDay();
    Table t = cover(ed, ed + 1);
    int i = (int) (ed - t.lo);
    return templateMinutes[t.tpl[i]] * t.eff[i] / 100.0;
  }

  /** Efficiency of {@code d} in percent (100 outside every efficiency period). */
  public double efficiencyPercent(LocalDate d) {
    long ed = d.toEpochDay();
    Table t = cover(ed, ed + 1);
    return t.eff[(int) (ed - t.lo)];
  }

  /** Whether any shift minutes start on {@code d}. */
  public boolean isWorkingDay(LocalDate d) {
    return nominalMinutes(d) > 0;
  }

  // ---------------------------------------------------------------- working days

  /**
   * The first working day on or after {@code d}.
   *
   * @throws IllegalStateException if there is none within {@value #MAX_GAP_DAYS} days after d
   */
  public LocalDate onOrAfter(LocalDate d) {
    long ed = d.toEpochDay();
    long r = nthWorkingDayFrom(ed, 1);
    if (r - ed > MAX_GAP_DAYS) {
      throw noWork(d);
    }
    return LocalDate.ofEpochDay(r);
  }

  /**
   * The last working day on or before {@code d}.
   *
   * @throws IllegalStateException if there is none within {@value #MAX_GAP_DAYS} days before d
   */
  public LocalDate onOrBefore(LocalDate d) {
    long ed = d.toEpochDay();
    long r = nthWorkingDayBefore(ed + 1, 1);
    if (ed - r > MAX_GAP_DAYS) {
      throw noWork(d);
    }
    return LocalDate.ofEpochDay(r);
  }

  /**
   * {@code n > 0}: the n-th working day after {@code d} (d itself not counted); {@code n < 0}: the
   * |n|-th working day before d; {@code n == 0}: {@link #onOrAfter(LocalDate) onOrAfter(d)}.
   */
  public LocalDate plusWorkingDays(LocalDate d, int n) {
    if (n == 0) {
      return onOrAfter(d);
    }
    long ed = d.toEpochDay();
    return LocalDate.ofEpochDay(
        n > 0 ? nthWorkingDayFrom(ed + 1, n) : nthWorkingDayBefore(ed, -(long) n));
  }

  /**
   * Working days in {@code [from, toExclusive)}; the negated count of {@code [toExclusive, from)}
   * when toExclusive is before from.
   */
  public int workingDaysBetween(LocalDate from, LocalDate toExclusive) {
    long a = from.toEpochDay();
    long b = toExclusive.toEpochDay();
    if (b < a) {
      return -workingDaysBetween(toExclusive, from);
    }
    Table t = cover(a, b);
    return t.wp[(int) (b - t.lo)] - t.wp[(int) (a - t.lo)];
  }

  /**
   * Capacity minutes (nominal × efficiency / 100) of the days in {@code [from, toExclusive)}; the
   * negated sum of {@code [toExclusive, from)} when toExclusive is before from.
   */
  public double capacityMinutesBetween(LocalDate from, LocalDate toExclusive) {
    long a = from.toEpochDay();
    long b = toExclusive.toEpochDay();
    if (b < a) {
      return -capacityMinutesBetween(toExclusive, from);
    }
    Table t = cover(a, b);
    return t.cp[(int) (b - t.lo)] - t.cp[(int) (a - t.lo)];
  }

  /** Epoch day of the n-th (n >= 1) working day in [from, ∞). */
  private long nthWorkingDayFrom(long from, long n) {
    Table t = cover(from, from + MAX_GAP_DAYS + 1);
    while (true) {
      int i = (int) (from - t.lo);
      long target = t.wp[i] + n;
      if (t.wp[t.len] >= target) {
        // smallest p in (i, len] with wp[p] >= target; day p - 1 is the one
        int lo = i + 1;
        int hi = t.len;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (t.wp[mid] >= target) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        return t.lo + lo - 1;
      }
      int tail = t.len - (MAX_GAP_DAYS + 1);
      if (tail >= i && t.wp[t.len] == t.wp[tail]) {
        throw noWork(LocalDate.ofEpochDay(t.lo + tail));
      }
      long missing = target - t.wp[t.len];
      t = cover(from, t.hi() + Math.max(MAX_GAP_DAYS + 1, 2 * missing));
    }
  }

  /** Epoch day of the n-th (n >= 1) working day counting back through (-∞, toExclusive). */
  private long nthWorkingDayBefore(long toExclusive, long n) {
    Table t = cover(toExclusive - MAX_GAP_DAYS - 1, toExclusive);
    while (true) {
      int i = (int) (toExclusive - t.lo);
      long target = t.wp[i] - n;
      if (target >= 0) {
        // largest j in [0, i) with wp[j] <= target; then wp[j] == target and day j works
        int lo = 0;
        int hi = i - 1;
        while (lo < hi) {
          int mid = (lo + hi + 1) >>> 1;
          if (t.wp[mid] <= target) {
            lo = mid;
          } else {
            hi = mid - 1;
          }
        }
        return t.lo + lo;
      }
      int head = MAX_GAP_DAYS + 1;
      if (head <= i && t.wp[head] == 0) {
        throw noWork(LocalDate.ofEpochDay(t.lo + head - 1));
      }
      t = cover(t.lo - Math.max(MAX_GAP_DAYS + 1, -2 * target), toExclusive);
    }
  }

  // ---------------------------------------------------------------- work minutes

  /**
   * The moment at which {@code workMinutes} of work content started at {@code t} is done. Walks
   * forward through the working intervals (a {@code t} outside every interval moves to the next
   * interval's start); work w at efficiency e takes w / (e / 100) elapsed minutes, a shift crossing
   * midnight using the efficiency of the day it started. Work finishing exactly at the end of an
   * interval returns that end. The result is rounded to the nearest second; {@code workMinutes ==
   * 0} returns {@code t} unchanged.
   *
   * @throws IllegalArgumentException if workMinutes is negative or not finite
   */
  public LocalDateTime plusWorkMinutes(LocalDateTime t, double workMinutes) {
    checkWork(workMinutes);
    if (workMinutes == 0) {
      return t;
    }
    long d0 = t.toLocalDate().toEpochDay();
    double pos = t.toLocalTime().toNanoOfDay() / NANOS_PER_MINUTE;
    double rem = workMinutes;
    long day = d0 - 1; // its shift may run past midnight into d0
    Table tb = cover(day, day + MAX_GAP_DAYS + 2);
    while (true) {
      int i = (int) (day - tb.lo);
      if (i >= tb.len) {
        int tail = tb.len - (MAX_GAP_DAYS + 1);
        if (tail >= d0 - tb.lo && tb.cp[tb.len] == tb.cp[tail]) {
          throw noWork(LocalDate.ofEpochDay(tb.lo + tail));
        }
        tb = cover(day, day + MAX_GAP_DAYS + 2);
        continue;
      }
      int tp = tb.tpl[i];
      double rel = (double) (day - d0) * DAY;
      if (pos <= rel + firstStart[tp]) {
        // Nothing of this day is used yet: skip whole days while their capacity stays short.
        double base = tb.cp[i];
        double limit = rem - EPS;
        if (limit > 0) {
          int lo = i;
          int hi = tb.len;
          while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (tb.cp[mid] - base < limit) {
              lo = mid;
            } else {
              hi = mid - 1;
            }
          }
          if (lo > i) {
            rem -= tb.cp[lo] - base;
            day += lo - i;
            pos = Double.NEGATIVE_INFINITY;
            continue;
          }
        }
      }
      int[] s = starts[tp];
      int[] e = ends[tp];
      double pct = tb.eff[i];
      for (int k = 0; k < s.length; k++) {
        double b = rel + e[k];
        if (b <= pos) {
          continue;
        }
        double a = Math.max(rel + s[k], pos);
        double cap = (b - a) * pct / 100.0;
        if (cap >= rem - EPS) {
          return at(d0, Math.min(b, a + rem * 100.0 / pct));
        }
        rem -= cap;
        pos = b;
      }
      day++;
    }
  }

  /**
   * The mirror of {@link #plusWorkMinutes}: the latest start such that {@code workMinutes} of work
   * content is done by {@code t}. Walks backward through the working intervals; work starting
   * exactly at the start of an interval returns that start. Rounded to the nearest second; {@code
   * workMinutes == 0} returns {@code t} unchanged.
   *
   * @throws IllegalArgumentException if workMinutes is negative or not finite
   */
  public LocalDateTime minusWorkMinutes(LocalDateTime t, double workMinutes) {
    checkWork(workMinutes);
    if (workMinutes == 0) {
      return t;
    }
    long d0 = t.toLocalDate().toEpochDay();
    double pos = t.toLocalTime().toNanoOfDay() / NANOS_PER_MINUTE;
    double rem = workMinutes;
    long day = d0;
    Table tb = cover(day - MAX_GAP_DAYS - 2, day + 1);
    while (true) {
      int i = (int) (day - tb.lo);
      if (i < 0) {
        int head = MAX_GAP_DAYS + 1;
        if (head <= d0 - tb.lo && tb.cp[head] == tb.cp[0]) {
          throw noWork(LocalDate.ofEpochDay(tb.lo));
        }
        tb = cover(day - MAX_GAP_DAYS - 2, day + 1);
        continue;
      }
      int tp = tb.tpl[i];
      double rel = (double) (day - d0) * DAY;
      if (pos >= rel + lastEnd[tp]) {
        // Nothing of this day is used yet: skip whole days while their capacity stays short.
        double top = tb.cp[i + 1];
        double limit = rem - EPS;
        if (limit > 0) {
          int lo = 0;
          int hi = i + 1;
          while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (top - tb.cp[mid] < limit) {
              hi = mid;
            } else {
              lo = mid + 1;
            }
          }
          if (lo <= i) {
            rem -= top - tb.cp[lo];
            day -= i + 1 - lo;
            pos = Double.POSITIVE_INFINITY;
            continue;
          }
        }
      }
      int[] s = starts[tp];
      int[] e = ends[tp];
      double pct = tb.eff[i];
      for (int k = s.length - 1; k >= 0; k--) {
        double a = rel + s[k];
        if (a >= pos) {
          continue;
        }
        double b = Math.min(rel + e[k], pos);
        double cap = (b - a) * pct / 100.0;
        if (cap >= rem - EPS) {
          return at(d0, Math.max(a, b - rem * 100.0 / pct));
        }
        rem -= cap;
        pos = a;
      }
      day--;
    }
  }

  // ---------------------------------------------------------------- internals

  private static void checkWork(double workMinutes) {
    if (!(workMinutes >= 0) || Double.isInfinite(workMinutes)) {
      throw new IllegalArgumentException("workMinutes must be finite and >= 0, was " + workMinutes);
    }
  }

  private static LocalDateTime at(long epochDay, double minutes) {
    return LocalDate.ofEpochDay(epochDay).atStartOfDay().plusSeconds(Math.round(minutes * 60.0));
  }

  private static IllegalStateException noWork(LocalDate near) {
    return new IllegalStateException("no working day within " + MAX_GAP_DAYS + " days of " + near);
  }

  private static boolean wholeMinute(LocalTime t) {
    return t.getSecond() == 0 && t.getNano() == 0;
  }

  /** Template (0 = nothing runs, 1..7 = weekday) of an epoch day, honouring exceptions. */
  private static int template(long epochDay, long[] exDays, byte[] exTemplates) {
    int k = Arrays.binarySearch(exDays, epochDay);
    if (k >= 0) {
      return exTemplates[k];
    }
    return (int) Math.floorMod(epochDay + 3, 7L) + 1;
  }

  /** Describes the first shift of {@code day} running into a shift of the next day, or null. */
  private static String crossingClash(List<Interval> day, List<Interval> next) {
    for (Interval a : day) {
      if (a.end() <= DAY) {
        continue;
      }
      for (Interval b : next) {
        if (a.end() - DAY > b.start()) {
          return "shift " + a.shift() + " overlaps shift " + b.shift() + " of the next day";
        }
      }
    }
    return null;
  }

  /** The table covering [lo, hi), extending (and replacing) the current one when needed. */
  private Table cover(long lo, long hi) {
    Table t = table;
    if (lo >= t.lo && hi <= t.lo + t.len) {
      return t;
    }
    return extend(lo, hi);
  }

  private synchronized Table extend(long lo, long hi) {
    Table t = table;
    if (lo >= t.lo && hi <= t.hi()) {
      return t;
    }
    long nlo;
    long nhi;
    if (t.len == 0) {
      nlo = lo - MIN_MARGIN;
      nhi = hi + MIN_MARGIN;
    } else {
      long margin = Math.max(MIN_MARGIN, t.len / 2);
      nlo = lo < t.lo ? lo - margin : t.lo;
      nhi = hi > t.hi() ? hi + margin : t.hi();
    }
    if (nhi - nlo > MAX_SPAN) {
      if (hi - lo > MAX_SPAN) {
        throw new IllegalArgumentException(
            "calendar query from "
                + LocalDate.ofEpochDay(Math.max(lo, LocalDate.MIN.toEpochDay()))
                + " spans more than "
                + MAX_SPAN
                + " days");
      }
      long slack = Math.min(MIN_MARGIN, (MAX_SPAN - (hi - lo)) / 2);
      nlo = lo - slack;
      nhi = hi + slack;
    }
    Table built = build(nlo, (int) (nhi - nlo));
    table = built;
    return built;
  }

  private Table build(long lo, int len) {
    byte[] tpl = new byte[len];
    int k = Arrays.binarySearch(exceptionDays, lo);
    if (k < 0) {
      k = -k - 1;
    }
    int dow = (int) Math.floorMod(lo + 3, 7L); // 0 = Monday
    for (int i = 0; i < len; i++) {
      long ed = lo + i;
      if (k < exceptionDays.length && exceptionDays[k] == ed) {
        tpl[i] = exceptionTemplates[k++];
      } else {
        tpl[i] = (byte) (dow + 1);
      }
      dow = dow == 6 ? 0 : dow + 1;
    }
    double[] eff = new double[len];
    Arrays.fill(eff, 100.0);
    long hiIncl = lo + len - 1;
    for (int p = 0; p < effFrom.length; p++) {
      long a = Math.max(effFrom[p], lo);
      long b = Math.min(effTo[p], hiIncl);
      if (a <= b) {
        Arrays.fill(eff, (int) (a - lo), (int) (b - lo) + 1, effPercent[p]);
      }
    }
    int[] wp = new int[len + 1];
    double[] cp = new double[len + 1];
    for (int i = 0; i < len; i++) {
      int m = templateMinutes[tpl[i]];
      wp[i + 1] = wp[i] + (m > 0 ? 1 : 0);
      cp[i + 1] = cp[i] + m * eff[i] / 100.0;
    }
    return new Table(lo, tpl, eff, wp, cp);
  }

  /** A working interval of a shift, in minutes from the midnight its day starts at. */
  private record Interval(int start, int end, String shift) {}

  /** Precomputed per-day values over [lo, lo + len). */
  private static final class Table {
    static final Table EMPTY = new Table(0, new byte[0], new double[0], new int[1], new double[1]);

    final long lo;
    final int len;
    final byte[] tpl;
    final double[] eff;
    final int[] wp; // wp[i] = working days in [lo, lo + i)
    final double[] cp; // cp[i] = capacity minutes in [lo, lo + i)

    Table(long lo, byte[] tpl, double[] eff, int[] wp, double[] cp) {
      this.lo = lo;
      this.len = tpl.length;
      this.tpl = tpl;
      this.eff = eff;
      this.wp = wp;
      this.cp = cp;
    }

    long hi() {
      return lo + len;
    }
  }
}
