package io.tianshu.planning.engine;

import java.util.List;

/**
 * Planning parameters of one material.
 *
 * @param materialId the material; unique within an {@link MrpInput}
 * @param leadTimeDays lead time in working days of the calendar (0 = released on the due date)
 * @param lotSizing the lot-sizing rule
 * @param fixedQuantity the lot size for {@link LotSizing#FIXED_QUANTITY} (must then be &gt; 0)
 * @param periodDays calendar days covered by one order for {@link LotSizing#PERIOD_ORDER_QUANTITY}
 *     (must then be &gt;= 1)
 * @param minimumQuantity smallest order quantity; 0 = none
 * @param maximumQuantity largest order quantity, a larger requirement is split into several orders;
 *     0 = none. When it conflicts with the minimum or the multiple, the maximum (rounded down to a
 *     multiple, at least one multiple) wins
 * @param multipleQuantity every order is rounded up to a multiple of this; 0 = none
 * @param safetyStock projected available must not fall below this; it is a requirement at the plan
 *     start. The level before the first {@code safetyStockSteps} step. Ignored for phantoms
 * @param onHand available stock (quarantine and blocked stock already excluded), &gt;= 0
 * @param yieldPercent good output in percent of the order quantity; 0 or 100 = none, e.g. 90 means
 *     an order of net / 0.9 is needed. Lot sizing works on the good output, the yield then inflates
 *     the order quantity
 * @param phantom a phantom assembly: never gets planned orders, its requirements not covered by its
 *     own on-hand (and receipts) are passed through to its components on the same date
 * @param planningFenceDays the planning time fence in calendar days from the plan start, &gt;= 0; 0
 *     = none. Inside the fence the planner decides: MRP creates no planned order of the material
 *     due before the first working day on or after the plan start + planningFenceDays (see {@link
 *     MrpEngine}). Ignored for phantoms, which get no planned orders
 * @param safetyStockSteps date-effective safety stock (dynamic safety stock): from each step's date
 *     on the safety stock is its quantity; before the first step it is {@code safetyStock}. Steps
 *     dated on or before the plan start set the level from the plan start, steps on or after the
 *     end of the horizon are ignored. Dates strictly increasing, quantities finite and &gt;= 0
 *     (checked by {@link MrpEngine}). Empty (or {@code null}): none. Ignored for phantoms
 */
public record PlanItem(
    long materialId,
    int leadTimeDays,
    LotSizing lotSizing,
    double fixedQuantity,
    int periodDays,
    double minimumQuantity,
    double maximumQuantity,
    double multipleQuantity,
    double safetyStock,
    double onHand,
    double yieldPercent,
    boolean phantom,
    int planningFenceDays,
    List<SafetyStockStep> safetyStockSteps) {

  /** Copies the steps; {@code null} means none. */
  public PlanItem {
    safetyStockSteps = safetyStockSteps == null ? List.of() : List.copyOf(safetyStockSteps);
  }

  /** An item without safety-stock steps (the safety stock is {@code safetyStock} throughout). */
  public PlanItem(
      long materialId,
      int leadTimeDays,
      LotSizing lotSizing,
      double fixedQuantity,
      int periodDays,
      double minimumQuantity,
      double maximumQuantity,
      double multipleQuantity,
      double safetyStock,
      double onHand,
      double yieldPercent,
      boolean phantom,
      int planningFenceDays) {
    this(
        materialId,
        leadTimeDays,
        lotSizing,
        fixedQuantity,
        periodDays,
        minimumQuantity,
        maximumQuantity,
        multipleQuantity,
        safetyStock,
        onHand,
        yieldPercent,
        phantom,
        planningFenceDays,
        List.of());
  }

  /** An item without planning time fence ({@code planningFenceDays} 0). */
  public PlanItem(
      long materialId,
      int leadTimeDays,
      LotSizing lotSizing,
      double fixedQuantity,
      int periodDays,
      double minimumQuantity,
      double maximumQuantity,
      double multipleQuantity,
      double safetyStock,
      double onHand,
      double yieldPercent,
      boolean phantom) {
    this(
        materialId,
        leadTimeDays,
        lotSizing,
        fixedQuantity,
        periodDays,
        minimumQuantity,
        maximumQuantity,
        multipleQuantity,
        safetyStock,
        onHand,
        yieldPercent,
        phantom,
        0);
  }
}
