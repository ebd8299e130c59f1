package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * Line-side stock (线边库) of a material at a line location, kept between {@code min} and {@code max}:
 * when it falls below min, a pull signal refills it to max from {@code sourceLocationId}.
 */
public record LineStockRule(
    Long id,
    Long plantId,
    Long locationId,
    Long materialId,
    BigDecimal min,
    BigDecimal max,
    Long sourceLocationId,
    Long version) {}
