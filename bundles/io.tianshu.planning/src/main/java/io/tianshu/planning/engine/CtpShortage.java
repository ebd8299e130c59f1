package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * One material on the critical path of a {@link CtpResult}: its requirement could not be met on its
 * need date and became ready only on {@code readyDate}.
 *
 * @param materialId the material
 * @param quantity the quantity not available on the need date (to be made, bought or waited for),
 *     finite and not negative
 * @param readyDate the date the whole requirement of the material is ready
 * @param bottleneck for a made material whose date was set by capacity (the routing's work finished
 *     after the date its components and lead time give), the operation that waited longest for
 *     capacity; null otherwise, and always null without a capacity model
 */
public record CtpShortage(
    long materialId, double quantity, LocalDate readyDate, CtpBottleneck bottleneck) {

  /**
   * A shortage whose date was not set by capacity.
   *
   * @param materialId the material
   * @param quantity the quantity not available on the need date
   * @param readyDate the date the whole requirement of the material is ready
   */
  public CtpShortage(long materialId, double quantity, LocalDate readyDate) {
    this(materialId, quantity, readyDate, null);
  }

  /** Checks the quantity and the date. */
  public CtpShortage {
    if (!Double.isFinite(quantity) || quantity < 0) {
      throw new IllegalArgumentException(
          "CTP shortage of material "
              + materialId
              + ": quantity must be finite and >= 0, was "
              + quantity
              + " / CTP 物料 "
              + materialId
              + " 的缺口数量必须为有限非负数，实际为 "
              + quantity);
    }
    if (readyDate == null) {
      throw new IllegalArgumentException(
          "CTP shortage of material "
              + materialId
              + ": readyDate is required / CTP 物料 "
              + materialId
              + " 的缺口：就绪日期必填");
    }
  }
}
