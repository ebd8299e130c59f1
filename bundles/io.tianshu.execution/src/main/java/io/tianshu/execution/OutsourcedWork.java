package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * Work in progress of an order's operation held at a supplier, with what was sent and received so
 * far and the processing fees recorded.
 */
public record OutsourcedWork(
    long workOrderId,
    String workOrderCode,
    int operationSeq,
    String supplier,
    BigDecimal atSupplier,
    BigDecimal sent,
    BigDecimal received,
    BigDecimal fees) {}
