package io.tianshu.planning;

import java.time.LocalDate;
import java.util.List;

/** The materials whose planned orders differ between two runs of one plant. */
public record PlanComparison(long runId, long otherRunId, List<Row> differences) {

  /** Planned totals of one material in both runs; first due dates null without orders. */
  public record Row(
      long plantId,
      long materialId,
      String materialCode,
      int orders,
      double quantity,
      LocalDate firstDue,
      int otherOrders,
      double otherQuantity,
      LocalDate otherFirstDue) {}
}
