package io.tianshu.quality;

import java.math.BigDecimal;

/**
 * A disposition line as stored.
 *
 * @param lineNo 1, 2, …
 * @param kind SCRAP, REWORK, USE_AS_IS, RETURN_TO_SUPPLIER or SORT
 * @param quantity how much
 * @param concessionNo the concession number of a USE_AS_IS
 * @param reason why
 * @param supplier the supplier of a RETURN_TO_SUPPLIER
 * @param workOrderId the REWORK work order, once executed
 * @param movementDocumentId the inventory document posted on execution, null if none
 */
public record NcDisposition(
    int lineNo,
    String kind,
    BigDecimal quantity,
    String concessionNo,
    String reason,
    String supplier,
    Long workOrderId,
    Long movementDocumentId) {}
