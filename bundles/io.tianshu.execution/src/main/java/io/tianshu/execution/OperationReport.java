package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An accepted report. {@code completedQuantity} is what it put into stock (good output of the last
 * operation); {@code duplicate} is true when this call repeated a key already reported, in which
 * case nothing was changed and the first report is returned. {@code part} is the part of a split
 * operation it was for (null: the unsplit rest).
 */
public record OperationReport(
    long id,
    long plantId,
    String reportKey,
    long workOrderId,
    int operationSeq,
    BigDecimal good,
    BigDecimal scrap,
    BigDecimal rework,
    boolean fromRework,
    BigDecimal completedQuantity,
    String reasonCode,
    String station,
    String operator,
    String shift,
    Instant workStartedAt,
    Instant workEndedAt,
    Instant reportedAt,
    String username,
    boolean duplicate,
    Integer part) {

  /** A report for no particular part (the shape before 0.4). */
  public OperationReport(
      long id,
      long plantId,
      String reportKey,
      long workOrderId,
      int operationSeq,
      BigDecimal good,
      BigDecimal scrap,
      BigDecimal rework,
      boolean fromRework,
      BigDecimal completedQuantity,
      String reasonCode,
      String station,
      String operator,
      String shift,
      Instant workStartedAt,
      Instant workEndedAt,
      Instant reportedAt,
      String username,
      boolean duplicate) {
    this(
        id,
        plantId,
        reportKey,
        workOrderId,
        operationSeq,
        good,
        scrap,
        rework,
        fromRework,
        completedQuantity,
        reasonCode,
        station,
        operator,
        shift,
        workStartedAt,
        workEndedAt,
        reportedAt,
        username,
        duplicate,
        null);
  }
}
