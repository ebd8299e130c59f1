package io.tianshu.resource;

import java.math.BigDecimal;

/**
 * What a work centre can give per day: its calendar's capacity (the plant default calendar when
 * {@code calendarId} is null) times {@code parallelUnits} times {@code utilisationPercent}.
 */
public record WorkCenterCapacity(
    long workCenterId,
    long plantId,
    Long calendarId,
    int parallelUnits,
    BigDecimal utilisationPercent,
    long version) {}
