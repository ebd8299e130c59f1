package io.tianshu.masterdata;

import java.math.BigDecimal;

/**
 * {@code 1 fromUnit = factor toUnit}; global when {@code materialId} is null, else valid for that
 * material only (e.g. 1 BOX = 12 PCS of one item).
 */
public record UnitConversion(
    Long id, String fromUnit, String toUnit, BigDecimal factor, Long materialId, long version) {}
