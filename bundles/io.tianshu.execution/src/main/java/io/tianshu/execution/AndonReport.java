package io.tianshu.execution;

import io.tianshu.execution.engine.AndonCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Andon statistics of a plant over calls raised in a period, optionally on one line. Response times
 * are over the resolved (and closed) calls, in seconds with millisecond decimals; a call resolved
 * without an acknowledgement counts as acknowledged when it was resolved. Medians and 90th
 * percentiles are nearest-rank, so they are observed values.
 *
 * @param plantId plant
 * @param lineCode line, or null for all lines
 * @param from calls raised at or after this, or null
 * @param to calls raised before this, or null
 * @param raisedCount calls raised in the period, whatever their status
 * @param openCount of which still open (raised or acknowledged)
 * @param resolvedCount of which resolved or closed: the calls the times are over
 * @param byCategory per category that had resolved calls, in category order
 * @param pareto categories of the resolved calls by count, descending
 */
public record AndonReport(
    long plantId,
    String lineCode,
    Instant from,
    Instant to,
    int raisedCount,
    int openCount,
    int resolvedCount,
    List<CategoryTimes> byCategory,
    List<ParetoBar> pareto) {

  /** Copies the lists. */
  public AndonReport {
    byCategory = List.copyOf(byCategory);
    pareto = List.copyOf(pareto);
  }

  /**
   * Response times of one category.
   *
   * @param category category
   * @param label its label (人机料法环测)
   * @param count resolved calls
   * @param meanToAcknowledgeSeconds mean seconds to acknowledge
   * @param medianToAcknowledgeSeconds median seconds to acknowledge
   * @param p90ToAcknowledgeSeconds 90th percentile seconds to acknowledge
   * @param meanToResolveSeconds mean seconds to resolve
   * @param medianToResolveSeconds median seconds to resolve
   * @param p90ToResolveSeconds 90th percentile seconds to resolve
   */
  public record CategoryTimes(
      AndonCategory category,
      String label,
      int count,
      BigDecimal meanToAcknowledgeSeconds,
      BigDecimal medianToAcknowledgeSeconds,
      BigDecimal p90ToAcknowledgeSeconds,
      BigDecimal meanToResolveSeconds,
      BigDecimal medianToResolveSeconds,
      BigDecimal p90ToResolveSeconds) {}

  /**
   * One bar of the Pareto chart.
   *
   * @param category category
   * @param label its label
   * @param count resolved calls
   * @param percent share of all resolved calls, %
   * @param cumulativePercent cumulative share, %; the last bar is 100.00
   */
  public record ParetoBar(
      AndonCategory category,
      String label,
      int count,
      BigDecimal percent,
      BigDecimal cumulativePercent) {}
}
