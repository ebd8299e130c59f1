package io.tianshu.quality.spc;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Specification limits, one- or two-sided.
 *
 * @param lower lower specification limit, if any
 * @param upper upper specification limit, if any
 */
public record SpecLimits(OptionalDouble lower, OptionalDouble upper) {

  /** Validates: at least one limit, finite, lower below upper. */
  public SpecLimits {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    if (lower.isEmpty() && upper.isEmpty()) {
      throw new IllegalArgumentException("at least one specification limit is needed");
    }
    if (lower.isPresent() && !Double.isFinite(lower.getAsDouble())
        || upper.isPresent() && !Double.isFinite(upper.getAsDouble())) {
      throw new IllegalArgumentException("specification limits must be finite");
    }
    if (lower.isPresent() && upper.isPresent() && !(lower.getAsDouble() < upper.getAsDouble())) {
      throw new IllegalArgumentException(
          "lower specification limit "
              + lower.getAsDouble()
              + " must be below the upper "
              + upper.getAsDouble());
    }
  }

  /**
   * Two-sided limits.
   *
   * @param lower LSL
   * @param upper USL, above LSL
   * @return the limits
   */
  public static SpecLimits twoSided(double lower, double upper) {
    return new SpecLimits(OptionalDouble.of(lower), OptionalDouble.of(upper));
  }

  /**
   * An upper limit only.
   *
   * @param upper USL
   * @return the limits
   */
  public static SpecLimits upperOnly(double upper) {
    return new SpecLimits(OptionalDouble.empty(), OptionalDouble.of(upper));
  }

  /**
   * A lower limit only.
   *
   * @param lower LSL
   * @return the limits
   */
  public static SpecLimits lowerOnly(double lower) {
    return new SpecLimits(OptionalDouble.of(lower), OptionalDouble.empty());
  }

  /**
   * Whether both limits are given.
   *
   * @return true if two-sided
   */
  public boolean twoSided() {
    return lower.isPresent() && upper.isPresent();
  }
}
