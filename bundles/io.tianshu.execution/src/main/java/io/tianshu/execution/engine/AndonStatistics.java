package io.tianshu.execution.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Statistics over closed Andon calls for PDCA: per category the count and the mean, median and 90th
 * percentile of time to acknowledge and time to resolve, and the Pareto order of categories.
 *
 * <p>Times are measured from the raise. A call resolved without an explicit acknowledgement counts
 * as acknowledged when it was resolved (whoever resolved it responded then).
 *
 * <p>Percentiles use the nearest-rank method: the p-th percentile of n sorted values is the value
 * at rank {@code ceil(p / 100 x n)} (1-based). The median is the 50th percentile by the same
 * method, so for an even count it is the lower of the two middle values, not their average.
 */
public final class AndonStatistics {

  private AndonStatistics() {}

  /**
   * Computes the statistics.
   *
   * @param closedCalls calls that are resolved; may be empty
   * @return the report
   * @throws IllegalArgumentException if a call is not resolved
   */
  public static AndonStatisticsReport of(List<AndonCall> closedCalls) {
    Objects.requireNonNull(closedCalls, "closedCalls");
    Map<AndonCategory, List<Duration>> toAck = new EnumMap<>(AndonCategory.class);
    Map<AndonCategory, List<Duration>> toResolve = new EnumMap<>(AndonCategory.class);
    for (int i = 0; i < closedCalls.size(); i++) {
      AndonCall call = closedCalls.get(i);
      if (call == null) {
        throw new IllegalArgumentException("closedCalls[" + i + "] is null");
      }
      if (call.resolvedAt().isEmpty()) {
        throw new IllegalArgumentException(
            "closedCalls[" + i + "].resolvedAt is required (call " + call.id() + " is open)");
      }
      Duration resolve = Duration.between(call.raisedAt(), call.resolvedAt().get());
      Duration ack =
          call.acknowledgedAt().map(t -> Duration.between(call.raisedAt(), t)).orElse(resolve);
      toAck.computeIfAbsent(call.category(), c -> new ArrayList<>()).add(ack);
      toResolve.computeIfAbsent(call.category(), c -> new ArrayList<>()).add(resolve);
    }
    List<AndonCategoryStatistics> byCategory = new ArrayList<>();
    for (Map.Entry<AndonCategory, List<Duration>> e : toAck.entrySet()) {
      List<Duration> ack = sorted(e.getValue());
      List<Duration> resolve = sorted(toResolve.get(e.getKey()));
      byCategory.add(
          new AndonCategoryStatistics(
              e.getKey(),
              ack.size(),
              mean(ack),
              nearestRank(ack, 50),
              nearestRank(ack, 90),
              mean(resolve),
              nearestRank(resolve, 50),
              nearestRank(resolve, 90)));
    }
    // Stable sort keeps category order among equal counts.
    List<AndonCategoryStatistics> byCount = new ArrayList<>(byCategory);
    byCount.sort(Comparator.comparingInt(AndonCategoryStatistics::count).reversed());
    int total = closedCalls.size();
    List<AndonParetoEntry> pareto = new ArrayList<>();
    int cumulative = 0;
    for (AndonCategoryStatistics s : byCount) {
      cumulative += s.count();
      pareto.add(
          new AndonParetoEntry(
              s.category(), s.count(), percent(s.count(), total), percent(cumulative, total)));
    }
    return new AndonStatisticsReport(total, byCategory, pareto);
  }

  /**
   * The nearest-rank percentile of sorted values: the value at rank {@code ceil(p / 100 x n)},
   * 1-based (rank 1 for p = 0).
   *
   * @param sorted values in ascending order, not empty
   * @param percentile p, 0..100
   * @return the percentile
   */
  public static Duration nearestRank(List<Duration> sorted, int percentile) {
    Objects.requireNonNull(sorted, "sorted");
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("sorted must not be empty");
    }
    if (percentile < 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be 0..100, was " + percentile);
    }
    int n = sorted.size();
    // ceil(p * n / 100) in integers, avoiding floating-point error at exact ranks.
    int rank = Math.max(1, (percentile * n + 99) / 100);
    return sorted.get(rank - 1);
  }

  private static List<Duration> sorted(List<Duration> values) {
    List<Duration> copy = new ArrayList<>(values);
    copy.sort(Comparator.naturalOrder());
    return copy;
  }

  private static Duration mean(List<Duration> values) {
    Duration sum = Duration.ZERO;
    for (Duration d : values) {
      sum = sum.plus(d);
    }
    return sum.dividedBy(values.size());
  }

  private static BigDecimal percent(int part, int total) {
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
  }
}
