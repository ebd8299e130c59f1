package io.tianshu.planning;

import java.time.LocalDate;

/**
 * A plan run to start. Defaults: name "MRP yyyy-MM-dd", plan type MRP, plan start today, horizon
 * 365 days, BOM view MANUFACTURING, forecast consumption 7 days backward and 7 forward.
 *
 * @param planType MPS (only MPS-flagged items get planned orders from independent demand; their
 *     components are not planned) or MRP (all levels)
 */
public record PlanRunRequest(
    Long plantId,
    String name,
    String planType,
    LocalDate planStart,
    Integer horizonDays,
    String bomView,
    Integer backwardDays,
    Integer forwardDays) {}
