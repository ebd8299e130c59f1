package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Order to delivery (订单跟踪): for each line of a sales order, the work orders made for it with their
 * operations, what went into stock and what was shipped, the date it can be expected, and warnings:
 * NO_SUPPLY (open, nothing made or shipped for it), LATE (an open work order is due after the
 * requested date), OVERDUE (an open work order is past its due date), SHORT (work orders cover less
 * than the line).
 */
public record OrderTracking(long plantId, String orderNo, List<Line> lines) {
  /** One sales order line and its chain. */
  public record Line(
      long salesOrderLineId,
      int lineNo,
      String customer,
      long materialId,
      String materialCode,
      LocalDate requestedDate,
      BigDecimal quantity,
      String status,
      List<WorkOrder> workOrders,
      BigDecimal completed,
      BigDecimal shipped,
      LocalDate expectedDate,
      List<String> warnings) {}
}
