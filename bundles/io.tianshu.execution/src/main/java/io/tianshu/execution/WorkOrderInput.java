package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A work order as a caller creates it. {@code code} and {@code lot} default to a generated order
 * number; {@code kind} to STANDARD; {@code startDate} to today and {@code dueDate} to the start.
 * Locations are where backflushed components come from and where the product is received. {@code
 * backflush} (default true) consumes components from the issue location as operations report; false
 * leaves them to pick lists and issues. {@code supplier} marks a whole order made by a supplier
 * (委外): its issue location is then the supplier's stock. Enumerations arrive as text so that a bad
 * value is reported with the other bad fields.
 */
public record WorkOrderInput(
    Long plantId,
    String code,
    String kind,
    Long materialId,
    BigDecimal quantity,
    String lot,
    LocalDate startDate,
    LocalDate dueDate,
    String lineCode,
    Long issueLocationId,
    Long receiveLocationId,
    String salesOrder,
    Long receiptId,
    Boolean backflush,
    String supplier) {}
