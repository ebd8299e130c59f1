package io.tianshu.planning.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Turns a forecast as entered (a material or a product group, over a day, an ISO week or a calendar
 * month) into the daily per-material {@link ForecastLine}s that {@link ForecastConsumer} consumes.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Disaggregation: a group forecast is split over the group's materials by their percents,
 *       taken relative to the percents' sum; a material forecast is one share of 100 %.
 *   <li>Periods: a DAY forecast stays on its date, whatever the calendar says. A WEEK forecast
 *       covers the ISO week (Monday to Sunday) containing its date, a MONTH one the calendar month.
 *       Its quantity is spread evenly over the working days of the period inside {@code [planStart,
 *       horizonEnd)}. If no working day of the period is left there, the whole quantity falls on
 *       the first day of the period on or after the plan start; a period wholly before the plan
 *       start keeps it on the period's first day (past due, as a past daily forecast).
 *   <li>Rounding: parts are rounded down to {@value #SCALE} decimals (the database's scale) and the
 *       last part (the last material of the split, the last day of the period) takes the remainder,
 *       so the parts add up exactly to the quantity rounded to {@value #SCALE} decimals.
 *   <li>Every line keeps the forecast's id, so consumption and pegging refer to the forecast.
 * </ul>
 */
public final class ForecastSpread {

  /** Decimals the parts are rounded to. */
  public static final int SCALE = 6;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ForecastSpread() {}

  /** The time a forecast quantity covers. */
  public enum Period {
    /** The forecast's date. */
    DAY,
    /** The ISO week (Monday to Sunday) containing the date. */
    WEEK,
    /** The calendar month containing the date. */
    MONTH;

    /** The first day of the period containing {@code date}. */
    public LocalDate start(LocalDate date) {
      return switch (this) {
        case DAY -> date;
        case WEEK -> date.minusDays(date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        case MONTH -> date.withDayOfMonth(1);
      };
    }

    /** The day after the period containing {@code date}. */
    public LocalDate end(LocalDate date) {
      return switch (this) {
        case DAY -> date.plusDays(1);
        case WEEK -> start(date).plusDays(7);
        case MONTH -> start(date).plusMonths(1);
      };
    }
  }

  /**
   * A material's share of a group forecast.
   *
   * @param materialId the material (the engine's item id)
   * @param percent its percent, {@code > 0}
   */
  public record Share(long materialId, double percent) {

    /** Checks the percent. */
    public Share {
      if (!Double.isFinite(percent) || percent <= 0) {
        throw new IllegalArgumentException(
            "share of " + materialId + ": percent must be > 0, was " + percent);
      }
    }
  }

  /** One material's forecast: a single share of 100 %. */
  public static List<Share> material(long materialId) {
    return List.of(new Share(materialId, 100));
  }

  /**
   * The daily lines of one forecast.
   *
   * @param id the forecast's id, kept on every line
   * @param shares the materials and their percents (one share of 100 for a material forecast), in
   *     the order the remainder goes to the last
   * @param date the forecast's date
   * @param period its period
   * @param quantity its quantity, finite and {@code >= 0}
   * @param planStart the plan start
   * @param horizonEnd the day after the horizon
   * @param workingDay whether a date is a working day of the run's calendar
   * @return the lines, by material in share order, then by date; none for a zero quantity part
   */
  public static List<ForecastLine> spread(
      long id,
      List<Share> shares,
      LocalDate date,
      Period period,
      double quantity,
      LocalDate planStart,
      LocalDate horizonEnd,
      Predicate<LocalDate> workingDay) {
    Objects.requireNonNull(shares, "shares");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(planStart, "planStart");
    Objects.requireNonNull(horizonEnd, "horizonEnd");
    Objects.requireNonNull(workingDay, "workingDay");
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("forecast " + id + ": no shares");
    }
    if (!Double.isFinite(quantity) || quantity < 0) {
      throw new IllegalArgumentException(
          "forecast " + id + ": quantity must be finite and >= 0, was " + quantity);
    }
    List<LocalDate> days = days(date, period, planStart, horizonEnd, workingDay);
    int scale = scale(quantity);
    BigDecimal total = BigDecimal.valueOf(quantity).setScale(scale, RoundingMode.HALF_UP);
    BigDecimal[] parts = split(total, shares, scale);
    List<ForecastLine> out = new ArrayList<>();
    for (int s = 0; s < shares.size(); s++) {
      BigDecimal[] daily = evenly(parts[s], days.size(), scale);
      for (int d = 0; d < days.size(); d++) {
        if (daily[d].signum() > 0) {
          out.add(
              new ForecastLine(
                  id, shares.get(s).materialId(), days.get(d), daily[d].doubleValue()));
        }
      }
    }
    return out;
  }

  /**
   * The decimals parts of {@code quantity} are rounded to: {@value #SCALE}, fewer for quantities of
   * 10^9 and more so that the parts have at most 15 significant digits.
   */
  static int scale(double quantity) {
    int integerDigits =
        BigDecimal.valueOf(Math.abs(quantity)).setScale(0, RoundingMode.DOWN).precision();
    return Math.max(0, Math.min(SCALE, 15 - integerDigits));
  }

  /** The dates a forecast's quantity is spread over (see the class comment). */
  static List<LocalDate> days(
      LocalDate date,
      Period period,
      LocalDate planStart,
      LocalDate horizonEnd,
      Predicate<LocalDate> workingDay) {
    if (period == Period.DAY) {
      return List.of(date);
    }
    LocalDate start = period.start(date);
    LocalDate end = period.end(date);
    LocalDate from = start.isBefore(planStart) ? planStart : start;
    LocalDate to = end.isAfter(horizonEnd) ? horizonEnd : end;
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      if (workingDay.test(d)) {
        days.add(d);
      }
    }
    if (days.isEmpty()) {
      days.add(from.isBefore(end) ? from : start);
    }
    return days;
  }

  /** The total split by the shares' percents relative to their sum; the last takes the rest. */
  static BigDecimal[] split(BigDecimal total, List<Share> shares, int scale) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Share s : shares) {
      sum = sum.add(BigDecimal.valueOf(s.percent()));
    }
    if (sum.signum() <= 0) {
      sum = HUNDRED;
    }
    BigDecimal[] parts = new BigDecimal[shares.size()];
    BigDecimal rest = total;
    for (int i = 0; i < parts.length - 1; i++) {
      parts[i] =
          total
              .multiply(BigDecimal.valueOf(shares.get(i).percent()))
              .divide(sum, scale, RoundingMode.DOWN);
      rest = rest.subtract(parts[i]);
    }
    parts[parts.length - 1] = rest;
    return parts;
  }

  /** The total in {@code n} equal parts rounded down; the last takes the rest. */
  static BigDecimal[] evenly(BigDecimal total, int n, int scale) {
    BigDecimal[] parts = new BigDecimal[n];
    BigDecimal each = total.divide(BigDecimal.valueOf(n), scale, RoundingMode.DOWN);
    for (int i = 0; i < n - 1; i++) {
      parts[i] = each;
    }
    parts[n - 1] = total.subtract(each.multiply(BigDecimal.valueOf(n - 1)));
    return parts;
  }
}
