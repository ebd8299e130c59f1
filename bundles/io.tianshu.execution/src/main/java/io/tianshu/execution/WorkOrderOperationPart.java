package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * A part of a split operation (工序分割): its own quantities ({@code in = good + scrap + rework +
 * inProgress}) and where it was dispatched. Part 0 is the unsplit rest of the operation, what no
 * other part holds; it has no station of its own (the operation's applies).
 */
public record WorkOrderOperationPart(
    int partNo,
    BigDecimal in,
    BigDecimal good,
    BigDecimal scrap,
    BigDecimal rework,
    BigDecimal inProgress,
    String station,
    String operator,
    String shift) {}
