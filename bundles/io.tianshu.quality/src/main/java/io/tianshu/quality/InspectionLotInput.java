package io.tianshu.quality;

import java.math.BigDecimal;

/**
 * An inspection lot created by hand for stock that sits in QUARANTINE.
 *
 * @param plantId the plant
 * @param materialId the material
 * @param supplier the supplier code (null for in-house lots)
 * @param lot the stock lot
 * @param quantity the lot size, a whole number >= 2
 * @param locationId where the quarantined stock is
 * @param source IQC, IPQC, FQC, OQC, RETURN or MANUAL (MANUAL when absent)
 * @param reference a free reference, e.g. the delivery note
 */
public record InspectionLotInput(
    Long plantId,
    Long materialId,
    String supplier,
    String lot,
    BigDecimal quantity,
    Long locationId,
    String source,
    String reference) {}
