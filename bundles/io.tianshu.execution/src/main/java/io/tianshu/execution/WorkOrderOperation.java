package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An operation of the order routing with its quantities: {@code in = good + scrap + rework +
 * inProgress}; {@code in} of an operation is the good output of the one before. Station, operator
 * and shift are where it was dispatched. An outsourced operation is done by {@code supplier};
 * {@code atSupplier} of its work in progress is held there.
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
    boolean outsourced,
    String supplier,
    BigDecimal atSupplier,
    String station,
    String operator,
    String shift,
    Instant startedAt,
    Instant finishedAt) {}
