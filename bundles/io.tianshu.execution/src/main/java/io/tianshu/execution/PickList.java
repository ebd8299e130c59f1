package io.tianshu.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an order still needs of each component (required less issued), with the lots to pick first
 * in first out from the order's issue location, and the part no lot covers.
 */
public record PickList(long workOrderId, String workOrderCode, Long locationId, List<Line> lines) {
  /** One component line. */
  public record Line(
      long componentId,
      long materialId,
      String materialCode,
      BigDecimal required,
      BigDecimal issued,
      BigDecimal open,
      boolean backflush,
      List<Lot> lots,
      BigDecimal shortage) {}

  /** A lot to pick. */
  public record Lot(String lot, BigDecimal quantity) {}
}
