package io.tianshu.bom;

import java.math.BigDecimal;

/**
 * A co- or by-product as a caller sends it: material, quantity per one unit of the parent (in the
 * material's base unit), {@code kind} CO_PRODUCT or BY_PRODUCT and, for a co-product, its cost
 * share in percent (a by-product's is 0 or left out).
 */
public record BomOutputInput(
    Long materialId, BigDecimal quantityPer, String kind, BigDecimal costSharePercent) {}
