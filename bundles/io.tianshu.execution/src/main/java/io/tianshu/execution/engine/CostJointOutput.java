package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * A main product or co-product of the work order: it carries a share of the joint cost.
 *
 * @param productId the product
 * @param quantity good quantity produced, {@code > 0}, any scale
 * @param equivalenceFactor weight per unit for {@link CostAllocationMethod#EQUIVALENCE_FACTOR},
 *     {@code >= 0}; may be null when the other method is used
 * @param unitSalesValue sales value per unit at split-off for {@link
 *     CostAllocationMethod#RELATIVE_SALES_VALUE}, {@code >= 0}; may be null when the other method
 *     is used
 */
public record CostJointOutput(
    String productId,
    BigDecimal quantity,
    BigDecimal equivalenceFactor,
    BigDecimal unitSalesValue) {

  /** Validates the fields; which of the two weights is required is checked by the engine. */
  public CostJointOutput {
    CostChecks.text(productId, "output.productId");
    CostChecks.positive(quantity, "output.quantity");
    if (equivalenceFactor != null) {
      CostChecks.nonNegative(equivalenceFactor, "output.equivalenceFactor");
    }
    if (unitSalesValue != null) {
      CostChecks.nonNegative(unitSalesValue, "output.unitSalesValue");
    }
    if (equivalenceFactor == null && unitSalesValue == null) {
      throw new IllegalArgumentException(
          "output.equivalenceFactor or output.unitSalesValue is required");
    }
  }

  /**
   * An output weighted by an equivalence factor.
   *
   * @param productId product
   * @param quantity good quantity
   * @param factor equivalence factor
   * @return the output
   */
  public static CostJointOutput byFactor(String productId, String quantity, String factor) {
    return new CostJointOutput(productId, new BigDecimal(quantity), new BigDecimal(factor), null);
  }

  /**
   * An output weighted by its sales value.
   *
   * @param productId product
   * @param quantity good quantity
   * @param unitSalesValue sales value per unit at split-off
   * @return the output
   */
  public static CostJointOutput bySalesValue(
      String productId, String quantity, String unitSalesValue) {
    return new CostJointOutput(
        productId, new BigDecimal(quantity), null, new BigDecimal(unitSalesValue));
  }
}
