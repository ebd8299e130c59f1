package io.tianshu.inventory;

import java.math.BigDecimal;

/** On-hand of one stock key: the sum of its ledger lines. */
public record StockBalance(
    long plantId,
    long warehouseId,
    long locationId,
    long materialId,
    String lot,
    String serial,
    StockStatus status,
    BigDecimal quantity,
    String unit) {}
