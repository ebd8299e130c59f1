package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Rates of a work centre (工作中心费率): labour money per person-hour, machine money per hour, and the
 * crew (people working while an operation runs there: labour minutes = time x crew).
 */
public record WorkCenterRate(
    long workCenterId,
    long plantId,
    BigDecimal labourRatePerHour,
    BigDecimal machineRatePerHour,
    BigDecimal crewSize,
    Instant updatedAt,
    String updatedBy) {}
