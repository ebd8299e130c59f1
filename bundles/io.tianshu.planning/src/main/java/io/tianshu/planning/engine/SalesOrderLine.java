package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One sales order line as seen by forecast consumption.
 *
 * @param id identifier, unique among the order lines handed to one consumption run
 * @param materialId the material ordered
 * @param date the requirement (delivery) date
 * @param quantity the ordered quantity, finite and not negative
 * @param priority consumption priority: among lines of the same material and date, the lower value
 *     consumes first
 */
public record SalesOrderLine(
    long id, long materialId, LocalDate date, double quantity, int priority) {

  /** Checks the date and the quantity. */
  public SalesOrderLine {
    Objects.requireNonNull(date, "date");
    if (!Double.isFinite(quantity) || quantity < 0) {
      throw new IllegalArgumentException(
          "sales order line " + id + ": quantity must be finite and >= 0, was " + quantity);
    }
  }
}
