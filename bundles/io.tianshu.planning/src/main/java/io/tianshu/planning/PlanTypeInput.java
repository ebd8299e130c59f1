package io.tianshu.planning;

/**
 * A plan type to create or update (send the version last read to update). Defaults: scope ALL,
 * horizon 365, bucket 7, consumption windows 7 and 7, BOM view MANUFACTURING, fences 0.
 */
public record PlanTypeInput(
    Long plantId,
    String code,
    String name,
    String scope,
    Integer horizonDays,
    Integer bucketDays,
    Integer backwardDays,
    Integer forwardDays,
    String bomView,
    Integer demandFenceDays,
    Integer planningFenceDays,
    Long version) {}
