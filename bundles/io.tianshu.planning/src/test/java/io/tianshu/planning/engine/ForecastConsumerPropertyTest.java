package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tianshu.planning.engine.ForecastConsumption.Consumption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random scenarios with fixed seeds: three materials, forecasts and orders spread over ten weeks,
 * random windows. Integer quantities keep every sum exact; one run uses decimals with a tolerance.
 */
class ForecastConsumerPropertyTest {

  static final LocalDate BASE = LocalDate.of(2026, 3, 2);

  @Test
  void conservationWindowsAndMaximality() {
    for (long seed = 1; seed <= 400; seed++) {
      check(new Random(seed), false, 0);
    }
  }

  @Test
  void decimalQuantities() {
    for (long seed = 1001; seed <= 1200; seed++) {
      check(new Random(seed), true, 1e-6);
    }
  }

  @Test
  void inputOrderDoesNotMatter() {
    for (long seed = 2001; seed <= 2100; seed++) {
      Random rnd = new Random(seed);
      Scenario s = scenario(rnd, false);
      List<ForecastLine> f = new ArrayList<>(s.forecasts);
      List<SalesOrderLine> o = new ArrayList<>(s.orders);
      Collections.shuffle(f, rnd);
      Collections.shuffle(o, rnd);

      assertThat(ForecastConsumer.consume(f, o, s.back, s.fwd))
          .as("seed %d", seed)
          .isEqualTo(ForecastConsumer.consume(s.forecasts, s.orders, s.back, s.fwd));
    }
  }

  private static void check(Random rnd, boolean decimals, double tol) {
    Scenario s = scenario(rnd, decimals);
    ForecastConsumption r = ForecastConsumer.consume(s.forecasts, s.orders, s.back, s.fwd);

    Map<Long, ForecastLine> forecastById = new HashMap<>();
    s.forecasts.forEach(f -> forecastById.put(f.id(), f));
    Map<Long, SalesOrderLine> orderById = new HashMap<>();
    s.orders.forEach(o -> orderById.put(o.id(), o));
    Map<Long, Double> consumedFromForecast = new HashMap<>();
    Map<Long, Double> consumedByOrder = new HashMap<>();

    for (Consumption c : r.consumptions()) {
      ForecastLine f = forecastById.get(c.forecastId());
      SalesOrderLine o = orderById.get(c.orderLineId());
      assertThat(c.quantity()).isPositive();
      assertThat(f.materialId()).isEqualTo(o.materialId());
      // no consumption outside the window
      assertThat(f.date())
          .as("consumption %s outside the window of order %s", c, o)
          .isBetween(o.date().minusDays(s.back), o.date().plusDays(s.fwd));
      consumedFromForecast.merge(f.id(), c.quantity(), Double::sum);
      consumedByOrder.merge(o.id(), c.quantity(), Double::sum);
    }

    Map<Long, Double> remaining = new HashMap<>();
    for (ForecastLine f : r.remaining()) {
      assertThat(f.quantity()).isPositive();
      assertThat(f).isEqualTo(withQuantity(forecastById.get(f.id()), f.quantity()));
      remaining.put(f.id(), f.quantity());
    }
    Map<Long, Double> unconsumed = new HashMap<>();
    for (SalesOrderLine o : r.unconsumed()) {
      assertThat(o.quantity()).isPositive();
      unconsumed.put(o.id(), o.quantity());
    }

    // consumed + remaining = original forecast, per line and in total
    double totalForecast = 0;
    double totalConsumed = 0;
    double totalRemaining = 0;
    for (ForecastLine f : s.forecasts) {
      double used = consumedFromForecast.getOrDefault(f.id(), 0.0);
      double left = remaining.getOrDefault(f.id(), 0.0);
      assertThat(used + left).isCloseTo(f.quantity(), within(tol));
      totalForecast += f.quantity();
      totalConsumed += used;
      totalRemaining += left;
    }
    assertThat(totalConsumed + totalRemaining).isCloseTo(totalForecast, within(tol * 100));

    // consumed + unconsumed = order quantity
    for (SalesOrderLine o : s.orders) {
      double got = consumedByOrder.getOrDefault(o.id(), 0.0);
      double missing = unconsumed.getOrDefault(o.id(), 0.0);
      assertThat(got + missing).isCloseTo(o.quantity(), within(tol));
      // maximality: an order left short saw no forecast left anywhere in its window
      if (missing > 0) {
        for (ForecastLine f : r.remaining()) {
          if (f.materialId() == o.materialId()) {
            assertThat(
                    f.date().isBefore(o.date().minusDays(s.back))
                        || f.date().isAfter(o.date().plusDays(s.fwd)))
                .as("order %d short but forecast %d in window still has %s", o.id(), f.id(), f)
                .isTrue();
          }
        }
      }
    }
  }

  private static ForecastLine withQuantity(ForecastLine f, double q) {
    return new ForecastLine(f.id(), f.materialId(), f.date(), q);
  }

  record Scenario(List<ForecastLine> forecasts, List<SalesOrderLine> orders, int back, int fwd) {}

  private static Scenario scenario(Random rnd, boolean decimals) {
    List<ForecastLine> forecasts = new ArrayList<>();
    int nf = rnd.nextInt(15);
    for (int i = 0; i < nf; i++) {
      // mostly Mondays, sometimes any day; sometimes two lines on one date
      int offset = rnd.nextInt(4) == 0 ? rnd.nextInt(70) : 7 * rnd.nextInt(10);
      forecasts.add(
          new ForecastLine(
              1000 + i, 1 + rnd.nextInt(3), BASE.plusDays(offset), quantity(rnd, decimals, 200)));
    }
    List<SalesOrderLine> orders = new ArrayList<>();
    int no = rnd.nextInt(20);
    for (int i = 0; i < no; i++) {
      orders.add(
          new SalesOrderLine(
              5000 + i,
              1 + rnd.nextInt(3),
              BASE.plusDays(rnd.nextInt(80) - 5),
              quantity(rnd, decimals, 120),
              rnd.nextInt(3)));
    }
    return new Scenario(forecasts, orders, rnd.nextInt(15), rnd.nextInt(15));
  }

  private static double quantity(Random rnd, boolean decimals, int max) {
    if (decimals) {
      return Math.round(rnd.nextDouble() * max * 1000) / 1000.0;
    }
    return rnd.nextInt(max + 1);
  }
}
