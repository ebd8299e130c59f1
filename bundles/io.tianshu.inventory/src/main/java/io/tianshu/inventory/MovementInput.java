package io.tianshu.inventory;

import java.math.BigDecimal;

/**
 * A movement as a caller sends it, in the material's base unit. {@code locationId} is the target of
 * a receipt or adjustment and the source of everything else; {@code toLocationId} is for transfers,
 * {@code toStatus} for status changes. Enumerations arrive as text so that a bad value is reported
 * with the other bad fields.
 */
public record MovementInput(
    String type,
    Long materialId,
    BigDecimal quantity,
    Long locationId,
    Long toLocationId,
    String lot,
    String serial,
    String status,
    String toStatus,
    String reference) {}
