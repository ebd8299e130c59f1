package io.tianshu.planning;

import java.util.List;

/**
 * A group's forecast split in a plant, replacing the one it has: every material must belong to the
 * group, each at most once, with a percent > 0; the percents sum to 100 within 0.01.
 */
public record ForecastSplitInput(Long plantId, Long groupId, List<Line> lines) {

  /** One material's percent. */
  public record Line(Long materialId, Double percent) {}
}
