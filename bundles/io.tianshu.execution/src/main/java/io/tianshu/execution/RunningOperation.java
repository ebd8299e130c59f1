package io.tianshu.execution;

import java.time.Instant;

/**
 * An operation STARTED at a station or work centre ({@link ExecutionService#runningOperations}):
 * the order and operation to report on, and {@code part} when it is a part of a split operation
 * (工序分割, {@link OperationReportInput#part()}; null: the operation itself). {@code station} is the
 * operation's, or the part's when it is a part; {@code startedAt} is when the operation was started
 * (parts are not started on their own).
 */
public record RunningOperation(
    long workOrderId,
    String workOrderCode,
    int operationSeq,
    Integer part,
    String station,
    Long workCenterId,
    long materialId,
    Instant startedAt) {}
