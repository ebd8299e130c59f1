package io.tianshu.execution.engine;

/** How the joint cost (after the by-product credit) is shared between main and co-products. */
public enum CostAllocationMethod {
  /**
   * Fixed ratio: each output's weight is quantity x equivalence factor (the main product usually
   * has factor 1).
   */
  EQUIVALENCE_FACTOR,
  /** Relative sales value at split-off: each output's weight is quantity x unit sales value. */
  RELATIVE_SALES_VALUE
}
