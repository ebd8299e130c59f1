package io.tianshu.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Defects recorded on a plant's inspection lots, summed per category, largest first (ties by key).
 *
 * @param plantId the plant
 * @param from first day of lot creation, or null
 * @param to last day, or null
 * @param by CHARACTERISTIC, SUPPLIER, MATERIAL, SOURCE or MONTH
 * @param total defects in all
 * @param rows categories with defects
 */
public record DefectPareto(
    long plantId, LocalDate from, LocalDate to, String by, long total, List<Row> rows) {

  /**
   * A category.
   *
   * @param key characteristic code, supplier, material id, source or month (yyyy-MM)
   * @param label characteristic name, supplier, material code, source or month
   * @param defects defects in the category
   * @param share defects / total, 4 decimals
   * @param cumulativeShare running share up to this row, 4 decimals
   */
  public record Row(
      String key, String label, long defects, BigDecimal share, BigDecimal cumulativeShare) {}
}
