package io.tianshu.quality;

import java.math.BigDecimal;

/**
 * A cost to book on a nonconformance.
 *
 * @param type SCRAP_VALUE, REWORK, SORTING, FREIGHT or OTHER
 * @param amount the amount (a credit, e.g. a supplier's charge-back, is negative)
 * @param note free text
 */
public record NcCostInput(String type, BigDecimal amount, String note) {}
