package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.planning.engine.ForecastSpread.Period;
import io.tianshu.planning.engine.ForecastSpread.Share;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Hand-worked examples; 2026-03-02 is a Monday, 2026-04-01 a Wednesday. */
class ForecastSpreadTest {

  static final LocalDate MON = LocalDate.of(2026, 3, 2);
  static final LocalDate FAR = LocalDate.of(2027, 1, 1);
  static final Predicate<LocalDate> MON_FRI = d -> d.getDayOfWeek().getValue() <= 5;

  static ForecastLine line(long id, long material, LocalDate date, double q) {
    return new ForecastLine(id, material, date, q);
  }

  @Test
  void weeklyHundredOverMondayToFridayIsTwentyADay() {
    // dated on the Wednesday: the week is Monday 2 to Sunday 8 March
    List<ForecastLine> lines =
        ForecastSpread.spread(
            7, ForecastSpread.material(11), MON.plusDays(2), Period.WEEK, 100, MON, FAR, MON_FRI);
    assertThat(lines)
        .containsExactly(
            line(7, 11, MON, 20),
            line(7, 11, MON.plusDays(1), 20),
            line(7, 11, MON.plusDays(2), 20),
            line(7, 11, MON.plusDays(3), 20),
            line(7, 11, MON.plusDays(4), 20));
  }

  @Test
  void weekDatedOnSundayIsTheWeekEndingThatDay() {
    List<ForecastLine> lines =
        ForecastSpread.spread(
            1, ForecastSpread.material(11), MON.plusDays(6), Period.WEEK, 50, MON, FAR, MON_FRI);
    assertThat(lines).extracting(ForecastLine::date).first().isEqualTo(MON);
    assertThat(lines).hasSize(5).allMatch(l -> l.quantity() == 10);
  }

