package io.tianshu.bom;

import java.time.LocalDate;
import java.util.List;

/**
 * A new BOM version. {@code plantId} is the owner (null: the group); {@code view} defaults to
 * MANUFACTURING; {@code validTo} is exclusive and optional.
 */
public record BomInput(
    Long parentMaterialId,
    Long plantId,
    String view,
    String revision,
    LocalDate validFrom,
    LocalDate validTo,
    List<BomLineInput> lines) {}
