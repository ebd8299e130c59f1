package io.tianshu.execution;

import io.tianshu.execution.engine.CostAllocation;
import io.tianshu.execution.engine.CostElements;
import io.tianshu.execution.engine.CostVariances;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The actual cost of a work order (工单实际成本) against the standard cost of its good output, by
 * element, with variances (positive = unfavourable) and the allocation of the joint cost to main
 * and co-products. Money at scale 2.
 *
 * @param workOrderId order
 * @param workOrderCode its code
 * @param plantId its plant
 * @param orderStatus the order's status when computed
 * @param priceDate prices and the BOM outputs were taken as of this date (completion date, else the
 *     day computed)
 * @param mainQuantity good quantity of the main product (completed into stock)
 * @param timeSource REPORTED when every report of the order carried its work times, STANDARD when
 *     none did, MIXED otherwise (see {@link CostingService#compute})
 * @param labourMinutes actual labour minutes (time x crew)
 * @param machineMinutes actual machine minutes
 * @param standardLabourMinutes standard labour minutes for the good output
 * @param standardMachineMinutes standard machine minutes for the good output
 * @param actual actual cost by element
 * @param standard standard cost of the good output by element
 * @param materialAtStandard part of the actual material cost priced at standard
 * @param materialAtMovingAverage part priced at the (maintained) moving average
 * @param variances variances with per-material and per-rule detail
 * @param byProducts by-product credits
 * @param byProductCredit total by-product credit
 * @param jointCost actual total - by-product credit, allocated to main and co-products
 * @param allocations main product first, then co-products
 * @param notes what was assumed or missing (e.g. a material without a price)
 * @param stored whether this is the stored cost (else computed now, not kept)
 * @param computedAt when computed
 * @param computedBy who computed it
 */
public record WorkOrderCost(
    long workOrderId,
    String workOrderCode,
    long plantId,
    WorkOrderStatus orderStatus,
    LocalDate priceDate,
    BigDecimal mainQuantity,
    String timeSource,
    BigDecimal labourMinutes,
    BigDecimal machineMinutes,
    BigDecimal standardLabourMinutes,
    BigDecimal standardMachineMinutes,
    CostElements actual,
    CostElements standard,
    BigDecimal actualTotal,
    BigDecimal standardTotal,
    BigDecimal totalVariance,
    BigDecimal materialAtStandard,
    BigDecimal materialAtMovingAverage,
    CostVariances variances,
    List<ByProductCredit> byProducts,
    BigDecimal byProductCredit,
    BigDecimal jointCost,
    List<CostAllocation> allocations,
    List<String> notes,
    boolean stored,
    Instant computedAt,
    String computedBy) {

  /** Copies the lists. */
  public WorkOrderCost {
    byProducts = List.copyOf(byProducts);
    allocations = List.copyOf(allocations);
    notes = List.copyOf(notes);
  }

  /**
   * A by-product credited against the joint cost.
   *
   * @param materialId by-product
   * @param quantity quantity (BOM quantity per unit x good quantity)
   * @param unitCredit its standard price
   * @param credit quantity x unit credit, scale 2
   */
  public record ByProductCredit(
      long materialId, BigDecimal quantity, BigDecimal unitCredit, BigDecimal credit) {}
}
