package io.tianshu.bom;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A substitution group (替代组): the primary set, its substitute sets and the strategy. Quantities are
 * per set: primary [A×2, B×1] with substitute [C×1] replaces 2 A + 1 B by 1 C. A null {@code
 * parentMaterialId} applies wherever the primary is used, otherwise only inside that parent's BOM;
 * a non-null {@code customer} or {@code orderRef} scopes the group to that customer or order. The
 * group itself is valid from {@code validFrom} (inclusive) to {@code validTo} (exclusive; nulls
 * open).
 */
public record SubstitutionGroup(
    long id,
    Long parentMaterialId,
    List<SubstitutePart> primary,
    List<Substitute> substitutes,
    SubstitutionStrategy strategy,
    String customer,
    String orderRef,
    LocalDate validFrom,
    LocalDate validTo) {

  public SubstitutionGroup {
    primary = List.copyOf(Objects.requireNonNull(primary, "primary"));
    substitutes = List.copyOf(Objects.requireNonNull(substitutes, "substitutes"));
    Objects.requireNonNull(strategy, "strategy");
  }

  /** Whether the group itself is valid on the date. */
  public boolean validAt(LocalDate date) {
    return Substitutions.within(date, validFrom, validTo);
  }
}
