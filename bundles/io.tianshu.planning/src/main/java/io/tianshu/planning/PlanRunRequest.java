package io.tianshu.planning;

import java.time.LocalDate;

/**
 * A plan run to start. Defaults: name "&lt;type&gt; yyyy-MM-dd", plan type MRP, plan start today;
 * horizon, consumption windows and BOM view from the plan type (built in: 365 days, 7 and 7,
 * MANUFACTURING).
 *
 * @param planType the code of a plan type of the plant: MRP and MPS are built in (MPS: only
 *     MPS-flagged items are planned), others configured ({@link PlanType})
 * @param mode REGENERATIVE (default) or NET_CHANGE: apply the demand changes since the previous run
 *     of the plant and plan type to its plan, re-planning only what they affect (see {@link
 *     PlanRun#mode()})
 */
public record PlanRunRequest(
    Long plantId,
    String name,
    String planType,
    LocalDate planStart,
    Integer horizonDays,
    String bomView,
    Integer backwardDays,
    Integer forwardDays,
    String mode) {}
