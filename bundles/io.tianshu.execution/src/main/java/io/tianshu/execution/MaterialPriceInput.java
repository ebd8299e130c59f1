package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Sets the price of a material from {@code validFrom} (default today): the price with the same
 * start is replaced, else a new one is added. {@code validTo} (exclusive) may be null (open).
 */
public record MaterialPriceInput(
    Long plantId,
    Long materialId,
    BigDecimal standardPrice,
    BigDecimal movingAveragePrice,
    LocalDate validFrom,
    LocalDate validTo) {}
