package io.tianshu.bom;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a substitution is resolved for: the requirement date and, when known, the customer and the
 * order (null: none).
 */
public record SubstitutionContext(LocalDate date, String customer, String orderRef) {

  public SubstitutionContext {
    Objects.requireNonNull(date, "date");
  }

  /** A context with a date only (no customer, no order). */
  public static SubstitutionContext at(LocalDate date) {
    return new SubstitutionContext(date, null, null);
  }
}
