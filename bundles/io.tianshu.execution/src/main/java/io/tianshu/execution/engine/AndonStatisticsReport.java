package io.tianshu.execution.engine;

import java.util.List;
import java.util.Optional;

/**
 * Andon statistics for PDCA reviews.
 *
 * @param totalCount number of calls
 * @param byCategory statistics of each category that had calls, in category order
 * @param pareto categories that had calls by count descending (ties in category order)
 */
public record AndonStatisticsReport(
    int totalCount, List<AndonCategoryStatistics> byCategory, List<AndonParetoEntry> pareto) {

  /** Copies the lists. */
  public AndonStatisticsReport {
    byCategory = List.copyOf(byCategory);
    pareto = List.copyOf(pareto);
  }

  /**
   * The statistics of one category.
   *
   * @param category category
   * @return its statistics, empty if it had no calls
   */
  public Optional<AndonCategoryStatistics> category(AndonCategory category) {
    return byCategory.stream().filter(s -> s.category() == category).findFirst();
  }
}
