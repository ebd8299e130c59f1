package io.tianshu.planning.engine;

/**
 * How {@link MrpEngine} turns a net requirement into planned order quantities. Minimum, multiple
 * and maximum of the {@link PlanItem} apply on top of every rule.
 */
public enum LotSizing {
  /** Order exactly the net requirement of the day. */
  LOT_FOR_LOT,
  /** Order {@link PlanItem#fixedQuantity()}, as many orders as needed to cover the requirement. */
  FIXED_QUANTITY,
  /**
   * Order the net requirements of {@link PlanItem#periodDays()} calendar days, starting with the
   * day of the net requirement.
   */
  PERIOD_ORDER_QUANTITY
}
