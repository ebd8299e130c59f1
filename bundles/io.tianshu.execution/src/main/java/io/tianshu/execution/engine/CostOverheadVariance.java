package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * Spending and efficiency variance of one overhead rule. Positive variances are unfavourable.
 *
 * @param ruleName rule
 * @param base allocation base
 * @param actualBase actual base quantity (hours, or money for the cost bases), unrounded
 * @param standardBase standard base for the actual output, unrounded
 * @param actualCost overhead absorbed at the rule's rate, scale 2
 * @param standardCost overhead at the standard rate on the standard base, scale 2
 * @param spendingVariance (rate - standard rate) x actual base, scale 2
 * @param efficiencyVariance (actual base - standard base) x standard rate, scale 2
 */
public record CostOverheadVariance(
    String ruleName,
    CostOverheadBase base,
    BigDecimal actualBase,
    BigDecimal standardBase,
    BigDecimal actualCost,
    BigDecimal standardCost,
    BigDecimal spendingVariance,
    BigDecimal efficiencyVariance) {}
