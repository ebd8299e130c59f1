package io.tianshu.resource;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked known answers. Calendar facts used throughout: 2026-01-01 is a Thursday, 2026-03-06 a
 * Friday, 2026-09-01 a Tuesday, 2026-10-01 a Thursday, 2026-11-02 a Monday.
 */
class WorkCalendarTest {

  static final Set<DayOfWeek> MON_FRI = EnumSet.range(MONDAY, FRIDAY);

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static LocalDateTime t(String iso) {
    return LocalDateTime.parse(iso);
  }

  static Shift shift(String code, String start, String end, int breakMinutes, Set<DayOfWeek> days) {
    return new Shift(code, LocalTime.parse(start), LocalTime.parse(end), breakMinutes, days);
  }

  static EfficiencyPeriod eff(String from, String to, String percent) {
    return new EfficiencyPeriod(d(from), to == null ? null : d(to), new BigDecimal(percent));
  }

  /** A 08:00–16:00 (450 net) and B 16:00–00:00 (450 net), Mon–Fri: 900 minutes a weekday. */
  static final List<Shift> TWO_SHIFTS =
      List.of(
          shift("A", "08:00", "16:00", 30, MON_FRI), // works [08:00, 15:30)
          shift("B", "16:00", "00:00", 30, MON_FRI)); // works [16:00, 23:30)

