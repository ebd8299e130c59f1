package io.tianshu.planning.engine;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link ForecastConsumer#consume}.
 *
 * @param remaining the forecast left after consumption, one line per forecast line with a positive
 *     remainder (quantity reduced to that remainder), sorted by material, date and id; fully
 *     consumed lines are dropped
 * @param consumptions every allocation of an order line to a forecast line, in the order the engine
 *     made them (material, order date, priority, order id, then the search order of the window)
 * @param unconsumed for every order line that did not find enough forecast, a copy of the line with
 *     its quantity reduced to the part not covered, in processing order
 */
public record ForecastConsumption(
    List<ForecastLine> remaining, List<Consumption> consumptions, List<SalesOrderLine> unconsumed) {

  /** Makes the lists immutable copies. */
  public ForecastConsumption {
    remaining = List.copyOf(Objects.requireNonNull(remaining, "remaining"));
    consumptions = List.copyOf(Objects.requireNonNull(consumptions, "consumptions"));
    unconsumed = List.copyOf(Objects.requireNonNull(unconsumed, "unconsumed"));
  }

  /**
   * One allocation: the order line consumed {@code quantity} of the forecast line.
   *
   * @param orderLineId the consuming sales order line
   * @param forecastId the consumed forecast line
   * @param quantity the quantity consumed, positive
   */
  public record Consumption(long orderLineId, long forecastId, double quantity) {}
}
