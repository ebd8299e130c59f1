package io.tianshu.quality.internal;

import io.tianshu.quality.DefectPareto;
import io.tianshu.quality.QualityStatistics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Rates, totals and Pareto shares from aggregated counts (plain Java). */
final class QualityFigures {
  private QualityFigures() {}

  /** part / whole to 4 decimals (half up), null when whole is 0. */
  static BigDecimal rate(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }

  static QualityStatistics.Row row(SpcStore.Counts c) {
    return new QualityStatistics.Row(
        c.key(),
        c.label(),
        c.inspected(),
        c.decided(),
        c.accepted(),
        c.rejected(),
        rate(c.accepted(), c.decided()),
        c.firstPass(),
        rate(c.firstPass(), c.decided()));
  }

  static QualityStatistics.Row total(List<SpcStore.Counts> groups) {
    long inspected = 0;
    long decided = 0;
    long accepted = 0;
    long rejected = 0;
    long first = 0;
    for (SpcStore.Counts c : groups) {
      inspected += c.inspected();
      decided += c.decided();
      accepted += c.accepted();
      rejected += c.rejected();
      first += c.firstPass();
    }
    return row(
        new SpcStore.Counts("TOTAL", "TOTAL", inspected, decided, accepted, rejected, first));
  }

  /**
   * Pareto rows: largest first (ties by key), each share of the total and the cumulative share from
   * the running count (so the last row is exactly 1).
   */
  static List<DefectPareto.Row> pareto(List<SpcStore.Category> categories) {
    List<SpcStore.Category> sorted = new ArrayList<>(categories);
    sorted.sort(
        Comparator.comparingLong(SpcStore.Category::defects)
            .reversed()
            .thenComparing(SpcStore.Category::key));
    long total = sorted.stream().mapToLong(SpcStore.Category::defects).sum();
    List<DefectPareto.Row> out = new ArrayList<>();
    long running = 0;
    for (SpcStore.Category c : sorted) {
      running += c.defects();
      out.add(
          new DefectPareto.Row(
              c.key(), c.label(), c.defects(), rate(c.defects(), total), rate(running, total)));
    }
    return out;
  }
}