  @Test
  void monthWithAHolidaySkipsWeekendsAndTheHoliday() {
    // April 2026: 22 weekdays, Monday 6 April a holiday: 21 working days, 2100 / 21 = 100
    LocalDate holiday = LocalDate.of(2026, 4, 6);
    Predicate<LocalDate> cal = MON_FRI.and(d -> !d.equals(holiday));
    List<ForecastLine> lines =
        ForecastSpread.spread(
            3,
            ForecastSpread.material(5),
            LocalDate.of(2026, 4, 15),
            Period.MONTH,
            2100,
            MON,
            FAR,
            cal);
    assertThat(lines).hasSize(21).allMatch(l -> l.quantity() == 100 && l.id() == 3);
    assertThat(lines.get(0).date()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(lines.get(20).date()).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(lines).extracting(ForecastLine::date).doesNotContain(holiday);
    assertThat(lines)
        .noneMatch(
            l ->
                l.date().getDayOfWeek() == DayOfWeek.SATURDAY
                    || l.date().getDayOfWeek() == DayOfWeek.SUNDAY);
  }

  @Test
  void monthThatDoesNotDivideLetsTheLastDayTakeTheRemainder() {
    // 1000 over 21 days: 47.619047 on 20 days (952.38094), 47.61906 on the last
    LocalDate holiday = LocalDate.of(2026, 4, 6);
    List<ForecastLine> lines =
        ForecastSpread.spread(
            3,
            ForecastSpread.material(5),
            LocalDate.of(2026, 4, 1),
            Period.MONTH,
            1000,
            MON,
            FAR,
            MON_FRI.and(d -> !d.equals(holiday)));
    assertThat(lines.subList(0, 20)).allMatch(l -> l.quantity() == 47.619047);
    assertThat(lines.get(20).quantity()).isEqualTo(47.61906);
  }

  @Test
  void groupOfThreeSkusFiftyThirtyTwenty() {
    List<Share> split = List.of(new Share(21, 50), new Share(22, 30), new Share(23, 20));
    assertThat(ForecastSpread.spread(9, split, MON, Period.DAY, 200, MON, FAR, MON_FRI))
        .containsExactly(line(9, 21, MON, 100), line(9, 22, MON, 60), line(9, 23, MON, 40));
    // weekly 100: 50 / 30 / 20 for the week, 10 / 6 / 4 a day
    List<ForecastLine> week =
        ForecastSpread.spread(9, split, MON, Period.WEEK, 100, MON, FAR, MON_FRI);
    assertThat(week).hasSize(15);
    assertThat(week.subList(0, 5)).allMatch(l -> l.materialId() == 21 && l.quantity() == 10);
    assertThat(week.subList(5, 10)).allMatch(l -> l.materialId() == 22 && l.quantity() == 6);
    assertThat(week.subList(10, 15)).allMatch(l -> l.materialId() == 23 && l.quantity() == 4);
  }

  @Test
  void thirdsRoundDownAndTheLastSkuTakesTheRemainder() {
    List<Share> split = List.of(new Share(1, 33.33), new Share(2, 33.33), new Share(3, 33.34));
    assertThat(ForecastSpread.spread(1, split, MON, Period.DAY, 10, MON, FAR, MON_FRI))
        .containsExactly(line(1, 1, MON, 3.333), line(1, 2, MON, 3.333), line(1, 3, MON, 3.334));
    // percents summing to 99.995 are taken relative to their sum: the total is kept
    List<Share> off = List.of(new Share(1, 50), new Share(2, 49.995));
    List<ForecastLine> lines =
        ForecastSpread.spread(1, off, MON, Period.DAY, 100, MON, FAR, MON_FRI);
    assertThat(lines.get(0).quantity()).isEqualTo(50.0025);
    assertThat(lines.get(1).quantity()).isEqualTo(49.9975);
  }

  @Test
  void hundredOverThreeDays() {
    List<ForecastLine> lines =
        ForecastSpread.spread(
            1,
            ForecastSpread.material(1),
            MON,
            Period.WEEK,
            100,
            MON,
            FAR,
            d -> d.isBefore(MON.plusDays(3)));
    assertThat(lines)
        .containsExactly(
            line(1, 1, MON, 33.333333),
            line(1, 1, MON.plusDays(1), 33.333333),
            line(1, 1, MON.plusDays(2), 33.333334));
  }

  @Test
  void periodPartlyBeforeThePlanStartGoesOnTheDaysLeft() {
    // the plan starts on Wednesday 4 March: the week's 90 on Wednesday, Thursday, Friday
    LocalDate wed = MON.plusDays(2);
    assertThat(
            ForecastSpread.spread(
                4, ForecastSpread.material(1), MON, Period.WEEK, 90, wed, FAR, MON_FRI))
        .containsExactly(
            line(4, 1, wed, 30), line(4, 1, wed.plusDays(1), 30), line(4, 1, wed.plusDays(2), 30));
  }

  @Test
  void noWorkingDayLeftPutsAllOnTheFirstDayOnOrAfterThePlanStart() {
    LocalDate sat = MON.plusDays(5);
    assertThat(
            ForecastSpread.spread(
                4, ForecastSpread.material(1), MON, Period.WEEK, 90, sat, FAR, MON_FRI))
        .containsExactly(line(4, 1, sat, 90));
    // a week of holidays: its Monday
    assertThat(
            ForecastSpread.spread(
                4, ForecastSpread.material(1), MON, Period.WEEK, 90, MON, FAR, d -> false))
        .containsExactly(line(4, 1, MON, 90));
    // a week wholly before the plan start: past due on its Monday
    assertThat(
            ForecastSpread.spread(
                4, ForecastSpread.material(1), MON, Period.WEEK, 90, MON.plusDays(7), FAR, MON_FRI))
        .containsExactly(line(4, 1, MON, 90));
  }

  @Test
  void horizonEndCutsThePeriod() {
    // horizon [Mon, Thu): the week's 90 on Monday to Wednesday
    assertThat(
            ForecastSpread.spread(
                4, ForecastSpread.material(1), MON, Period.WEEK, 90, MON, MON.plusDays(3), MON_FRI))
        .extracting(ForecastLine::quantity)
        .containsExactly(30.0, 30.0, 30.0);
    // a week wholly after the horizon: on its Monday (beyond the horizon, as a daily forecast)
    assertThat(
            ForecastSpread.spread(
                4,
                ForecastSpread.material(1),
                MON.plusDays(14),
                Period.WEEK,
                90,
                MON,
                MON.plusDays(3),
                MON_FRI))
        .containsExactly(line(4, 1, MON.plusDays(14), 90));
  }

  @Test
  void dailyForecastStaysOnItsDateEvenOnANonWorkingDay() {
    LocalDate sun = MON.minusDays(1);
    assertThat(
            ForecastSpread.spread(
                2, ForecastSpread.material(1), sun, Period.DAY, 5, MON, FAR, MON_FRI))
        .containsExactly(line(2, 1, sun, 5));
  }

  @Test
  void zeroQuantityGivesNoLinesAndBadInputIsRejected() {
    assertThat(
            ForecastSpread.spread(
                2, ForecastSpread.material(1), MON, Period.WEEK, 0, MON, FAR, MON_FRI))
        .isEmpty();
    assertThatThrownBy(
            () -> ForecastSpread.spread(2, List.of(), MON, Period.DAY, 1, MON, FAR, MON_FRI))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Share(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ForecastSpread.spread(
                    2, ForecastSpread.material(1), MON, Period.DAY, -1, MON, FAR, MON_FRI))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void periodBounds() {
    LocalDate d = LocalDate.of(2026, 2, 18);
    assertThat(Period.WEEK.start(d)).isEqualTo(LocalDate.of(2026, 2, 16));
    assertThat(Period.WEEK.end(d)).isEqualTo(LocalDate.of(2026, 2, 23));
    assertThat(Period.MONTH.start(d)).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(Period.MONTH.end(d)).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(Period.DAY.end(d)).isEqualTo(d.plusDays(1));
    assertThat(Set.of(Period.values())).hasSize(3);
  }
}
