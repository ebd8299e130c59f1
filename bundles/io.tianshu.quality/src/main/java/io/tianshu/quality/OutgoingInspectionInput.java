package io.tianshu.quality;

import java.math.BigDecimal;

/**
 * Goods staged for a shipment, to be inspected before they leave (OQC, 出货检验): the quantity moves
 * from AVAILABLE to QUARANTINE under an OQC lot; the usage decision releases it for shipping or
 * blocks it.
 *
 * @param plantId the plant
 * @param materialId the material
 * @param lot the stock lot ("" when the material has none)
 * @param quantity in the base unit
 * @param locationId where the staged stock is
 * @param salesOrder the sales order or delivery the goods are for
 */
public record OutgoingInspectionInput(
    Long plantId,
    Long materialId,
    String lot,
    BigDecimal quantity,
    Long locationId,
    String salesOrder) {}
