package io.tianshu.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Inspection lot statistics of a plant, per group and in total. Lots count by their creation day
 * (UTC). {@code inspected}: lots with results; {@code accepted}/{@code rejected}: usage decisions;
 * {@code passRate} = accepted / decided; {@code firstPass}: decided lots accepted as judged from
 * their results (no decision against the judgement) and never put on an SPC hold; {@code
 * firstPassYield} = firstPass / decided. This is the first-pass yield of inspection lots, not of
 * operations (work-order reports are not read).
 *
 * @param plantId the plant
 * @param from first day, or null
 * @param to last day, or null
 * @param groupBy SUPPLIER, MATERIAL, SOURCE or MONTH
 * @param rows one per group, by key
 * @param total all lots
 */
public record QualityStatistics(
    long plantId, LocalDate from, LocalDate to, String groupBy, List<Row> rows, Row total) {

  /**
   * One group.
   *
   * @param key supplier code, material id, source or month (yyyy-MM)
   * @param label supplier code, material code, source or month
   * @param inspected lots with results
   * @param decided lots decided
   * @param accepted lots accepted
   * @param rejected lots rejected
   * @param passRate accepted / decided, 4 decimals, null when none decided
   * @param firstPass lots accepted first time
   * @param firstPassYield firstPass / decided, 4 decimals, null when none decided
   */
  public record Row(
      String key,
      String label,
      long inspected,
      long decided,
      long accepted,
      long rejected,
      BigDecimal passRate,
      long firstPass,
      BigDecimal firstPassYield) {}
}
