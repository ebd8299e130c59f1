package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A report from the floor. {@code reportKey} is the client's own id for the report (a scanner's
 * message id, a PLC counter's sequence): sending the same key again returns the first report and
 * changes nothing. {@code fromRework} reports units that were held for rework at the operation.
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
    java.util.List<SerialUnitInput> serials) {}
