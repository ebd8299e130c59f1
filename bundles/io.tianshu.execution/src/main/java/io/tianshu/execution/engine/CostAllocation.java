package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * The share of the joint cost carried by one main or co-product.
 *
 * @param productId product
 * @param mainProduct whether this is the work order's main product
 * @param quantity good quantity
 * @param weight allocation weight (quantity x factor or quantity x unit sales value), unrounded
 * @param allocatedCost allocated cost, scale 2
 * @param unitCost allocated cost / quantity, scale {@value WorkOrderCosting#UNIT_COST_SCALE}
 */
public record CostAllocation(
    String productId,
    boolean mainProduct,
    BigDecimal quantity,
    BigDecimal weight,
    BigDecimal allocatedCost,
    BigDecimal unitCost) {}
