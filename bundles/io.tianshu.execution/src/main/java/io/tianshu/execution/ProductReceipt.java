package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * Finished product about to go into stock from a work order.
 *
 * @param plantId the plant
 * @param workOrderId the work order
 * @param workOrderCode its code, the reference of the stock receipt
 * @param materialId the product
 * @param lot the order's lot
 * @param quantity the quantity received now
 * @param locationId the order's receive location (null if the order has none)
 * @param supplier the supplier of a whole outsourced order, "" for in-house orders
 */
public record ProductReceipt(
    long plantId,
    long workOrderId,
    String workOrderCode,
    long materialId,
    String lot,
    BigDecimal quantity,
    Long locationId,
    String supplier) {}
