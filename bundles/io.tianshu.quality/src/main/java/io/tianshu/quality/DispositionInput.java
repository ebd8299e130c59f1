package io.tianshu.quality;

import java.math.BigDecimal;

/**
 * One proposed disposition line.
 *
 * @param kind SCRAP, REWORK, USE_AS_IS, RETURN_TO_SUPPLIER or SORT
 * @param quantity how much, in the material's base unit
 * @param concessionNo the concession number (required for USE_AS_IS)
 * @param reason why (required for USE_AS_IS)
 * @param supplier who a RETURN_TO_SUPPLIER goes to (default: the NC's responsible supplier)
 */
public record DispositionInput(
    String kind, BigDecimal quantity, String concessionNo, String reason, String supplier) {}
