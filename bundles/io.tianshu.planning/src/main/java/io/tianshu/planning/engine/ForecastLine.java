package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One forecast quantity of a material on a date: independent demand until sales orders consume it.
 *
 * @param id identifier, unique among the forecast lines handed to one consumption run
 * @param materialId the material forecast
 * @param date the forecast date (bucket date, e.g. the Monday of a weekly forecast)
 * @param quantity the forecast quantity, finite and not negative
 */
public record ForecastLine(long id, long materialId, LocalDate date, double quantity) {

  /** Checks the date and the quantity. */
  public ForecastLine {
    Objects.requireNonNull(date, "date");
    if (!Double.isFinite(quantity) || quantity < 0) {
      throw new IllegalArgumentException(
          "forecast line " + id + ": quantity must be finite and >= 0, was " + quantity);
    }
  }
}
