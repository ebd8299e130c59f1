package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * One line of the standard cost card: how much of a material one unit of the main product should
 * use, at what standard price.
 *
 * @param materialId the material
 * @param quantityPerUnit standard quantity per unit of main product, {@code >= 0}
 * @param standardPrice standard price per unit of material, {@code >= 0}
 */
public record CostStandardMaterial(
    String materialId, BigDecimal quantityPerUnit, BigDecimal standardPrice) {

  /** Validates the fields. */
  public CostStandardMaterial {
    CostChecks.text(materialId, "standardMaterial.materialId");
    CostChecks.nonNegative(quantityPerUnit, "standardMaterial.quantityPerUnit");
    CostChecks.nonNegative(standardPrice, "standardMaterial.standardPrice");
  }

  /**
   * Convenience constructor from decimal strings.
   *
   * @param materialId material
   * @param quantityPerUnit standard quantity per unit of main product
   * @param standardPrice standard price
   * @return the line
   */
  public static CostStandardMaterial of(
      String materialId, String quantityPerUnit, String standardPrice) {
    return new CostStandardMaterial(
        materialId, new BigDecimal(quantityPerUnit), new BigDecimal(standardPrice));
  }
}
