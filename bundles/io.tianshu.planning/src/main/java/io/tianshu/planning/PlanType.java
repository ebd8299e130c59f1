package io.tianshu.planning;

/**
 * A plant's plan level (master demand plan, MPS, two-week plan, daily plan, …) as runs use it:
 * which items a run plans ({@code scope} MPS: items flagged MPS only; ALL), its horizon in days,
 * the bucket in days its grid and capacity views default to, the forecast consumption windows, the
 * BOM view, and the demand and planning time fences of items that have none of their own. The
 * built-in types MRP (ALL) and MPS (MPS), with a 365-day horizon and weekly buckets, apply where a
 * plant has not configured them.
 */
public record PlanType(
    long plantId,
    String code,
    String name,
    String scope,
    int horizonDays,
    int bucketDays,
    int backwardDays,
    int forwardDays,
    String bomView,
    int demandFenceDays,
    int planningFenceDays,
    long version) {}
