package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * An overhead absorption rule of a plant (制造费用分摊规则). {@code base} is LABOUR_HOURS or MACHINE_HOURS
 * (rates per hour) or LABOUR_COST, MATERIAL_COST or DIRECT_COST (rates in percent); {@code rate} is
 * absorbed into the actual cost, {@code standardRate} into the standard cost.
 */
public record OverheadRule(String name, String base, BigDecimal rate, BigDecimal standardRate) {}
