package io.tianshu.planning;

import java.util.List;

/**
 * How a material group's forecasts are disaggregated to its materials in a plant.
 *
 * @param lines the materials and their percents (summing to 100 within 0.01), by material code
 */
public record ForecastSplit(long plantId, long groupId, String groupCode, List<Line> lines) {

  /** One material's percent of the group's forecasts. */
  public record Line(long materialId, String materialCode, double percent) {}
}
