package io.tianshu.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * One material issued for several released work orders of a plant in one go (合并发料). {@code
 * locationId}: where all of it comes from; null: each order's own issue location. Per order an
 * explicit {@code quantity}, or null for what the order still needs (required less issued over its
 * lines of the material that are not backflushed). {@code issueKey} makes a retry a no-op.
 */
public record MergedIssueInput(
    String issueKey, Long materialId, Long locationId, List<Order> orders) {
  /** An order of the merged issue. */
  public record Order(Long workOrderId, BigDecimal quantity) {}
}
