package io.tianshu.execution;

import java.math.BigDecimal;

/** Sets (replaces) the rates of a work centre; crew size defaults to 1. */
public record WorkCenterRateInput(
    Long workCenterId,
    BigDecimal labourRatePerHour,
    BigDecimal machineRatePerHour,
    BigDecimal crewSize) {}
