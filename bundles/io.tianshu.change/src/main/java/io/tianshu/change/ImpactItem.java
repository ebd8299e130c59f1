package io.tianshu.change;

import java.math.BigDecimal;

/**
 * One finding of an impact evaluation: of {@code kind} (WHERE_USED, ON_HAND, OPEN_SUPPLY, …), about
 * a material, with a reference (a parent material, a location, an order), a quantity where one
 * applies, and who contributed it.
 */
public record ImpactItem(
    String kind,
    long materialId,
    String reference,
    BigDecimal quantity,
    String unit,
    String note,
    String contributor) {}
