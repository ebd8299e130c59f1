package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * An order loading capacity: a planned order from MRP or an open production order, see {@link
 * CapacityEngine}.
 *
 * @param orderId the order, reported back in the lists of {@link CapacityReport}
 * @param materialId the material made, selects the routing (or the bill of resources)
 * @param releaseDate the planned start (MRP release date); not used for scheduling, only compared
 *     with the backward-scheduled start
 * @param dueDate the date the order must be finished
 * @param quantity the quantity to make, finite and not negative
 * @param kind free text, e.g. {@code "PLANNED"} or {@code "OPEN"}; may be null, not interpreted
 */
public record LoadOrder(
    long orderId,
    long materialId,
    LocalDate releaseDate,
    LocalDate dueDate,
    double quantity,
    String kind) {

  /** Checks the dates and the quantity. */
  public LoadOrder {
    if (releaseDate == null || dueDate == null) {
      throw new IllegalArgumentException(
          "load order "
              + orderId
              + ": releaseDate and dueDate are required / 负荷订单 "
              + orderId
              + "：下达日期和完工日期必填");
    }
    if (!Double.isFinite(quantity) || quantity < 0) {
      throw new IllegalArgumentException(
          "load order "
              + orderId
              + ": quantity must be finite and >= 0, was "
              + quantity
              + " / 负荷订单 "
              + orderId
              + "：数量必须为有限非负数，实际为 "
              + quantity);
    }
  }
}
