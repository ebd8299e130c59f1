package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * An independent requirement (a sales order line, remaining forecast, …), already consumed by the
 * caller. A date before the plan start counts on the plan start; a date on or after the end of the
 * horizon is ignored.
 *
 * @param id identifies the demand in {@link Pegging} rows
 * @param materialId the material required
 * @param date the date the quantity is required
 * @param quantity the quantity, &gt;= 0
 * @param reference free text (e.g. the sales order number), not used by the engine
 * @param makeToOrder a make-to-order demand: supplied only by its own planned order of exactly its
 *     quantity (good output), never from stock, scheduled receipts or the material's other planned
 *     orders, and that order serves no other demand (see {@link MrpEngine}); not allowed on a
 *     phantom. {@code false}: the demand is netted with the material's other requirements
 *     (make-to-stock)
 */
public record PlanDemand(
    long id,
    long materialId,
    LocalDate date,
    double quantity,
    String reference,
    boolean makeToOrder) {

  /** A make-to-stock demand ({@code makeToOrder} false). */
  public PlanDemand(long id, long materialId, LocalDate date, double quantity, String reference) {
    this(id, materialId, date, quantity, reference, false);
  }
}
