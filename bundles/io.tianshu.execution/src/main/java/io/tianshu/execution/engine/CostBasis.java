package io.tianshu.execution.engine;

/**
 * Which price the caller used for a material issue's unit cost. The engine takes the unit cost as
 * given; the basis is carried through so that the result can show how much of the material cost was
 * priced at standard and how much at moving average.
 */
public enum CostBasis {
  /** Unit cost is the material's standard price. */
  STANDARD,
  /** Unit cost is the moving average price at the time of issue. */
  MOVING_AVERAGE
}
