package io.tianshu.inventory;

/** Filters for stock and movement lists, each optional. */
public record StockFilter(
    Long plantId, Long materialId, Long locationId, StockStatus status, String lot) {}
