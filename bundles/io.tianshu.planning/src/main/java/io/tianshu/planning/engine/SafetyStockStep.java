package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * One step of a date-effective safety stock ({@link PlanItem#safetyStockSteps()}): from {@code
 * from} on (until the next step) the safety stock is {@code quantity}.
 *
 * @param from the first day of the level; on or before the plan start: the level from the plan
 *     start; on or after the end of the horizon: ignored
 * @param quantity the safety stock from that day on, finite and &gt;= 0
 */
public record SafetyStockStep(LocalDate from, double quantity) {}
