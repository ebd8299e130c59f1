package io.tianshu.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every bad field of an input before anything is written, so that a caller learns of all
 * its mistakes at once.
 */
public final class Validation {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/]*");

  private final List<FieldError> errors = new ArrayList<>();

  public Validation add(String field, String code, String message) {
    errors.add(new FieldError(field, code, message));
    return this;
  }

  /** A required, non-blank text of at most {@code max} characters. */
  public Validation text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return add(field, "required", "is required / 必填");
    }
    return optionalText(field, value, max);
  }

  public Validation optionalText(String field, String value, int max) {
    if (value != null && value.length() > max) {
      add(field, "too_long", "must be at most " + max + " characters / 不得超过 " + max + " 个字符");
    }
    return this;
  }

  /** A business code: letters, digits and {@code . _ - /}, starting with a letter or digit. */
  public Validation code(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return add(field, "required", "is required / 必填");
    }
    if (value.length() > max) {
      return add(
          field, "too_long", "must be at most " + max + " characters / 不得超过 " + max + " 个字符");
    }
    if (!CODE.matcher(value).matches()) {
      add(
          field,
          "invalid_code",
          "may contain letters, digits and . _ - / only / 只能包含字母、数字和 . _ - /");
    }
    return this;
  }

  public Validation required(String field, Object value) {
    if (value == null) {
      add(field, "required", "is required / 必填");
    }
    return this;
  }

  public Validation positive(String field, BigDecimal value) {
    if (value == null) {
      return add(field, "required", "is required / 必填");
    }
    if (value.signum() <= 0) {
      add(field, "not_positive", "must be greater than zero / 必须大于零");
    }
    return this;
  }

  /**
   * A new end date for a record valid from {@code from} until {@code currentEnd} (null: open): it
   * must be after the start and may only move the end earlier.
   */
  public Validation earlierEnd(
      String field,
      java.time.LocalDate end,
      java.time.LocalDate from,
      java.time.LocalDate currentEnd) {
    required(field, end);
    if (end != null && !end.isAfter(from)) {
      add(field, "before_start", "must be after validFrom / 失效日期须晚于生效日期");
    }
    if (end != null && currentEnd != null && end.isAfter(currentEnd)) {
      add(field, "extends", "a version only ends earlier / 只能提前失效");
    }
    return this;
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public boolean hasErrorFor(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /** Throws a {@link ValidationException} listing every error collected so far. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
