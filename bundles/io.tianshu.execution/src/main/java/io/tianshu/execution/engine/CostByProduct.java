package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * A by-product: credited at a fixed value per unit (typically net realisable value) and the credit
 * taken off the joint cost before it is allocated to main and co-products.
 *
 * @param productId the by-product
 * @param quantity quantity produced, {@code >= 0}
 * @param unitCreditValue credit per unit, {@code >= 0}
 */
public record CostByProduct(String productId, BigDecimal quantity, BigDecimal unitCreditValue) {

  /** Validates the fields. */
  public CostByProduct {
    CostChecks.text(productId, "byProduct.productId");
    CostChecks.nonNegative(quantity, "byProduct.quantity");
    CostChecks.nonNegative(unitCreditValue, "byProduct.unitCreditValue");
  }

  /**
   * Convenience constructor from decimal strings.
   *
   * @param productId by-product
   * @param quantity quantity
   * @param unitCreditValue credit per unit
   * @return the by-product
   */
  public static CostByProduct of(String productId, String quantity, String unitCreditValue) {
    return new CostByProduct(productId, new BigDecimal(quantity), new BigDecimal(unitCreditValue));
  }

  /**
   * The unrounded credit.
   *
   * @return quantity x unit credit value
   */
  public BigDecimal credit() {
    return quantity.multiply(unitCreditValue);
  }
}
