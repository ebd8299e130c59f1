package io.tianshu.resource;

import java.math.BigDecimal;

/** Capacity parameters as written; units default to 1 and utilisation to 100 %. */
public record WorkCenterCapacityInput(
    Long calendarId, Integer parallelUnits, BigDecimal utilisationPercent, Long version) {}
