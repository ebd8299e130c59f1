package io.tianshu.planning;

import java.time.LocalDate;

/**
 * A planned order of a plan run: made or bought in {@code plantId}, or, for a material the plant
 * sources by TRANSFER, a transfer order into it. {@code releasedReceiptId}: the scheduled receipt
 * it was released as (null while not released).
 */
public record PlanOrder(
    long id,
    long plantId,
    long materialId,
    String materialCode,
    LocalDate releaseDate,
    LocalDate dueDate,
    double quantity,
    Long releasedReceiptId) {}
