package io.tianshu.rest.internal.resources;

import io.tianshu.core.Validation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query-parameter dates, reported as field errors when missing or malformed. */
final class Dates {
  private Dates() {}

  static LocalDate required(Validation v, String field, String value) {
    if (value == null || value.isBlank()) {
      v.add(field, "required", "is required / 必填");
      return null;
    }
    return optional(v, field, value);
  }

  static LocalDate optional(Validation v, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      v.add(field, "invalid_date", "use YYYY-MM-DD / 日期格式应为 YYYY-MM-DD");
      return null;
    }
  }
}
