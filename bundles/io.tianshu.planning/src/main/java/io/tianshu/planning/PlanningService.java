package io.tianshu.planning;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.time.LocalDate;
import java.util.List;

/**
 * Planning data and plan runs of a plant. Reads need the plant's VIEWER role, writes PLANNER; a
 * plant the caller cannot read is reported as not found.
 */
public interface PlanningService {
  PlanParameter putParameter(CallerContext caller, PlanParameterInput input);

  List<PlanParameter> parameters(CallerContext caller, long plantId, Long materialId);

  Forecast addForecast(CallerContext caller, ForecastInput input);

  List<Forecast> forecasts(CallerContext caller, long plantId, Long materialId);

  void deleteForecast(CallerContext caller, long id);

  /** Puts (replaces) a material group's forecast split in a plant. */
  ForecastSplit putForecastSplit(CallerContext caller, ForecastSplitInput input);

  /** A group's forecast split in a plant (no lines when it has none). */
  ForecastSplit forecastSplit(CallerContext caller, long plantId, long groupId);

  SalesOrder addSalesOrderLine(CallerContext caller, SalesOrderInput input);

  List<SalesOrder> salesOrders(CallerContext caller, long plantId, Long materialId);

  /** Closes an open line (delivered or cancelled): it is no longer demand. */
  SalesOrder closeSalesOrderLine(CallerContext caller, long id, long version);

  Receipt addReceipt(CallerContext caller, ReceiptInput input);

  /** Adds an allocation: stock promised to something planning does not make. */
  Allocation addAllocation(CallerContext caller, AllocationInput input);

  List<Allocation> allocations(CallerContext caller, long plantId, Long materialId);

  void deleteAllocation(CallerContext caller, long id);

  /** Creates or updates a plan type of a plant (see {@link PlanType}). */
  PlanType putPlanType(CallerContext caller, PlanTypeInput input);

  /** The plant's plan types: configured ones and the built-in MRP and MPS not overridden. */
  List<PlanType> planTypes(CallerContext caller, long plantId);

  /** Deletes a configured plan type (a built-in one then applies again under its code). */
  void deletePlanType(CallerContext caller, long plantId, String code);

  List<Receipt> receipts(CallerContext caller, long plantId, Long materialId);

  /**
   * Records a supplier's confirmation of a PURCHASE or REQUISITION receipt (confirmed quantity and
   * date, the supplier's reference) with its audit row in one transaction, joining the caller's
   * transaction when there is one. A confirmation that says what the receipt already carries
   * changes nothing. Planning keeps netting with the receipt's quantity and due date; a confirmed
   * date after the due date shows as {@link Receipt#late()}. Planner of the receipt's plant.
   */
  Receipt confirmReceipt(CallerContext caller, long receiptId, ConfirmationInput input);

  /**
   * Hands receipts over to orders of another domain: a released PRODUCTION receipt that became a
   * work order is supply from then on through {@link OpenOrderSource}, so the receipt is removed
   * (audited as TAKEN_OVER with {@code byReference}). Joins the caller's transaction when there is
   * one, so that the order and the hand-over commit or roll back together. Planner only.
   */
  void takeOverReceipts(
      CallerContext caller, long plantId, List<Long> receiptIds, String byReference);

  /** Starts a run in the background and returns it RUNNING; poll {@link #run} for progress. */
  PlanRun startRun(CallerContext caller, PlanRunRequest request);

  PlanRun run(CallerContext caller, long id);

  List<PlanRun> runs(CallerContext caller, long plantId);

  /** Asks a running run to stop; it ends CANCELLED with nothing saved. */
  PlanRun cancelRun(CallerContext caller, long id);

  /**
   * Firms (FIRMED) or releases (RELEASED) a simulated run; releasing makes the plant's previously
   * released run of the same plan type FIRMED again. {@code version} is the version last read.
   */
  PlanRun setRunStatus(CallerContext caller, long id, String status, long version);

  /**
   * Releases planned orders of a FIRMED or RELEASED run as scheduled receipts in one transaction:
   * PRODUCTION for made, REQUISITION for bought, TRANSFER for transferred items; orders of one
   * material due within {@code mergeDays} of the first are merged into one receipt (see {@link
   * io.tianshu.planning.engine.OrderMerge}). Each planned order is released once; what the next run
   * plans counts the receipts as supply.
   */
  List<Receipt> releaseOrders(CallerContext caller, long runId, OrderRelease request);

