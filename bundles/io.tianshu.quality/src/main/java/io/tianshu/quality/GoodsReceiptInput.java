package io.tianshu.quality;

import java.math.BigDecimal;

/**
 * Goods arriving at the plant: a delivery from a supplier or a return from a customer. When the
 * material's inspection plan opens lots on the event (IQC for deliveries, RETURN for returns) the
 * goods are received into QUARANTINE with an inspection lot; otherwise straight into AVAILABLE.
 *
 * @param plantId the plant
 * @param materialId the material
 * @param kind PURCHASE (the default) or CUSTOMER_RETURN
 * @param supplier the supplier's code; required for PURCHASE, absent for CUSTOMER_RETURN
 * @param lot the stock lot (the supplier's batch, the returned lot); "" when absent
 * @param quantity in the material's base unit
 * @param locationId the receiving location
 * @param reference the delivery note, purchase order or return authorisation
 */
public record GoodsReceiptInput(
    Long plantId,
    Long materialId,
    String kind,
    String supplier,
    String lot,
    BigDecimal quantity,
    Long locationId,
    String reference) {}
