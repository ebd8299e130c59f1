package io.tianshu.execution;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Work orders and the floor's reports. Plant-scoped: viewers read; operators report, dispatch,
 * start, pause and skip; planners create, release, split, complete, close and cancel. Every write
 * is one transaction with its stock movements and audit rows.
 */
public interface ExecutionService {
  Page<WorkOrder> list(
      CallerContext caller,
      Long plantId,
      WorkOrderStatus status,
      Long materialId,
      PageRequest page);

  WorkOrder get(CallerContext caller, long id);

  /**
   * The order with the code in the plant (exact code), with its operations; empty when there is
   * none. VIEWER in the plant (a plant the caller cannot read is not found).
   */
  Optional<WorkOrder> findByCode(CallerContext caller, long plantId, String code);

  /**
   * The operations STARTED at a station (station code, case-insensitive) or, when {@code station}
   * is null, at a work centre ({@code workCenterId}, which is ignored when a station is given), in
   * orders RELEASED or STARTED of a plant; most recently started first. At a station this includes
   * each part of a STARTED split operation (工序分割) that is dispatched to the station and still has
   * work in progress, with its {@link RunningOperation#part()}, wherever the operation itself is
   * dispatched. One of station and work centre is required. VIEWER in the plant.
   */
  List<RunningOperation> runningOperations(
      CallerContext caller, long plantId, String station, Long workCenterId);

  /** A PLANNED order, made by hand or from a planning receipt ({@code receiptId}). */
  WorkOrder create(CallerContext caller, WorkOrderInput input);

  /**
   * Orders from planning's released PRODUCTION receipts (released planned orders), one each, with
   * the receipt's quantity and due date; a receipt that already has an order is refused.
   */
  List<WorkOrder> createFromReceipts(
      CallerContext caller,
      long plantId,
      List<Long> receiptIds,
      Long issueLocationId,
      Long receiveLocationId);

  /**
   * Releases a PLANNED order: copies the BOM and routing in effect on its start date into the
   * order. An order without a routing gets one operation 10.
   */
  WorkOrder release(CallerContext caller, long id, long version);

  /** Splits {@code quantity} not yet worked at the first operation off into a new order. */
  WorkOrder split(CallerContext caller, long id, BigDecimal quantity, long version);

  /** Completes an order that has not made its whole quantity (forced completion), with a reason. */
  WorkOrder complete(CallerContext caller, long id, String reason, long version);

  WorkOrder close(CallerContext caller, long id, long version);

  WorkOrder cancel(CallerContext caller, long id, long version);

  /** Sets station, operator and shift of an operation (any may be null: unchanged). */
  WorkOrder dispatch(
      CallerContext caller, long id, int seq, String station, String operator, String shift);

  /** START, PAUSE or SKIP an operation; skipping needs a planner. */
  WorkOrder operationAction(CallerContext caller, long id, int seq, String action);

  /**
   * Records a report: quantities through the routing, backflush of the components of that
   * operation, and at the last operation the receipt of good product into stock with its genealogy.
   * Idempotent by {@code reportKey}.
   */
  OperationReport report(CallerContext caller, OperationReportInput input);

  Page<OperationReport> reports(CallerContext caller, long workOrderId, PageRequest page);

  /** Traces a lot up to {@code levels} levels (1..20) in the caller's readable plants. */
  LotTrace trace(
      CallerContext caller, long materialId, String lot, TraceDirection direction, int levels);

  /**
   * Traces a serial unit of a material up to {@code levels} levels (1..20) in the caller's readable
   * plants, over serial and lot genealogy (see {@link SerialTrace}).
   */
  SerialTrace traceSerial(
      CallerContext caller, long materialId, String serial, TraceDirection direction, int levels);

  /**
   * Sends work in progress of an operation to a supplier (委外发出); it stays the operation's work in
   * progress, held at the supplier. Operator; idempotent by key.
   */
  WorkOrder outsourceSend(CallerContext caller, long id, int seq, OutsourcingInput input);

  /**
   * Receives work back from the supplier (委外收回) as good and scrap of the operation, or of the
   * consecutive operations up to {@code throughSeq}; components of those operations are backflushed
   * and, past the last operation, the product received. The fee is recorded.
   */
  WorkOrder outsourceReceive(CallerContext caller, long id, int seq, OutsourcingInput input);

  /** What each supplier holds of the plant's open orders, with fees. */
  java.util.List<OutsourcedWork> outsourcedWork(CallerContext caller, long plantId);

  /**
   * Order to delivery: the chain of one sales order (its lines from planning, the work orders whose
   * sales order reference is the order or one of its lines, their operations, stock received and
   * shipped with the order as reference) with delay warnings.
   */
  OrderTracking track(CallerContext caller, long plantId, String orderNo);

  /** Moves an order to another line (any of its operations' station assignments stay). */
  WorkOrder transferLine(CallerContext caller, long id, String lineCode, long version);

  /**
   * Merges PLANNED orders of one material into one BATCH order (合批) of their total quantity,
   * starting and due with the earliest of them; the merged orders are cancelled and point to it.
   */
  WorkOrder merge(CallerContext caller, List<Long> ids);

  /**
   * Line plans: the plant's open orders by line, start day and shift (of their first operation),
   * from {@code from} to {@code to} inclusive; {@code line} null for all lines.
   */
  List<LinePlanEntry> linePlan(
      CallerContext caller,
      long plantId,
      java.time.LocalDate from,
      java.time.LocalDate to,
      String line);

  /**
   * Changes or adds a line of a released or started order's BOM (the copy made at release), audited
   * with before and after; the required quantity follows the order quantity. Planner.
   */
  WorkOrder editComponent(CallerContext caller, long id, ComponentInput input);

  /**
   * Changes an operation of a released or started order's routing (the copy made at release):
   * description, work centre, setup and run minutes, outsourced. Audited with before and after.
   * Planner.
   */
  WorkOrder changeOperation(CallerContext caller, long id, int seq, OperationInput input);

  /**
   * Inserts an operation into the order routing by its {@code seq}. Allowed before an operation
   * that has not begun (no reports, not started): what waits there moves to the new operation; at
   * the end only while no product has left the last operation. Planner.
   */
  WorkOrder insertOperation(CallerContext caller, long id, OperationInput input);

  /**
   * Removes an operation that has received nothing (no reports, no work in progress; one with
   * history is skipped instead). Components assigned to it move to the operation after it, or to
   * the one before when it was the last. Planner.
   */
  WorkOrder removeOperation(CallerContext caller, long id, int seq, long version);

  /**
   * Splits work in progress of an operation into parts (工序分割) dispatched to their own station,
   * operator and shift, each then reported on its own ({@link OperationReportInput#part()}). The
   * parts and the unsplit rest always add up to the operation. Operator; audited as
   * OPERATION_SPLIT.
   */
  WorkOrder splitOperation(CallerContext caller, long id, int seq, OperationSplitInput input);

  /**
   * Merges parts of an operation back (合并) into its unsplit rest or into one part. Operator;
   * audited as OPERATION_MERGE.
   */
  WorkOrder mergeOperation(CallerContext caller, long id, int seq, OperationMergeInput input);
}
