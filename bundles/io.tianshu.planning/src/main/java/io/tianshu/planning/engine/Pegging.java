package io.tianshu.planning.engine;

/**
 * One supply–demand link: {@code quantity} of the supply covers that much of the demand. Within a
 * material, demands take supplies first come, first served: demands by date (on one date
 * independent demands in input order, then dependent demands, then safety stock) against on-hand,
 * then receipts by date, then {@link #CO_PRODUCT co-product receipts} by date (then the producing
 * order's id) but each only for demands dated on or after its date, then planned orders by due
 * date. Safety stock released by a decrease of a date-effective safety stock ({@link
 * PlanItem#safetyStockSteps()}) is {@link #ON_HAND} with the step's 1-based position as supplyId,
 * available from the step's date on for demands dated on or after it only (on one date before
 * co-product receipts); each increase is a {@link #SAFETY_STOCK} demand on the step's date (after
 * that date's other demands) with the step's position as demandId. What of a co-product receipt or
 * of released safety stock no demand takes stays as stock, unpegged. A {@link
 * PlanDemand#makeToOrder() make-to-order} demand is the exception: it has one row, its own planned
 * order covering its full quantity, and that order covers nothing else; a material's make-to-order
 * rows come before its other rows, in planned-order id order. Quantities are in good output units.
 *
 * @param supplyId 0 for {@link #ON_HAND} (the step's 1-based position in {@link
 *     PlanItem#safetyStockSteps()} for released safety stock), the {@link PlanReceipt#id()} for
 *     {@link #RECEIPT}, the {@link PlannedOrder#id()} for {@link #PLANNED}, the producing (parent)
 *     planned order's id for {@link #CO_PRODUCT}
 * @param supplyKind {@link #ON_HAND}, {@link #RECEIPT}, {@link #CO_PRODUCT} or {@link #PLANNED}
 * @param demandId the {@link PlanDemand#id()} for {@link #DEMAND}, the parent planned order's id
 *     for {@link #DEPENDENT}, 0 for {@link #SAFETY_STOCK} on the plan start, the step's 1-based
 *     position in {@link PlanItem#safetyStockSteps()} for an increase
 * @param demandKind {@link #DEMAND}, {@link #DEPENDENT} or {@link #SAFETY_STOCK}. Requirements
 *     passed through a phantom keep the kind and id of the phantom requirement they come from
 * @param materialId the material of supply and demand
 * @param quantity the quantity linked, &gt; 0
 */
public record Pegging(
    long supplyId,
    String supplyKind,
    long demandId,
    String demandKind,
    long materialId,
    double quantity) {

  /**
   * Supply from on-hand stock (supplyId 0), or safety stock released by a decrease of a
   * date-effective safety stock (supplyId the step's 1-based position).
   */
  public static final String ON_HAND = "ON_HAND";

  /** Supply from a scheduled receipt. */
  public static final String RECEIPT = "RECEIPT";

  /**
   * Supply from a co- or by-product ({@link PlanOutput}) of another material's planned order, whose
   * id is supplyId: available from that order's due date on, for demands dated on or after it only.
   */
  public static final String CO_PRODUCT = "CO_PRODUCT";

  /** Supply from a planned order. */
  public static final String PLANNED = "PLANNED";

  /** An independent demand ({@link PlanDemand}). */
  public static final String DEMAND = "DEMAND";

  /** Dependent demand from the parent planned order whose id is demandId. */
  public static final String DEPENDENT = "DEPENDENT";

  /**
   * The safety stock requirement at the plan start (demandId 0) or of an increase of a
   * date-effective safety stock (demandId the step's 1-based position).
   */
  public static final String SAFETY_STOCK = "SAFETY_STOCK";
}
