package io.tianshu.bom;

import java.time.LocalDate;
import java.util.List;

/**
 * A stored substitution group with its owner ({@code plantId} null: the group) and optimistic-lock
 * {@code version}; {@link #toGroup} is the form {@link Substitutions} resolves.
 */
public record StoredSubstitutionGroup(
    long id,
    Long plantId,
    Long parentMaterialId,
    SubstitutionStrategy strategy,
    String customer,
    String orderRef,
    LocalDate validFrom,
    LocalDate validTo,
    List<SubstitutePart> primary,
    List<Substitute> substitutes,
    long version) {

  public StoredSubstitutionGroup {
    primary = List.copyOf(primary);
    substitutes = List.copyOf(substitutes);
  }

  public SubstitutionGroup toGroup() {
    return new SubstitutionGroup(
        id,
        parentMaterialId,
        primary,
        substitutes,
        strategy,
        customer,
        orderRef,
        validFrom,
        validTo);
  }
}
