package io.tianshu.bom;

import java.time.LocalDate;
import java.util.List;

/**
 * A new BOM version. {@code plantId} is the owner (null: the group); {@code view} defaults to
 * MANUFACTURING; {@code validTo} is exclusive and optional. {@code serialFrom}/{@code serialTo}
 * (optional, inclusive, either end open) restrict the version to those end-item serials; {@code
 * allocatedPlantIds} (group BOMs only; empty: every plant) to those plants; {@code outputs} lists
 * co- and by-products (optional).
 */
public record BomInput(
    Long parentMaterialId,
    Long plantId,
    String view,
    String revision,
    LocalDate validFrom,
    LocalDate validTo,
    String serialFrom,
    String serialTo,
    List<Long> allocatedPlantIds,
    List<BomLineInput> lines,
    List<BomOutputInput> outputs) {

  /** A version without serial range, allocation or outputs. */
  public BomInput(
      Long parentMaterialId,
      Long plantId,
      String view,
      String revision,
      LocalDate validFrom,
      LocalDate validTo,
      List<BomLineInput> lines) {
    this(
        parentMaterialId,
        plantId,
        view,
        revision,
        validFrom,
        validTo,
        null,
        null,
        null,
        lines,
        null);
  }
}
