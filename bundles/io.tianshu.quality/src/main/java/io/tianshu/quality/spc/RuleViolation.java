package io.tianshu.quality.spc;

import java.util.Objects;

/**
 * A run rule flagged at a point.
 *
 * @param pointIndex index of the point that completes the pattern
 * @param rule the rule
 */
public record RuleViolation(int pointIndex, RunRule rule) {

  /** Validates. */
  public RuleViolation {
    Objects.requireNonNull(rule, "rule");
    if (pointIndex < 0) {
      throw new IllegalArgumentException("point index must be >= 0, was " + pointIndex);
    }
  }
}
