package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * Price and usage variance of one material. Positive variances are unfavourable (cost more than
 * standard).
 *
 * @param materialId material
 * @param actualQuantity net quantity issued (issues - returns), unrounded
 * @param standardQuantity standard quantity for the actual output (per unit x good quantity)
 * @param standardPrice standard price; for a material not on the standard, its average actual price
 *     is used so that all its cost shows as usage, and this is null
 * @param actualCost actual cost, scale 2
 * @param standardCost standard cost of the actual output, scale 2
 * @param priceVariance actual cost - actual quantity x standard price, scale 2
 * @param usageVariance (actual quantity - standard quantity) x standard price, scale 2
 */
public record CostMaterialVariance(
    String materialId,
    BigDecimal actualQuantity,
    BigDecimal standardQuantity,
    BigDecimal standardPrice,
    BigDecimal actualCost,
    BigDecimal standardCost,
    BigDecimal priceVariance,
    BigDecimal usageVariance) {}
