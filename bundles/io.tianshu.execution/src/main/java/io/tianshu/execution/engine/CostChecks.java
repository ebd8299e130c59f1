package io.tianshu.execution.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the costing records; every message names the offending field. */
final class CostChecks {

  private CostChecks() {}

  static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static BigDecimal nonNegative(BigDecimal value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, was " + value.toPlainString());
    }
    return value;
  }

  static BigDecimal positive(BigDecimal value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, was " + value.toPlainString());
    }
    return value;
  }

  static <T> List<T> list(List<T> values, String field) {
    if (values == null) {
      throw new IllegalArgumentException(field + " is required (may be empty)");
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new IllegalArgumentException(field + "[" + i + "] is null");
      }
    }
    return List.copyOf(values);
  }

  static <T> T required(T value, String field) {
    if (Objects.isNull(value)) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }
}
