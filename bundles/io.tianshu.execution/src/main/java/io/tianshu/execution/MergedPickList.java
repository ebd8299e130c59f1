package io.tianshu.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * What several orders still need, per material and issue location: the total, the lots to pick
 * first in first out for the whole, the part no lot covers, and each order's share (orders by start
 * date, then id). Only lines that are not backflushed count, as in a merged issue of what the
 * orders still need.
 */
public record MergedPickList(List<Long> workOrderIds, List<Line> lines) {
  /** One material at one location. */
  public record Line(
      long materialId,
      String materialCode,
      Long locationId,
      BigDecimal open,
      List<PickList.Lot> lots,
      BigDecimal shortage,
      List<OrderShare> orders) {}

  /** An order's part: what it needs, the lots it gets, its part of the shortage. */
  public record OrderShare(
      long workOrderId,
      String workOrderCode,
      BigDecimal open,
      List<PickList.Lot> lots,
      BigDecimal shortage) {}
}
