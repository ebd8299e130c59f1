package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * One material issue (or return) posted against the work order.
 *
 * @param materialId the material
 * @param quantity quantity moved, always positive; {@code isReturn} gives the direction. Any scale.
 * @param unitCost cost per unit of the material as supplied by the caller, {@code >= 0}, any scale
 * @param basis whether {@code unitCost} is the standard price or the moving average
 * @param isReturn true if material went back to stock, which reduces the work order's cost
 */
public record CostMaterialIssue(
    String materialId,
    BigDecimal quantity,
    BigDecimal unitCost,
    CostBasis basis,
    boolean isReturn) {

  /** Validates the fields. */
  public CostMaterialIssue {
    CostChecks.text(materialId, "materialIssue.materialId");
    CostChecks.positive(quantity, "materialIssue.quantity");
    CostChecks.nonNegative(unitCost, "materialIssue.unitCost");
    CostChecks.required(basis, "materialIssue.basis");
  }

  /**
   * An issue to the work order.
   *
   * @param materialId material
   * @param quantity positive quantity
   * @param unitCost unit cost
   * @param basis price basis of the unit cost
   * @return the issue
   */
  public static CostMaterialIssue issue(
      String materialId, String quantity, String unitCost, CostBasis basis) {
    return new CostMaterialIssue(
        materialId, new BigDecimal(quantity), new BigDecimal(unitCost), basis, false);
  }

  /**
   * A return from the work order to stock.
   *
   * @param materialId material
   * @param quantity positive quantity returned
   * @param unitCost unit cost credited
   * @param basis price basis of the unit cost
   * @return the return
   */
  public static CostMaterialIssue returned(
      String materialId, String quantity, String unitCost, CostBasis basis) {
    return new CostMaterialIssue(
        materialId, new BigDecimal(quantity), new BigDecimal(unitCost), basis, true);
  }

  /**
   * Quantity with its sign: negative for a return.
   *
   * @return signed quantity
   */
  public BigDecimal signedQuantity() {
    return isReturn ? quantity.negate() : quantity;
  }

  /**
   * Extended cost with its sign, unrounded.
   *
   * @return signed quantity x unit cost
   */
  public BigDecimal signedCost() {
    return signedQuantity().multiply(unitCost);
  }
}
