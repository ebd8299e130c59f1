package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A committed customer order quantity for available-to-promise.
 *
 * @param date the promised (due) date
 * @param quantity the quantity, finite and not negative
 */
public record AtpDemand(LocalDate date, double quantity) {

  /** Checks the date and the quantity. */
  public AtpDemand {
    Objects.requireNonNull(date, "date");
    if (!Double.isFinite(quantity) || quantity < 0) {
      throw new IllegalArgumentException(
          "demand quantity must be finite and >= 0, was " + quantity);
    }
  }
}
