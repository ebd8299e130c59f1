package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * One bar of the Pareto chart of Andon calls by category.
 *
 * @param category category
 * @param count number of calls
 * @param percent count / total x 100, scale 2 HALF_UP
 * @param cumulativePercent cumulative count / total x 100, scale 2 HALF_UP; computed from the
 *     cumulative count (not by adding rounded percents), so the last entry is exactly 100.00
 */
public record AndonParetoEntry(
    AndonCategory category, int count, BigDecimal percent, BigDecimal cumulativePercent) {}
