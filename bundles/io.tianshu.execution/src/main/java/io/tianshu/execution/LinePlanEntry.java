package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One order in a line plan: its line, start day, ISO week and shift (of its first operation; null
 * when not dispatched to a shift), and what is still to make.
 */
public record LinePlanEntry(
    String line,
    LocalDate date,
    String week,
    String shift,
    long workOrderId,
    String workOrderCode,
    WorkOrderStatus status,
    long materialId,
    String materialCode,
    BigDecimal quantity,
    BigDecimal remaining,
    LocalDate dueDate) {}
