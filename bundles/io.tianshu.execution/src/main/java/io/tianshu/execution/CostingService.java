package io.tianshu.execution;

import io.tianshu.core.CallerContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Actual cost of work orders (工单成本核算). Plant-scoped: planners maintain prices, work centre rates
 * and overhead rules and store costs; viewers read. The arithmetic is {@link
 * io.tianshu.execution.engine.WorkOrderCosting}'s.
 */
public interface CostingService {

  /** Adds or replaces (same plant, material and start) a material price. PLANNER. */
  MaterialPrice setMaterialPrice(CallerContext caller, MaterialPriceInput input);

  /**
   * Prices of a plant, of one material when {@code materialId} is given, only those in effect on
   * {@code date} when it is given. VIEWER.
   */
  List<MaterialPrice> materialPrices(
      CallerContext caller, long plantId, Long materialId, LocalDate date);

  /** Sets the rates of a work centre (of the plant it belongs to). PLANNER. */
  WorkCenterRate setWorkCenterRate(CallerContext caller, WorkCenterRateInput input);

  /** Rates of the work centres of a plant. VIEWER. */
  List<WorkCenterRate> workCenterRates(CallerContext caller, long plantId);

  /** Replaces the overhead rules of a plant. PLANNER. */
  List<OverheadRule> setOverheadRules(CallerContext caller, OverheadRulesInput input);

  /** The overhead rules of a plant. VIEWER. */
  List<OverheadRule> overheadRules(CallerContext caller, long plantId);

  /**
   * Computes the actual cost of a released (or later) order now, without keeping it. VIEWER.
   *
   * <ul>
   *   <li>Material: the order's stock movements in the ledger (references = the order code + "/" +
   *       operation for backflush, or the code itself): issues of a material other than the product
   *       add, receipts of it (returns) subtract; each priced at its moving average price when one
   *       is maintained (basis MOVING_AVERAGE), else at standard, as of the price date.
   *   <li>Time per report: work ended - work started when the report gives both, else the
   *       operation's standard run minutes x (good + scrap + rework) of the report; plus the
   *       operation's standard setup minutes once when none of its reports gave times. Machine
   *       minutes = time, labour minutes = time x crew size; rates of the operation's work centre.
   *   <li>Standard for the good quantity Q of the product: order BOM quantity per unit with its
   *       planned scrap x Q at standard prices; setup + run minutes x Q per operation at the work
   *       centre rates; overhead at the rules' standard rates.
   *   <li>Co- and by-products: the BOM's outputs in effect on the price date, quantity per unit x
   *       Q. The joint cost is shared by the BOM's cost share percentages; by-products are credited
   *       at their standard price.
   * </ul>
   */
  WorkOrderCost compute(CallerContext caller, long workOrderId);

  /**
   * Computes and stores the cost (replacing a stored one). A CLOSED order's stored cost is final:
   * refused with a conflict. PLANNER. Closing an order or completing it by force stores its cost
   * automatically.
   */
  WorkOrderCost computeAndStore(CallerContext caller, long workOrderId);

  /** The stored cost of an order, if any. VIEWER. */
  Optional<WorkOrderCost> stored(CallerContext caller, long workOrderId);
}
