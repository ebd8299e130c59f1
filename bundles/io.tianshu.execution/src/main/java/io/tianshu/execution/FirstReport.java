package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * A work order's first operation report: production of the order has begun, and the first pieces
 * are there to be inspected (first-article, 首件检验).
 *
 * @param plantId the plant
 * @param workOrderId the work order
 * @param workOrderCode its code
 * @param materialId the product
 * @param lot the order's lot
 * @param orderQuantity the order's quantity
 * @param operationSeq the operation reported
 * @param locationId the order's receive location (null if the order has none)
 */
public record FirstReport(
    long plantId,
    long workOrderId,
    String workOrderCode,
    long materialId,
    String lot,
    BigDecimal orderQuantity,
    int operationSeq,
    Long locationId) {}
