package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A report from the floor. {@code reportKey} is the client's own id for the report (a scanner's
 * message id, a PLC counter's sequence): sending the same key again returns the first report and
 * changes nothing. {@code fromRework} reports units that were held for rework at the operation.
 * {@code part} names the part of a split operation the report is for (null: its unsplit rest).
 * {@code serials} (optional) makes the product receipt of a last-operation report serialized: one
 * unit per good unit received, with what went into each (see {@link SerialUnitInput}).
 */
public record OperationReportInput(
    String reportKey,
    Long workOrderId,
    Integer operationSeq,
    BigDecimal good,
    BigDecimal scrap,
    BigDecimal rework,
    Boolean fromRework,
    String reasonCode,
    String station,
    String operator,
    String shift,
    Instant workStartedAt,
    Instant workEndedAt,
    Integer part,
    java.util.List<SerialUnitInput> serials) {

  /** A report for no particular part and without serials (the shape before 0.4). */
  public OperationReportInput(
      String reportKey,
      Long workOrderId,
      Integer operationSeq,
      BigDecimal good,
      BigDecimal scrap,
      BigDecimal rework,
      Boolean fromRework,
      String reasonCode,
      String station,
      String operator,
      String shift,
      Instant workStartedAt,
      Instant workEndedAt) {
    this(
        reportKey,
        workOrderId,
        operationSeq,
        good,
        scrap,
        rework,
        fromRework,
        reasonCode,
        station,
        operator,
        shift,
        workStartedAt,
        workEndedAt,
        null,
        null);
  }
}
