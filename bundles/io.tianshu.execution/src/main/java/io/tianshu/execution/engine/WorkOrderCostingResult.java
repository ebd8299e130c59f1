package io.tianshu.execution.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The actual cost of a work order, its allocation to the outputs and its variances. Money at scale
 * 2, unit costs at scale {@value WorkOrderCosting#UNIT_COST_SCALE}.
 *
 * @param workOrderId work order
 * @param actual actual cost by element
 * @param materialByBasis actual material cost split by the price basis of the issues (sums to
 *     {@code actual.material()})
 * @param byProductCredit total by-product credit
 * @param jointCost {@code actual.total() - byProductCredit}, the amount allocated
 * @param allocations main product first, then co-products in input order; allocated costs sum to
 *     {@code jointCost} exactly
 * @param standard standard cost of the main product's good quantity, by element
 * @param variances variances; {@code variances.total() == actual.total() - standard.total()}
 */
public record WorkOrderCostingResult(
    String workOrderId,
    CostElements actual,
    Map<CostBasis, BigDecimal> materialByBasis,
    BigDecimal byProductCredit,
    BigDecimal jointCost,
    List<CostAllocation> allocations,
    CostElements standard,
    CostVariances variances) {

  /** Copies the collections. */
  public WorkOrderCostingResult {
    materialByBasis = Map.copyOf(materialByBasis);
    allocations = List.copyOf(allocations);
  }

  /**
   * Total variance, actual - standard.
   *
   * @return {@code variances.total()}
   */
  public BigDecimal totalVariance() {
    return variances.total();
  }
}
