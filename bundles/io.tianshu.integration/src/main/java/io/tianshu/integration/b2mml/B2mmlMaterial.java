package io.tianshu.integration.b2mml;

import io.tianshu.masterdata.MaterialInput;
import io.tianshu.masterdata.MaterialType;

/**
 * A B2MML {@code MaterialDefinition} as Tianshu reads it: {@code ID} is the material code, the
 * first {@code Description} without an English {@code languageID} the name and the English one the
 * English name, property {@code BaseUnitOfMeasure} the base unit, the first {@code MaterialClassID}
 * that names a Tianshu type the type, and {@code HierarchyScope/EquipmentID} (a plant code) the
 * owning plant (absent: group-owned). {@code path} is the element's path.
 */
public record B2mmlMaterial(
    String path,
    String code,
    String name,
    String nameEn,
    String baseUnit,
    MaterialType type,
    String siteCode) {

  /** The input to create ({@code version} null) or update a material owned by {@code plantId}. */
  public MaterialInput toInput(Long plantId, Long groupId, String status, Long version) {
    return new MaterialInput(
        code, name, nameEn, type.name(), baseUnit, groupId, status, plantId, version);
  }
}
