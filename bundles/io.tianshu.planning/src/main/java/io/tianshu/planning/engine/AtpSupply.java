package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A supply for available-to-promise: an MPS quantity or a scheduled receipt on its date.
 *
 * @param date the date the quantity becomes available
 * @param quantity the quantity, finite and not negative
 */
public record AtpSupply(LocalDate date, double quantity) {

  /** Checks the date and the quantity. */
  public AtpSupply {
    Objects.requireNonNull(date, "date");
    if (!Double.isFinite(quantity) || quantity < 0) {
      throw new IllegalArgumentException(
          "supply quantity must be finite and >= 0, was " + quantity);
    }
  }
}
