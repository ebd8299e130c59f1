package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * A line of the order BOM: {@code quantityPer} order unit, {@code requiredQuantity} for the whole
 * order with planned scrap, {@code issuedQuantity} consumed so far (backflushed or issued). A line
 * with an {@code operationSeq} is consumed at that operation, else at the last.
 */
public record WorkOrderComponent(
    long id,
    int lineNo,
    long materialId,
    String materialCode,
    BigDecimal quantityPer,
    BigDecimal scrapPercent,
    BigDecimal requiredQuantity,
    BigDecimal issuedQuantity,
    Integer operationSeq,
    boolean backflush) {}
