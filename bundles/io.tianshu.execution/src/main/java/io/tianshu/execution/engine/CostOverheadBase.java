package io.tianshu.execution.engine;

/**
 * What an overhead rule's rate is applied to. For the hour bases the rule's rate is money per hour;
 * for the cost bases it is a percentage (150 means 150 %).
 */
public enum CostOverheadBase {
  /** Labour hours (sum of labour minutes / 60); rate per hour. */
  LABOUR_HOURS(true),
  /** Machine hours (sum of machine minutes / 60); rate per hour. */
  MACHINE_HOURS(true),
  /** Labour cost; rate in percent. */
  LABOUR_COST(false),
  /** Material cost (net of returns); rate in percent. */
  MATERIAL_COST(false),
  /** Direct cost = material + labour + machine cost; rate in percent. */
  DIRECT_COST(false);

  private final boolean hours;

  CostOverheadBase(boolean hours) {
    this.hours = hours;
  }

  /**
   * Whether the base is measured in hours (rate per hour) rather than money (rate in percent).
   *
   * @return true for the hour bases
   */
  public boolean hours() {
    return hours;
  }
}
