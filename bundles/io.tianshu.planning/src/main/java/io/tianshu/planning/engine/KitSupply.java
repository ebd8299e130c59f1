package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * An incoming supply of a component for kitting: an open purchase or production order, expected on
 * {@code date}. A supply dated before the analysis date is overdue and counts as arriving on the
 * analysis date.
 *
 * @param materialId the material supplied
 * @param date the expected receipt date
 * @param quantity the open quantity, finite and not negative
 * @param reference free text naming the supply, e.g. the purchase order number; may be null
 */
public record KitSupply(long materialId, LocalDate date, double quantity, String reference) {

  /** Checks the date and the quantity. */
  public KitSupply {
    if (date == null) {
      throw new IllegalArgumentException(
          "kit supply "
              + reference
              + " of material "
              + materialId
              + ": date is required / 齐套供应 "
              + reference
              + "（物料 "
              + materialId
              + "）：日期必填");
    }
    if (!Double.isFinite(quantity) || quantity < 0) {
      throw new IllegalArgumentException(
          "kit supply "
              + reference
              + " of material "
              + materialId
              + ": quantity must be finite and >= 0, was "
              + quantity
              + " / 齐套供应 "
              + reference
              + "（物料 "
              + materialId
              + "）：数量必须为有限非负数，实际为 "
              + quantity);
    }
  }
}
