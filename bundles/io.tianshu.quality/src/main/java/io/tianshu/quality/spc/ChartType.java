package io.tianshu.quality.spc;

/** The kind of statistic a {@link ControlChart} plots. */
public enum ChartType {
  /** Subgroup means (with an R or S chart). */
  XBAR,
  /** Subgroup ranges. */
  RANGE,
  /** Subgroup standard deviations. */
  STANDARD_DEVIATION,
  /** Individual values. */
  INDIVIDUALS,
  /** Moving ranges of two consecutive individuals. */
  MOVING_RANGE,
  /** Proportion defective. */
  P,
  /** Number defective, constant sample size. */
  NP,
  /** Number of defects, constant area of opportunity. */
  C,
  /** Defects per unit, variable number of units. */
  U;

  /**
   * Whether the plotted statistic can never be negative (the lower control limit is then clipped at
   * 0).
   *
   * @return true unless the statistic is a mean or an individual value
   */
  public boolean nonNegative() {
    return this != XBAR && this != INDIVIDUALS;
  }
}
