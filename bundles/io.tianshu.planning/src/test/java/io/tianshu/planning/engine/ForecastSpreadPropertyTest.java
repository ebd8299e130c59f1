package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.planning.engine.ForecastSpread.Period;
import io.tianshu.planning.engine.ForecastSpread.Share;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random forecasts with fixed seeds: random quantities (whole, six decimals, up to 1e12), splits,
 * periods, calendars and plan windows. The lines add up exactly to the quantity (rounded to six
 * decimals), per material to its share within a millionth per line, and lie inside the period.
 */
class ForecastSpreadPropertyTest {

  static final LocalDate BASE = LocalDate.of(2026, 1, 1);

  @Test
  void scaleKeepsFifteenSignificantDigits() {
    assertThat(ForecastSpread.scale(0)).isEqualTo(6);
    assertThat(ForecastSpread.scale(999_999_999)).isEqualTo(6);
    assertThat(ForecastSpread.scale(1e9)).isEqualTo(5);
    assertThat(ForecastSpread.scale(1e15)).isZero();
  }

  @Test
  void quantitiesAreConservedExactly() {
    for (long seed = 1; seed <= 2000; seed++) {
      check(new Random(seed));
    }
  }

  private static void check(Random r) {
    double quantity =
        switch (r.nextInt(3)) {
          case 0 -> r.nextInt(10_000);
          case 1 -> r.nextInt(1_000_000_000) / 1e6;
          default -> Math.floor(r.nextDouble() * 1e12);
        };
    int n = 1 + r.nextInt(5);
    List<Share> shares = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      shares.add(new Share(100 + i, 0.01 + r.nextInt(10_000) / 100.0));
    }
    Period period = Period.values()[r.nextInt(3)];
    LocalDate date = BASE.plusDays(r.nextInt(120));
    LocalDate start = BASE.plusDays(r.nextInt(120));
    LocalDate end = start.plusDays(1 + r.nextInt(120));
    Set<LocalDate> holidays = new HashSet<>();
    int density = r.nextInt(4);
    for (int i = 0; i < 240; i++) {
      if (r.nextInt(4) < density) {
        holidays.add(BASE.plusDays(i));
      }
    }
    List<ForecastLine> lines =
        ForecastSpread.spread(
            42, shares, date, period, quantity, start, end, d -> !holidays.contains(d));

    BigDecimal total = BigDecimal.ZERO;
    Map<Long, BigDecimal> perMaterial = new HashMap<>();
    Map<Long, Integer> linesOf = new HashMap<>();
    for (ForecastLine l : lines) {
      assertThat(l.id()).isEqualTo(42);
      assertThat(l.quantity()).isPositive();
      assertThat(l.date()).isBetween(period.start(date), period.end(date).minusDays(1));
      BigDecimal q = BigDecimal.valueOf(l.quantity());
      assertThat(q.scale()).isLessThanOrEqualTo(ForecastSpread.SCALE);
      total = total.add(q);
      perMaterial.merge(l.materialId(), q, BigDecimal::add);
      linesOf.merge(l.materialId(), 1, Integer::sum);
    }
    BigDecimal expected =
        BigDecimal.valueOf(quantity).setScale(ForecastSpread.scale(quantity), RoundingMode.HALF_UP);
    assertThat(total).as("total").isEqualByComparingTo(expected);
    double sum = shares.stream().mapToDouble(Share::percent).sum();
    for (Share s : shares) {
      double share = quantity * s.percent() / sum;
      double got = perMaterial.getOrDefault(s.materialId(), BigDecimal.ZERO).doubleValue();
      assertThat(Math.abs(got - share))
          .as("share of %d", s.materialId())
          .isLessThanOrEqualTo(
              Math.pow(10, -ForecastSpread.scale(quantity)) * (n + 1) + Math.abs(share) * 1e-12);
    }
    // within a material the days are equal but for the last one
    for (long m : linesOf.keySet()) {
      List<Double> qs =
          lines.stream().filter(l -> l.materialId() == m).map(ForecastLine::quantity).toList();
      for (int i = 1; i < qs.size() - 1; i++) {
        assertThat(qs.get(i)).isEqualTo(qs.get(0));
      }
    }
  }
}