  /**
   * Which planned orders to release: of a plant of the run (null: the run's plant), optionally one
   * material, the listed order ids, those released on or before a date; merge window in days (null:
   * 0, the same due date).
   */
  record OrderRelease(
      Long plantId,
      Long materialId,
      List<Long> orderIds,
      LocalDate releaseUntil,
      Integer mergeDays) {}

  /** Deletes a finished run that is not released, with its results. */
  void deleteRun(CallerContext caller, long id);

  Page<PlanOrder> plannedOrders(
      CallerContext caller, long runId, Long materialId, PageRequest page);

  /** Pegging of a material in a plant of the run (null: the run's plant). */
  List<PlanPegging> pegging(CallerContext caller, long runId, Long plantId, long materialId);

  Page<PlanMessage> messages(CallerContext caller, long runId, String kind, PageRequest page);

  PlanComparison compare(CallerContext caller, long runId, long otherRunId);

  /** The earliest date {@code quantity} of the material can be promised, from {@code date} on. */
  default Promise promise(
      CallerContext caller, long plantId, long materialId, double quantity, LocalDate date) {
    return promise(caller, plantId, materialId, quantity, date, null);
  }

  /**
   * {@link #promise(CallerContext, long, long, double, LocalDate)} for a change of the open order
   * line {@code changedLineId} (left out of the committed orders; null for a new line). When the
   * quantity cannot be promised on the date, the answer also lists the committed lines that giving
   * it on that date anyway would leave short ({@code displaces}).
   */
  Promise promise(
      CallerContext caller,
      long plantId,
      long materialId,
      double quantity,
      LocalDate date,
      Long changedLineId);

  /**
   * Kitting of the plant's open sales order lines (source SALES_ORDER, by requested date and
   * priority; components needed on the requested date) or of a run's planned orders (source
   * PLANNED_ORDER with {@code runId}, by release date; components needed on the release date), of
   * one material or all. Components are the single-level BOM in effect on {@code date}; an item
   * without a BOM is its own component (shipped from stock). Source WORK_ORDER kits the open work
   * orders of {@link OpenOrderSource}s: what their order BOMs still need, on their start dates.
   * Stock now is AVAILABLE stock, incoming supply the scheduled receipts and open work orders.
   */
  KitReport kitting(
      CallerContext caller,
      long plantId,
      String source,
      Long runId,
      Long materialId,
      LocalDate date);

  /**
   * Turns the shortages of {@link #kitting} into purchase requisitions in one step: one scheduled
   * receipt of kind REQUISITION per short material, due on the earliest need date, in one
   * transaction. Requisitions count as supply in later analyses, so a second call adds nothing.
   */
  List<Receipt> createRequisitions(
      CallerContext caller,
      long plantId,
      String source,
      Long runId,
      Long materialId,
      LocalDate date);

  /**
   * Capacity load of a run's planned orders through the routings in effect on the plan start
   * (backward infinite loading), per work centre and bucket of {@code bucketDays} (0: the run's
   * bucket), with overloads.
   */
  io.tianshu.planning.engine.CapacityReport capacity(
      CallerContext caller, long runId, int bucketDays);

  /**
   * Rough-cut capacity of a run's planned orders of MPS items: each order's load is its quantity
   * times the item's bill of resources (run minutes per unit, per work centre, of the item's
   * routing and of every component's routing through the BOM in effect on the plan start), in the
   * bucket of its due date.
   */
  io.tianshu.planning.engine.CapacityReport roughCut(
      CallerContext caller, long runId, int bucketDays);

  /**
   * Capable-to-promise for the lines of an order, in one call: what stock, receipts and the
   * released (else firmed) plan leave free covers a line at its date; a shortfall is made through
   * the BOM in effect today or bought, on the lead times and the plant calendar (see {@link
   * io.tianshu.planning.engine.CtpEngine}). Lines are promised in order: an earlier line keeps what
   * it took.
   */
  List<io.tianshu.planning.engine.CtpResult> capableToPromise(
      CallerContext caller, long plantId, List<PromiseLine> lines);

  /** One line to promise: quantity of a material wanted on a date (null: today). */
  record PromiseLine(Long materialId, Double quantity, LocalDate date) {}

  /**
   * The time-phased record of a material in a run (plant null: the run's plant), in buckets of
   * {@code bucketDays} (0: the run's bucket).
   */
  PlanGrid grid(CallerContext caller, long runId, Long plantId, long materialId, int bucketDays);

  /** A run's results in the exchange format (plants and materials by code). */
  PlanExport export(CallerContext caller, long runId);
}
