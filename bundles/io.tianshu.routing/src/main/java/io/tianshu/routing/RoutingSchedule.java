package io.tianshu.routing;

import java.util.List;

/** A routing scheduled for a quantity: lead time, each operation, and the critical path. */
public record RoutingSchedule(
    long routingId,
    double quantity,
    double leadTimeMinutes,
    List<ScheduledOperation> operations,
    List<Integer> criticalPath) {}
