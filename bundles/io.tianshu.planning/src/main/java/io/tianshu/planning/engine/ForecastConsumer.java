package io.tianshu.planning.engine;

import io.tianshu.planning.engine.ForecastConsumption.Consumption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Forecast consumption by sales orders, in the manner of SAP's consumption mode 2 "backward, then
 * forward".
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Materials are independent: an order only consumes forecast of its own material.
 *   <li>Per material, order lines consume in the order (date, priority ascending, id).
 *   <li>Each order line consumes backward first, forecast dated in {@code [orderDate −
 *       backwardDays, orderDate]}, nearest date first; then forward, forecast dated in {@code
 *       (orderDate, orderDate + forwardDays]}, nearest date first. Forecast lines on the same date
 *       are taken in ascending id.
 *   <li>Forecast never goes below zero; what an order line cannot cover is reported as {@link
 *       ForecastConsumption#unconsumed()}.
 *   <li>Remainders and order rests of at most {@link #EPSILON} are treated as zero, so decimal
 *       quantities do not leave dust lines behind.
 * </ul>
 *
 * <p>The result depends only on the contents of the inputs, not on their order (given unique ids).
 * Runs in O((F + O) log(F + O) + C) for F forecast lines, O order lines and C forecast lines
 * visited inside the windows.
 */
public final class ForecastConsumer {

  /** Quantities at or below this are treated as zero. */
  public static final double EPSILON = 1e-9;

  private static final Comparator<ForecastLine> FORECAST_ORDER =
      Comparator.comparingLong(ForecastLine::materialId)
          .thenComparing(ForecastLine::date)
          .thenComparingLong(ForecastLine::id);

  private static final Comparator<SalesOrderLine> ORDER_ORDER =
      Comparator.comparingLong(SalesOrderLine::materialId)
          .thenComparing(SalesOrderLine::date)
          .thenComparingInt(SalesOrderLine::priority)
          .thenComparingLong(SalesOrderLine::id);

  private ForecastConsumer() {}

  /**
   * Consumes forecasts by sales orders.
   *
   * @param forecasts the forecast lines, any order
   * @param orders the sales order lines, any order
   * @param backwardDays the backward consumption window in calendar days, {@code >= 0}
   * @param forwardDays the forward consumption window in calendar days, {@code >= 0}
   * @return remaining forecast, consumptions and unconsumed order quantities
   * @throws IllegalArgumentException if a window is negative
   */
  public static ForecastConsumption consume(
      List<ForecastLine> forecasts,
      List<SalesOrderLine> orders,
      int backwardDays,
      int forwardDays) {
    Objects.requireNonNull(forecasts, "forecasts");
    Objects.requireNonNull(orders, "orders");
    if (backwardDays < 0 || forwardDays < 0) {
      throw new IllegalArgumentException(
          "consumption windows must be >= 0, were backward "
              + backwardDays
              + ", forward "
              + forwardDays);
    }
    ForecastLine[] f = forecasts.toArray(new ForecastLine[0]);
    for (ForecastLine line : f) {
      Objects.requireNonNull(line, "forecast line");
    }
    SalesOrderLine[] o = orders.toArray(new SalesOrderLine[0]);
    for (SalesOrderLine line : o) {
      Objects.requireNonNull(line, "sales order line");
    }
    Arrays.sort(f, FORECAST_ORDER);
    Arrays.sort(o, ORDER_ORDER);

    int n = f.length;
    long[] material = new long[n];
    long[] day = new long[n];
    double[] left = new double[n];
    for (int i = 0; i < n; i++) {
      material[i] = f[i].materialId();
      day[i] = f[i].date().toEpochDay();
      left[i] = f[i].quantity();
    }

    List<Consumption> consumptions = new ArrayList<>();
    List<SalesOrderLine> unconsumed = new ArrayList<>();
    int lo = 0; // forecast range [lo, hi) of the current material
    int hi = 0;
    long currentMaterial = 0;
    boolean first = true;
    for (SalesOrderLine order : o) {
      long mat = order.materialId();
      if (first || mat != currentMaterial) {
        first = false;
        currentMaterial = mat;
        lo = hi;
        while (lo < n && material[lo] < mat) {
          lo++;
        }
        hi = lo;
        while (hi < n && material[hi] == mat) {
          hi++;
        }
      }
      double rest = order.quantity();
      if (rest > EPSILON && lo < hi) {
        long orderDay = order.date().toEpochDay();
        int split = upperBound(day, lo, hi, orderDay); // first index dated after the order
        // backward: dates descending, same date in ascending id
        long firstDay = orderDay - backwardDays;
        int i = split - 1;
        while (rest > 0 && i >= lo && day[i] >= firstDay) {
          int g = i;
          while (g > lo && day[g - 1] == day[i]) {
            g--;
          }
          for (int j = g; j <= i && rest > 0; j++) {
            rest = take(order, f[j], left, j, rest, consumptions);
          }
          i = g - 1;
        }
        // forward: dates ascending, same date in ascending id
        long lastDay = orderDay + forwardDays;
        for (int j = split; rest > 0 && j < hi && day[j] <= lastDay; j++) {
          rest = take(order, f[j], left, j, rest, consumptions);
        }
      }
      if (rest > EPSILON) {
        unconsumed.add(
            new SalesOrderLine(
                order.id(), order.materialId(), order.date(), rest, order.priority()));
      }
    }

    List<ForecastLine> remaining = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (left[i] > EPSILON) {
        remaining.add(
            left[i] == f[i].quantity()
                ? f[i]
                : new ForecastLine(f[i].id(), f[i].materialId(), f[i].date(), left[i]));
      }
    }
    return new ForecastConsumption(remaining, consumptions, unconsumed);
  }

  /** Consumes from forecast index {@code j}; returns the order's rest (exactly 0 when covered). */
  private static double take(
      SalesOrderLine order,
      ForecastLine forecast,
      double[] left,
      int j,
      double rest,
      List<Consumption> out) {
    double available = left[j];
    if (available <= EPSILON) {
      return rest;
    }
    double quantity;
    double newRest;
    if (available - rest > EPSILON) {
      quantity = rest;
      left[j] = available - rest;
      newRest = 0;
    } else {
      quantity = available;
      left[j] = 0;
      newRest = rest - available;
      if (newRest <= EPSILON) {
        newRest = 0;
      }
    }
    out.add(new Consumption(order.id(), forecast.id(), quantity));
    return newRest;
  }

  /** First index in {@code [from, to)} whose value is greater than {@code key}. */
  private static int upperBound(long[] a, int from, int to, long key) {
    int l = from;
    int h = to;
    while (l < h) {
      int m = (l + h) >>> 1;
      if (a[m] <= key) {
        l = m + 1;
      } else {
        h = m;
      }
    }
    return l;
  }
}
