package io.tianshu.bom;

import java.time.LocalDate;
import java.util.List;

/**
 * A new substitution group. {@code plantId} is the owner (null: the group); {@code
 * parentMaterialId} (optional) limits it to that parent's BOM; {@code customer}/{@code orderRef}
 * (optional) to that customer or order; {@code validTo} is exclusive.
 */
public record SubstitutionGroupInput(
    Long plantId,
    Long parentMaterialId,
    String strategy,
    String customer,
    String orderRef,
    LocalDate validFrom,
    LocalDate validTo,
    List<SubstitutePartInput> primary,
    List<SubstituteInput> substitutes) {}
