package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * Good output reported at an operation of a work order, for in-process inspection of that
 * operation.
 *
 * @param plantId the plant
 * @param workOrderId the work order
 * @param workOrderCode its code
 * @param materialId the product
 * @param lot the order's lot
 * @param operationSeq the operation
 * @param good the good quantity of this report
 * @param locationId the order's receive location (null if the order has none)
 */
public record OperationReported(
    long plantId,
    long workOrderId,
    String workOrderCode,
    long materialId,
    String lot,
    int operationSeq,
    BigDecimal good,
    Long locationId) {}
