package io.tianshu.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in a unit of measure. Arithmetic is exact (BigDecimal); adding quantities of different
 * units is an error, conversions go through the master-data unit service.
 */
public record Quantity(BigDecimal value, String unit) {

  public Quantity {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
  }

  public static Quantity of(String value, String unit) {
    return new Quantity(new BigDecimal(value), unit);
  }

  public Quantity plus(Quantity other) {
    requireSameUnit(other);
    return new Quantity(value.add(other.value), unit);
  }

  public Quantity minus(Quantity other) {
    requireSameUnit(other);
    return new Quantity(value.subtract(other.value), unit);
  }

  public Quantity times(BigDecimal factor) {
    return new Quantity(value.multiply(factor), unit);
  }

  /** Equal in amount and unit, ignoring the scale of the number (1.0 PCS equals 1 PCS). */
  public boolean sameAs(Quantity other) {
    return unit.equals(other.unit) && value.compareTo(other.value) == 0;
  }

  private void requireSameUnit(Quantity other) {
    if (!unit.equals(other.unit)) {
      throw new IllegalArgumentException("Unit mismatch: " + unit + " vs " + other.unit);
    }
  }

  @Override
  public String toString() {
    return value.stripTrailingZeros().toPlainString() + " " + unit;
  }
}
