package io.tianshu.bom;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One substitute set of a group (替代料): its parts per set, its priority (lower comes first) and its
 * own validity, {@code validFrom} inclusive and {@code validTo} exclusive (null: open).
 */
public record Substitute(
    int priority, List<SubstitutePart> parts, LocalDate validFrom, LocalDate validTo) {

  public Substitute {
    parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
  }

  /** Whether the substitute may be used on the date. */
  public boolean validAt(LocalDate date) {
    return Substitutions.within(date, validFrom, validTo);
  }
}
