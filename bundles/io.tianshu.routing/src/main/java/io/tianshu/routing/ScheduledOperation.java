package io.tianshu.routing;

/** An operation's place in a scheduled routing, in working minutes from the start. */
public record ScheduledOperation(
    int opNo,
    long workCenterId,
    double earliestStart,
    double earliestFinish,
    double latestStart,
    double latestFinish,
    double slack,
    double loadMinutes) {}
