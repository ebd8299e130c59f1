package io.tianshu.execution;

import java.util.List;

/**
 * A recorded issue or return, with the lot lines it posted to the stock ledger; {@code duplicate}
 * when this call repeated a key already used.
 */
public record MaterialIssue(
    long id, String issueKey, long workOrderId, String kind, List<Line> lines, boolean duplicate) {
  /** One posted line. */
  public record Line(
      long componentId,
      long materialId,
      long locationId,
      String lot,
      java.math.BigDecimal quantity) {}
}
