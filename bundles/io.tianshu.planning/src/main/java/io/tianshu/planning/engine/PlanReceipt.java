package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * A scheduled receipt: an open purchase or production order. A date before the plan start counts on
 * the plan start; a date on or after the end of the horizon is ignored (neither used nor reported).
 *
 * @param id identifies the receipt in {@link Pegging} rows and {@link MrpMessage}s
 * @param materialId the material received
 * @param date the date the quantity is expected
 * @param quantity the open quantity, &gt;= 0
 * @param reference free text (e.g. the purchase order number), not used by the engine
 */
public record PlanReceipt(
    long id, long materialId, LocalDate date, double quantity, String reference) {}
