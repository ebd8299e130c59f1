package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An operation of the order routing with its quantities: {@code in = good + scrap + rework +
 * inProgress}; {@code in} of an operation is the good output of the one before. Station, operator
 * and shift are where it was dispatched.
 */
public record WorkOrderOperation(
    long id,
    int seq,
    String description,
    Long workCenterId,
    BigDecimal setupMinutes,
    BigDecimal runMinutes,
    OperationStatus status,
    BigDecimal in,
    BigDecimal good,
    BigDecimal scrap,
    BigDecimal rework,
    BigDecimal inProgress,
    String station,
    String operator,
    String shift,
    Instant startedAt,
    Instant finishedAt) {}