  /** National Day 2026: 10-01 … 10-07 off, Saturday 10-10 a make-up working day. */
  static List<CalendarDay> nationalDay2026() {
    List<CalendarDay> days = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      days.add(new CalendarDay(LocalDate.of(2026, 10, i), DayKind.HOLIDAY, null, "国庆节"));
    }
    days.add(new CalendarDay(d("2026-10-10"), DayKind.WORKDAY, null, "调休"));
    return days;
  }

  static WorkCalendar twoShift() {
    return WorkCalendar.of(new CalendarDefinition(TWO_SHIFTS, nationalDay2026(), null));
  }

  /** N 22:00–06:00 with 30 min break, Mon–Fri: works [22:00, 05:30) = 450 minutes. */
  static WorkCalendar night(List<CalendarDay> days, List<EfficiencyPeriod> effs) {
    return WorkCalendar.of(
        new CalendarDefinition(List.of(shift("N", "22:00", "06:00", 30, MON_FRI)), days, effs));
  }

  // ------------------------------------------------------------------ two shifts, National Day

  @Test
  void nominalMinutesAroundNationalDay() {
    WorkCalendar c = twoShift();
    assertThat(c.nominalMinutes(d("2026-09-30"))).isEqualTo(900); // Wed: 450 + 450
    assertThat(c.nominalMinutes(d("2026-09-26"))).isZero(); // Saturday
    assertThat(c.nominalMinutes(d("2026-09-27"))).isZero(); // Sunday
    assertThat(c.nominalMinutes(d("2026-10-01"))).isZero(); // Thursday, holiday
    assertThat(c.nominalMinutes(d("2026-10-05"))).isZero(); // Monday, holiday
    assertThat(c.nominalMinutes(d("2026-10-10"))).isEqualTo(900); // make-up Sat, like Monday
    assertThat(c.nominalMinutes(d("2026-10-11"))).isZero(); // Sunday
    assertThat(c.isWorkingDay(d("2026-10-10"))).isTrue();
    assertThat(c.isWorkingDay(d("2026-10-07"))).isFalse();
    assertThat(c.isWorkingDay(d("2026-10-08"))).isTrue();
    assertThat(c.efficiencyPercent(d("2026-10-08"))).isEqualTo(100.0);
    assertThat(c.capacityMinutes(d("2026-10-08"))).isEqualTo(900.0);
  }

  @Test
  void workingDaysInSeptemberAndOctober2026() {
    WorkCalendar c = twoShift();
    // September: Tue 1 … Wed 30. Weeks Tue–Mon 1–7, 8–14, 15–21, 22–28 have 5 weekdays each = 20,
    // plus Tue 29 and Wed 30 = 22. No holidays.
    assertThat(c.workingDaysBetween(d("2026-09-01"), d("2026-10-01"))).isEqualTo(22);
    // October: Thu 1, Fri 2, then full weeks Mon 5–Fri 9, 12–16, 19–23, 26–30 = 2 + 20 = 22
    // weekdays; minus the weekday holidays 1, 2, 5, 6, 7 (5) plus make-up Sat 10 (1) = 18.
    assertThat(c.workingDaysBetween(d("2026-10-01"), d("2026-11-01"))).isEqualTo(18);
    assertThat(c.workingDaysBetween(d("2026-09-01"), d("2026-11-01"))).isEqualTo(40); // 22 + 18
    assertThat(c.workingDaysBetween(d("2026-11-01"), d("2026-09-01"))).isEqualTo(-40);
    assertThat(c.workingDaysBetween(d("2026-10-01"), d("2026-10-01"))).isZero();
    // Holiday week Thu 1 … Wed 7 has no working day; Thu 8 … Sun 11: 8, 9, 10 = 3.
    assertThat(c.workingDaysBetween(d("2026-10-01"), d("2026-10-08"))).isZero();
    assertThat(c.workingDaysBetween(d("2026-10-08"), d("2026-10-12"))).isEqualTo(3);
    // capacity: 40 days × 900 = 36 000
    assertThat(c.capacityMinutesBetween(d("2026-09-01"), d("2026-11-01"))).isEqualTo(36_000.0);
    assertThat(c.capacityMinutesBetween(d("2026-11-01"), d("2026-09-01"))).isEqualTo(-36_000.0);
  }

  @Test
  void plusWorkingDaysAcrossTheHoliday() {
    WorkCalendar c = twoShift();
    // after Wed 09-30: 10-01 … 10-07 off (03/04 weekend) → Thu 10-08 is the 1st
    assertThat(c.plusWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
    // 10-08 (1), Fri 10-09 (2), make-up Sat 10-10 (3)
    assertThat(c.plusWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
    // … Sun 10-11 off, Mon 10-12 (4)
    assertThat(c.plusWorkingDays(d("2026-09-30"), 4)).isEqualTo(d("2026-10-12"));
    // from the holiday itself: 10-08 is the 1st working day after 10-03
    assertThat(c.plusWorkingDays(d("2026-10-03"), 1)).isEqualTo(d("2026-10-08"));
    // from Mon 09-28: 29 (1), 30 (2), 10-08 (3)
    assertThat(c.plusWorkingDays(d("2026-09-28"), 3)).isEqualTo(d("2026-10-08"));
    // backwards from Mon 10-12: Sun 11 off, Sat 10 (1), Fri 9 (2), Thu 8 (3), then 7 … 1 off,
    // Wed 09-30 (4)
    assertThat(c.plusWorkingDays(d("2026-10-12"), -3)).isEqualTo(d("2026-10-08"));
    assertThat(c.plusWorkingDays(d("2026-10-12"), -4)).isEqualTo(d("2026-09-30"));
    assertThat(c.plusWorkingDays(d("2026-10-08"), -1)).isEqualTo(d("2026-09-30"));
    // n = 0 is onOrAfter
    assertThat(c.plusWorkingDays(d("2026-10-03"), 0)).isEqualTo(d("2026-10-08"));
    assertThat(c.plusWorkingDays(d("2026-10-09"), 0)).isEqualTo(d("2026-10-09"));
    // 22 working days after Mon 08-31 is the last of September: Wed 09-30
    assertThat(c.plusWorkingDays(d("2026-08-31"), 22)).isEqualTo(d("2026-09-30"));
  }

  @Test
  void nearestWorkingDay() {
    WorkCalendar c = twoShift();
    assertThat(c.onOrAfter(d("2026-10-01"))).isEqualTo(d("2026-10-08"));
    assertThat(c.onOrAfter(d("2026-10-10"))).isEqualTo(d("2026-10-10")); // make-up Saturday
    assertThat(c.onOrAfter(d("2026-10-11"))).isEqualTo(d("2026-10-12")); // Sun → Mon
    assertThat(c.onOrBefore(d("2026-10-05"))).isEqualTo(d("2026-09-30"));
    assertThat(c.onOrBefore(d("2026-10-11"))).isEqualTo(d("2026-10-10"));
    assertThat(c.onOrBefore(d("2026-09-27"))).isEqualTo(d("2026-09-25")); // Sun → Fri
    assertThat(c.onOrBefore(d("2026-09-30"))).isEqualTo(d("2026-09-30"));
  }

  @Test
  void workMinutesOnTwoShifts() {
    WorkCalendar c = twoShift();
    // 08:00 + 400 min inside A [08:00, 15:30) → 14:40
    assertThat(c.plusWorkMinutes(t("2026-09-07T08:00"), 400)).isEqualTo(t("2026-09-07T14:40"));
    // 450 exactly fills A → ends at its end 15:30 (not at B's start)
    assertThat(c.plusWorkMinutes(t("2026-09-07T08:00"), 450)).isEqualTo(t("2026-09-07T15:30"));
    // 451: 450 in A, 1 in B from 16:00 → 16:01
    assertThat(c.plusWorkMinutes(t("2026-09-07T08:00"), 451)).isEqualTo(t("2026-09-07T16:01"));
    // starting in the break 15:40 → moves to 16:00; 10 min → 16:10
    assertThat(c.plusWorkMinutes(t("2026-09-07T15:40"), 10)).isEqualTo(t("2026-09-07T16:10"));
    // fractional: 0.5 min = 30 s
    assertThat(c.plusWorkMinutes(t("2026-09-07T08:00"), 0.5)).isEqualTo(t("2026-09-07T08:00:30"));
    // zero returns t unchanged, even outside the shifts
    assertThat(c.plusWorkMinutes(t("2026-09-05T03:17"), 0)).isEqualTo(t("2026-09-05T03:17"));
    assertThat(c.minusWorkMinutes(t("2026-09-05T03:17"), 0)).isEqualTo(t("2026-09-05T03:17"));
    // 10 000 minutes from Mon 09-07 08:00: 10 000 = 11 × 900 + 100. The 11 full days are
    // 7–11, 14–18, 21 September; then 100 min on Tue 09-22 from 08:00 → 09:40.
    assertThat(c.plusWorkMinutes(t("2026-09-07T08:00"), 10_000)).isEqualTo(t("2026-09-22T09:40"));
    assertThat(c.minusWorkMinutes(t("2026-09-22T09:40"), 10_000)).isEqualTo(t("2026-09-07T08:00"));
    // across the holiday: 1 800 = Wed 09-30 (900) + Thu 10-08 (900) → ends 10-08 23:30
    assertThat(c.plusWorkMinutes(t("2026-09-30T08:00"), 1_800)).isEqualTo(t("2026-10-08T23:30"));
    // one more minute: Fri 10-09 08:01
    assertThat(c.plusWorkMinutes(t("2026-09-30T08:00"), 1_801)).isEqualTo(t("2026-10-09T08:01"));
    // backwards from 10-08 08:00, 1 min: 09-30 B ends 23:30 → 23:29
    assertThat(c.minusWorkMinutes(t("2026-10-08T08:00"), 1)).isEqualTo(t("2026-09-30T23:29"));
    // latest start for 450 finishing by 16:00 on Monday 09-07: A [08:00, 15:30) → 08:00
    assertThat(c.minusWorkMinutes(t("2026-09-07T16:00"), 450)).isEqualTo(t("2026-09-07T08:00"));
    // make-up Saturday 10-10 works: Fri 10-09 23:00 + 60 → 23:30 (30) then Sat 08:00 + 30
    assertThat(c.plusWorkMinutes(t("2026-10-09T23:00"), 60)).isEqualTo(t("2026-10-10T08:30"));
  }

  // ------------------------------------------------------------------ night shift

  @Test
  void nightShiftMinutesBelongToTheStartDay() {
    WorkCalendar c = night(null, null);
    assertThat(c.nominalMinutes(d("2026-03-06"))).isEqualTo(450); // Fri: 22:00–05:30 = 450
    assertThat(c.nominalMinutes(d("2026-03-07"))).isZero(); // Sat works 00:00–05:30, for Fri
    assertThat(c.nominalMinutes(d("2026-03-08"))).isZero(); // Sun
    assertThat(c.nominalMinutes(d("2026-03-09"))).isEqualTo(450); // Mon
    assertThat(c.workingDaysBetween(d("2026-03-02"), d("2026-03-09"))).isEqualTo(5);
  }

  @Test
  void nightShiftFromFridayNightEndsMondayNight() {
    WorkCalendar c = night(null, null);
    // Fri 03-06 23:00 → Sat 05:30 = 390 min; 600 − 390 = 210 left; nothing Sat/Sun nights;
    // Mon 03-09 22:00 + 210 min = Tue 03-10 01:30 (still the Monday night shift)
    assertThat(c.plusWorkMinutes(t("2026-03-06T23:00"), 600)).isEqualTo(t("2026-03-10T01:30"));
    assertThat(c.minusWorkMinutes(t("2026-03-10T01:30"), 600)).isEqualTo(t("2026-03-06T23:00"));
    // Sat 03:00 is inside Friday's shift: + 60 → 04:00
    assertThat(c.plusWorkMinutes(t("2026-03-07T03:00"), 60)).isEqualTo(t("2026-03-07T04:00"));
    // Sat 05:30 is its end: + 1 → Mon 22:01
    assertThat(c.plusWorkMinutes(t("2026-03-07T05:30"), 1)).isEqualTo(t("2026-03-09T22:01"));
    // Mon 23:00 − 120: 60 back to Mon 22:00, then Sat 05:30 − 60 = Sat 04:30
    assertThat(c.minusWorkMinutes(t("2026-03-09T23:00"), 120)).isEqualTo(t("2026-03-07T04:30"));
    // Fri 22:00 + 450 fills the night exactly → Sat 05:30
    assertThat(c.plusWorkMinutes(t("2026-03-06T22:00"), 450)).isEqualTo(t("2026-03-07T05:30"));
  }

  @Test
  void holidayStopsOnlyTheShiftStartingThatDay() {
    // Monday 03-09 off: Friday night still runs into Saturday; Monday night does not run
    WorkCalendar c =
        night(List.of(new CalendarDay(d("2026-03-09"), DayKind.HOLIDAY, null, "off")), null);
    // Fri 23:00: 390 on Fri night, Mon off, Tue 03-10 22:00 + 210 → Wed 03-11 01:30
    assertThat(c.plusWorkMinutes(t("2026-03-06T23:00"), 600)).isEqualTo(t("2026-03-11T01:30"));
    // A holiday on Tue 03-10: Monday's night still runs into Tuesday morning until 05:30
    WorkCalendar c2 =
        night(List.of(new CalendarDay(d("2026-03-10"), DayKind.HOLIDAY, null, "off")), null);
    assertThat(c2.nominalMinutes(d("2026-03-09"))).isEqualTo(450);
    assertThat(c2.nominalMinutes(d("2026-03-10"))).isZero();
    // Tue 03:00 + 150: until 05:30 (150) → 05:30
    assertThat(c2.plusWorkMinutes(t("2026-03-10T03:00"), 150)).isEqualTo(t("2026-03-10T05:30"));
    // + 151 → Wed 03-11 22:01
    assertThat(c2.plusWorkMinutes(t("2026-03-10T03:00"), 151)).isEqualTo(t("2026-03-11T22:01"));
  }

  @Test
  void twentyFourHourShift() {
    // 06:00–06:00 is 24 h; 60 min break → works [06:00, 05:00 next day) = 1380
    WorkCalendar c =
        WorkCalendar.of(
            new CalendarDefinition(
                List.of(shift("D", "06:00", "06:00", 60, EnumSet.of(MONDAY))), null, null));
    assertThat(c.nominalMinutes(d("2026-03-09"))).isEqualTo(1380);
    assertThat(c.nominalMinutes(d("2026-03-10"))).isZero();
    // Mon 06:00 + 1380 → Tue 05:00; + 1381 → next Mon 06:01
    assertThat(c.plusWorkMinutes(t("2026-03-09T06:00"), 1380)).isEqualTo(t("2026-03-10T05:00"));
    assertThat(c.plusWorkMinutes(t("2026-03-09T06:00"), 1381)).isEqualTo(t("2026-03-16T06:01"));
  }

  // ------------------------------------------------------------------ efficiency

  @Test
  void efficiency80Percent() {
    WorkCalendar c =
        WorkCalendar.of(
            new CalendarDefinition(
                TWO_SHIFTS, nationalDay2026(), List.of(eff("2026-11-02", "2026-11-06", "80"))));
    assertThat(c.efficiencyPercent(d("2026-11-04"))).isEqualTo(80.0);
    assertThat(c.efficiencyPercent(d("2026-11-07"))).isEqualTo(100.0); // after the period
    assertThat(c.efficiencyPercent(d("2026-11-01"))).isEqualTo(100.0);
    assertThat(c.nominalMinutes(d("2026-11-04"))).isEqualTo(900);
    assertThat(c.capacityMinutes(d("2026-11-04"))).isEqualTo(720.0); // 900 × 0.8
    assertThat(c.capacityMinutes(d("2026-11-09"))).isEqualTo(900.0); // 100 %
    assertThat(c.capacityMinutes(d("2026-11-07"))).isZero(); // Saturday, 80 % of 0
    // Mon 2 … Fri 6 at 720 = 3 600
    assertThat(c.capacityMinutesBetween(d("2026-11-01"), d("2026-11-08"))).isEqualTo(3_600.0);
    // + Mon 9 … Fri 13 at 900 = 3 600 + 4 500 = 8 100
    assertThat(c.capacityMinutesBetween(d("2026-11-01"), d("2026-11-15"))).isEqualTo(8_100.0);
    // 360 work at 80 % takes 360 / 0.8 = 450 elapsed: 08:00 → 15:30
    assertThat(c.plusWorkMinutes(t("2026-11-02T08:00"), 360)).isEqualTo(t("2026-11-02T15:30"));
    // 400 work: A gives 450 × 0.8 = 360; 40 left = 50 elapsed in B → 16:50
    assertThat(c.plusWorkMinutes(t("2026-11-02T08:00"), 400)).isEqualTo(t("2026-11-02T16:50"));
    assertThat(c.minusWorkMinutes(t("2026-11-02T16:50"), 400)).isEqualTo(t("2026-11-02T08:00"));
    // the same 400 at 100 % on Mon 11-09: 08:00 + 400 = 14:40
    assertThat(c.plusWorkMinutes(t("2026-11-09T08:00"), 400)).isEqualTo(t("2026-11-09T14:40"));
    // 1 work minute = 1.25 elapsed = 75 s
    assertThat(c.plusWorkMinutes(t("2026-11-02T08:00"), 1)).isEqualTo(t("2026-11-02T08:01:15"));
    // Fri 11-06 16:00, 600 work: B 450 elapsed × 0.8 = 360; 240 left on Mon 11-09 at 100 %
    // → 08:00 + 240 = 12:00
    assertThat(c.plusWorkMinutes(t("2026-11-06T16:00"), 600)).isEqualTo(t("2026-11-09T12:00"));
    assertThat(c.minusWorkMinutes(t("2026-11-09T12:00"), 600)).isEqualTo(t("2026-11-06T16:00"));
  }

  @Test
  void nightShiftUsesTheEfficiencyOfTheDayItStarted() {
    // Monday 03-09 at 50 %, Tuesday back to 100 %
    WorkCalendar c = night(null, List.of(eff("2026-03-09", "2026-03-09", "50")));
    assertThat(c.capacityMinutes(d("2026-03-09"))).isEqualTo(225.0); // 450 × 0.5
    // 225 work at 50 % = 450 elapsed: Mon 22:00 → Tue 05:30, past midnight still at 50 %
    assertThat(c.plusWorkMinutes(t("2026-03-09T22:00"), 225)).isEqualTo(t("2026-03-10T05:30"));
    // from Tue 02:00 (Monday's shift, 50 %): 30 work = 60 elapsed → 03:00
    assertThat(c.plusWorkMinutes(t("2026-03-10T02:00"), 30)).isEqualTo(t("2026-03-10T03:00"));
    // 226: the last 1 on Tuesday's night at 100 % → Tue 22:01
    assertThat(c.plusWorkMinutes(t("2026-03-09T22:00"), 226)).isEqualTo(t("2026-03-10T22:01"));
    assertThat(c.minusWorkMinutes(t("2026-03-10T22:01"), 226)).isEqualTo(t("2026-03-09T22:00"));
  }

  @Test
  void overlappingEfficiencyPeriodsLastListedWins() {
    WorkCalendar c =
        WorkCalendar.of(
            new CalendarDefinition(
                TWO_SHIFTS,
                null,
                List.of(
                    eff("2026-01-01", null, "120"), // open-ended
                    eff("2026-03-01", "2026-03-31", "80"),
                    eff("2026-03-10", "2026-03-12", "200"))));
    assertThat(c.efficiencyPercent(d("2025-12-31"))).isEqualTo(100.0);
    assertThat(c.efficiencyPercent(d("2026-02-02"))).isEqualTo(120.0);
    assertThat(c.efficiencyPercent(d("2026-03-09"))).isEqualTo(80.0);
    assertThat(c.efficiencyPercent(d("2026-03-11"))).isEqualTo(200.0);
    assertThat(c.capacityMinutes(d("2026-03-11"))).isEqualTo(1_800.0); // 900 × 2
    assertThat(c.efficiencyPercent(d("2026-03-13"))).isEqualTo(80.0);
    assertThat(c.efficiencyPercent(d("2026-04-01"))).isEqualTo(120.0);
    assertThat(c.efficiencyPercent(d("2045-06-01"))).isEqualTo(120.0); // open end, far away
  }

  // ------------------------------------------------------------------ validation

  static CalendarDefinition shifts(Shift... s) {
    return new CalendarDefinition(List.of(s), null, null);
  }

  @Test
  void rejectsTwoCalendarDaysOnOneDate() {
    List<CalendarDay> days =
        List.of(
            new CalendarDay(d("2026-10-01"), DayKind.HOLIDAY, null, "a"),
            new CalendarDay(d("2026-10-02"), DayKind.HOLIDAY, null, "b"),
            new CalendarDay(d("2026-10-01"), DayKind.WORKDAY, null, "c"));
    assertThatThrownBy(() -> WorkCalendar.of(new CalendarDefinition(TWO_SHIFTS, days, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two calendar days on 2026-10-01");
  }

  @Test
  void rejectsOverlappingShiftsOnAWeekday() {
    // A works [08:00, 15:30); X from 15:00 on Wednesday only
    assertThatThrownBy(
            () ->
                WorkCalendar.of(
                    shifts(
                        shift("A", "08:00", "16:00", 30, MON_FRI),
                        shift("X", "15:00", "18:00", 0, EnumSet.of(WEDNESDAY)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A and X overlap on WEDNESDAY");
    // touching is fine: X from 15:30
    WorkCalendar ok =
        WorkCalendar.of(
            shifts(
                shift("A", "08:00", "16:00", 30, MON_FRI),
                shift("X", "15:30", "18:00", 0, EnumSet.of(WEDNESDAY))));
    assertThat(ok.nominalMinutes(d("2026-03-11"))).isEqualTo(600); // Wed: 450 + 150
  }

  @Test
  void rejectsNightShiftRunningIntoNextDaysEarlyShift() {
    // N Mon 22:00–06:00 without break works until Tue 06:00; E starts Tue 05:00
    assertThatThrownBy(
            () ->
                WorkCalendar.of(
                    shifts(
                        shift("N", "22:00", "06:00", 0, EnumSet.of(MONDAY)),
                        shift("E", "05:00", "13:00", 0, EnumSet.of(TUESDAY)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("N overlaps shift E")
        .hasMessageContaining("MONDAY into TUESDAY");
    // Sunday night into Monday wraps around the week
    assertThatThrownBy(
            () ->
                WorkCalendar.of(
                    shifts(
                        shift("N", "23:00", "02:00", 0, EnumSet.of(SUNDAY)),
                        shift("E", "01:00", "09:00", 0, EnumSet.of(MONDAY)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SUNDAY into MONDAY");
    // with a 60 min break N works only until 05:00: no overlap with E at 05:00
    WorkCalendar ok =
        WorkCalendar.of(
            shifts(
                shift("N", "22:00", "06:00", 60, EnumSet.of(MONDAY)),
                shift("E", "05:00", "13:00", 0, EnumSet.of(TUESDAY))));
    assertThat(ok.nominalMinutes(d("2026-03-09"))).isEqualTo(420); // 480 − 60
    assertThat(ok.nominalMinutes(d("2026-03-10"))).isEqualTo(480);
  }

  @Test
  void rejectsMakeUpDayOverlappingTheNightBefore() {
    // Friday's night shift ends Sat 06:00; a Saturday working like Monday starts 04:00
    List<Shift> s =
        List.of(
            shift("N", "22:00", "06:00", 0, EnumSet.of(FRIDAY)),
            shift("E", "04:00", "12:00", 0, EnumSet.of(MONDAY)));
    assertThat(WorkCalendar.of(new CalendarDefinition(s, null, null))).isNotNull();
    List<CalendarDay> days = List.of(new CalendarDay(d("2026-10-10"), DayKind.WORKDAY, null, ""));
    assertThatThrownBy(() -> WorkCalendar.of(new CalendarDefinition(s, days, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("make-up day 2026-10-10");
  }

  @Test
  void rejectsBadBreaks() {
    assertThatThrownBy(() -> WorkCalendar.of(shifts(shift("A", "08:00", "16:00", -1, MON_FRI))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shift A: breakMinutes -1");
    // span 60, break 60
    assertThatThrownBy(() -> WorkCalendar.of(shifts(shift("A", "08:00", "09:00", 60, MON_FRI))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("breakMinutes 60");
    // crossing midnight: 22:00–02:00 spans 240
    assertThatThrownBy(() -> WorkCalendar.of(shifts(shift("N", "22:00", "02:00", 240, MON_FRI))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("span of 240 minutes");
    // 24 h shift: span 1440
    assertThatThrownBy(() -> WorkCalendar.of(shifts(shift("D", "06:00", "06:00", 1440, MON_FRI))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("span of 1440 minutes");
    assertThat(WorkCalendar.of(shifts(shift("N", "22:00", "02:00", 239, MON_FRI)))).isNotNull();
    assertThatThrownBy(() -> WorkCalendar.of(shifts(shift("S", "08:00:30", "16:00", 0, MON_FRI))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole minutes");
  }

  @Test
  void rejectsBadEfficiency() {
    for (String pct : List.of("0", "-5", "200.01", "250")) {
      assertThatThrownBy(
              () ->
                  WorkCalendar.of(
                      new CalendarDefinition(
                          TWO_SHIFTS, null, List.of(eff("2026-01-01", null, pct)))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("percent " + pct);
    }
    assertThat(
            WorkCalendar.of(
                    new CalendarDefinition(
                        TWO_SHIFTS, null, List.of(eff("2026-01-01", null, "200"))))
                .capacityMinutes(d("2026-01-02")))
        .isEqualTo(1_800.0); // Fri 900 × 2
    assertThatThrownBy(
            () ->
                WorkCalendar.of(
                    new CalendarDefinition(
                        TWO_SHIFTS, null, List.of(eff("2026-03-10", "2026-03-09", "90")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends before it starts");
    // one-day period is fine
    assertThat(
            WorkCalendar.of(
                    new CalendarDefinition(
                        TWO_SHIFTS, null, List.of(eff("2026-03-10", "2026-03-10", "90"))))
                .efficiencyPercent(d("2026-03-10")))
        .isEqualTo(90.0);
  }

  @Test
  void rejectsMissingFields() {
    assertThatThrownBy(
            () -> WorkCalendar.of(shifts(new Shift("A", null, LocalTime.NOON, 0, MON_FRI))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shift #1: start and end are required");
    assertThatThrownBy(
            () ->
                WorkCalendar.of(
                    new CalendarDefinition(
                        TWO_SHIFTS,
                        List.of(new CalendarDay(null, DayKind.HOLIDAY, null, "x")),
                        null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calendar day #1: date and kind are required");
    assertThatThrownBy(
            () ->
                WorkCalendar.of(
                    new CalendarDefinition(
                        TWO_SHIFTS,
                        null,
                        List.of(new EfficiencyPeriod(d("2026-01-01"), null, null)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("efficiency period #1: from and percent are required");
    assertThatThrownBy(
            () ->
                WorkCalendar.of(
                    new CalendarDefinition(
                        java.util.Arrays.asList(TWO_SHIFTS.get(0), null), null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shift #2");
  }

  @Test
  void rejectsNegativeOrNonFiniteWork() {
    WorkCalendar c = twoShift();
    for (double w : new double[] {-1, -0.001, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> c.plusWorkMinutes(t("2026-09-07T08:00"), w))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> c.minusWorkMinutes(t("2026-09-07T08:00"), w))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void calendarThatNeverWorks() {
    WorkCalendar c = WorkCalendar.of(new CalendarDefinition(null, null, null));
    assertThat(c.nominalMinutes(d("2026-03-09"))).isZero();
    assertThat(c.isWorkingDay(d("2026-03-09"))).isFalse();
    assertThat(c.workingDaysBetween(d("2026-01-01"), d("2027-01-01"))).isZero();
    assertThat(c.capacityMinutesBetween(d("2026-01-01"), d("2027-01-01"))).isZero();
    assertThatThrownBy(() -> c.onOrAfter(d("2026-03-09")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("3700");
    assertThatThrownBy(() -> c.onOrBefore(d("2026-03-09")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.plusWorkingDays(d("2026-03-09"), 5))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.plusWorkingDays(d("2026-03-09"), -5))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.plusWorkingDays(d("2026-03-09"), 0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.plusWorkMinutes(t("2026-03-09T08:00"), 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.minusWorkMinutes(t("2026-03-09T08:00"), 1))
        .isInstanceOf(IllegalStateException.class);
    // zero work is still fine
    assertThat(c.plusWorkMinutes(t("2026-03-09T08:00"), 0)).isEqualTo(t("2026-03-09T08:00"));
    // shifts on no weekday at all are the same
    WorkCalendar none = WorkCalendar.of(shifts(shift("A", "08:00", "16:00", 0, Set.of())));
    assertThatThrownBy(() -> none.onOrAfter(d("2026-03-09")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void searchGivesUpAfter3700DaysWithoutWork() {
    // Mondays only (2026-01-05 is a Monday), with the next k Mondays declared holidays
    List<Shift> monday = List.of(shift("M", "08:00", "16:00", 0, EnumSet.of(MONDAY)));
    // 520 Mondays off = 3 640 days: the next working Monday is 2026-01-05 + 3 640 days, within
    WorkCalendar near = WorkCalendar.of(new CalendarDefinition(monday, mondaysOff(520), null));
    LocalDate first = d("2026-01-05").plusWeeks(520);
    assertThat(near.onOrAfter(d("2026-01-05"))).isEqualTo(first);
    assertThat(near.plusWorkingDays(d("2026-01-04"), 1)).isEqualTo(first);
    assertThat(near.onOrBefore(first.minusDays(1))).isEqualTo(d("2025-12-29"));
    assertThat(near.plusWorkingDays(first, -1)).isEqualTo(d("2025-12-29"));
    assertThat(near.workingDaysBetween(d("2025-12-29"), first.plusDays(1))).isEqualTo(2);
    // 530 Mondays off = 3 710 days: onOrAfter(2026-01-05) finds nothing within 3 700 days
    WorkCalendar far = WorkCalendar.of(new CalendarDefinition(monday, mondaysOff(530), null));
    assertThatThrownBy(() -> far.onOrAfter(d("2026-01-05")))
        .isInstanceOf(IllegalStateException.class);
    // the day before the next working Monday: the last one was 2025-12-29, 3 709 days back
    assertThatThrownBy(() -> far.onOrBefore(d("2026-01-05").plusWeeks(530).minusDays(1)))
        .isInstanceOf(IllegalStateException.class);
    // … but from a few weeks into the drought the next Monday is within reach again
    assertThat(far.onOrAfter(d("2026-01-05").plusWeeks(20)))
        .isEqualTo(d("2026-01-05").plusWeeks(530));
  }

  static List<CalendarDay> mondaysOff(int k) {
    List<CalendarDay> days = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      days.add(new CalendarDay(d("2026-01-05").plusWeeks(i), DayKind.HOLIDAY, null, "off"));
    }
    return days;
  }

  // ------------------------------------------------------------------ lazy range

  @Test
  void datesFarOutsideTheFirstRange() {
    WorkCalendar c = twoShift();
    assertThat(c.nominalMinutes(d("2026-09-30"))).isEqualTo(900); // builds around 2026
    // 2040-01-01: from 2026-01-01 (Thu) + 14 years with 3 leap days (2028, 2032, 2036)
    // = 14 + 3 = 17 ≡ 3 weekdays later → Sunday. So 2040-01-02 is a Monday.
    assertThat(c.nominalMinutes(d("2040-01-01"))).isZero();
    assertThat(c.nominalMinutes(d("2040-01-02"))).isEqualTo(900);
    // January 2040: Sun 1; Mon 2–Fri 6, 9–13, 16–20, 23–27 = 20; Mon 30, Tue 31 = 22
    assertThat(c.workingDaysBetween(d("2040-01-01"), d("2040-02-01"))).isEqualTo(22);
    // 2005-01-01: 21 years before 2026 with 5 leap days (2008 … 2024) = 26 ≡ 5 weekdays before
    // Thursday → Saturday. January 2005: Mon 3–Fri 7, 10–14, 17–21, 24–28 = 20; Mon 31 = 21
    assertThat(c.nominalMinutes(d("2005-01-01"))).isZero();
    assertThat(c.nominalMinutes(d("2005-01-03"))).isEqualTo(900);
    assertThat(c.workingDaysBetween(d("2005-01-01"), d("2005-02-01"))).isEqualTo(21);
    // 2005-01-01 … 2039-12-31: 35 × 365 + 8 leap days (2008 … 2036) = 12 783 days
    // = 1 826 weeks + 1 day; each week from a Saturday has 5 weekdays, the extra day is
    // Sat 2039-12-31: 9 130 weekdays − 5 holidays + 1 make-up day = 9 126
    assertThat(c.workingDaysBetween(d("2005-01-01"), d("2040-01-01"))).isEqualTo(9_126);
    assertThat(c.capacityMinutesBetween(d("2005-01-01"), d("2040-01-01"))).isEqualTo(9_126 * 900.0);
    // Fri 2040-01-06 + 1 working day → Mon 2040-01-09; Mon 2005-01-03 − 1 → Fri 2004-12-31
    assertThat(c.plusWorkingDays(d("2040-01-06"), 1)).isEqualTo(d("2040-01-09"));
    assertThat(c.plusWorkingDays(d("2005-01-03"), -1)).isEqualTo(d("2004-12-31"));
    assertThat(c.plusWorkMinutes(t("2040-01-06T23:00"), 60)).isEqualTo(t("2040-01-09T08:30"));
    // still right in 2026 after the range moved
    assertThat(c.workingDaysBetween(d("2026-10-01"), d("2026-11-01"))).isEqualTo(18);
  }

  @Test
  void firstQueryFarAway() {
    WorkCalendar c = twoShift();
    assertThat(c.onOrBefore(d("2005-01-02"))).isEqualTo(d("2004-12-31")); // Sun → Fri
    assertThat(c.onOrAfter(d("2040-01-01"))).isEqualTo(d("2040-01-02")); // Sun → Mon
    assertThat(twoShift().plusWorkingDays(d("2040-01-01"), 22)).isEqualTo(d("2040-01-31"));
  }

  @Test
  void tooLongARangeIsRejected() {
    WorkCalendar c = twoShift();
    assertThatThrownBy(() -> c.workingDaysBetween(d("1500-01-01"), d("2500-01-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spans more than");
    assertThat(c.workingDaysBetween(d("2026-10-01"), d("2026-11-01"))).isEqualTo(18);
    // single far dates are fine even after each other
    // 1200-01-01 is a Saturday like 2000-01-01 (the Gregorian cycle is 400 years), so
    // 1200-01-03 is a Monday; 1200 … 2026 is more than MAX_SPAN, the range is rebuilt there
    assertThat(c.nominalMinutes(d("1200-01-03"))).isEqualTo(900);
    assertThat(c.nominalMinutes(d("2026-09-30"))).isEqualTo(900);
  }

  // ------------------------------------------------------------------ speed

  @Test
  void millionsOfCallsAreCheap() {
    WorkCalendar c = twoShift();
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          LocalDate base = d("2026-01-01");
          long sum = 0;
          for (int i = 0; i < 1_000_000; i++) {
            LocalDate x = base.plusDays(i % 700);
            sum += c.plusWorkingDays(x, (i % 41) - 20).toEpochDay();
            sum += c.workingDaysBetween(base, x);
            sum += c.nominalMinutes(x);
          }
          assertThat(sum).isPositive();
          for (int i = 0; i < 100_000; i++) {
            c.plusWorkMinutes(t("2026-03-02T08:00").plusMinutes(i), 5_000 + i % 3000);
          }
        });
  }

  @Test
  void recordsNormalise() {
    CalendarDefinition def = new CalendarDefinition(null, null, null);
    assertThat(def.shifts()).isEmpty();
    assertThat(def.days()).isEmpty();
    assertThat(def.efficiencies()).isEmpty();
    assertThat(new Shift("X", LocalTime.NOON, LocalTime.NOON, 0, null).days()).isEmpty();
    assertThat(new Shift("X", LocalTime.NOON, LocalTime.NOON, 0, null).spanMinutes())
        .isEqualTo(1440);
    Shift b = TWO_SHIFTS.get(1);
    assertThat(b.spanMinutes()).isEqualTo(480);
    assertThat(b.netMinutes()).isEqualTo(450);
    assertThat(b.crossesMidnight()).isTrue();
    assertThat(b.days()).containsExactlyInAnyOrder(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    assertThat(new CalendarDay(d("2026-10-10"), DayKind.WORKDAY, null, "").effectiveWorksLike())
        .isEqualTo(MONDAY);
    assertThat(new CalendarDay(d("2026-10-10"), DayKind.WORKDAY, SATURDAY, "").effectiveWorksLike())
        .isEqualTo(SATURDAY);
    assertThat(new CalendarDay(d("2026-10-01"), DayKind.HOLIDAY, SATURDAY, "").effectiveWorksLike())
        .isNull();
  }

  @Test
  void efficiencyToleranceDoesNotJumpDays() {
    WorkCalendar c =
        WorkCalendar.of(
            new CalendarDefinition(TWO_SHIFTS, null, List.of(eff("2026-01-01", null, "87.3"))));
    // exactly the capacity of Mon 03-02 … Fri 03-06 finishes at Fri 23:30, not next Monday
    double cap = c.capacityMinutesBetween(d("2026-03-02"), d("2026-03-07"));
    assertThat(cap).isCloseTo(5 * 900 * 0.873, within(1e-6));
    assertThat(c.plusWorkMinutes(t("2026-03-02T08:00"), cap)).isEqualTo(t("2026-03-06T23:30"));
    assertThat(c.minusWorkMinutes(t("2026-03-06T23:30"), cap)).isEqualTo(t("2026-03-02T08:00"));
  }
}
