package io.tianshu.planning;

/**
 * One pegging link of a run: {@code quantity} of the supply covers that much of the demand.
 *
 * @param supplyKind ON_HAND, RECEIPT or PLANNED
 * @param demandKind DEMAND (a sales order line or forecast: see {@code demandReference}), DEPENDENT
 *     (the parent planned order {@code demandId}) or SAFETY_STOCK
 * @param demandReference for DEMAND, "SO order/line" or "FC forecast-id"; otherwise null
 */
public record PlanPegging(
    String supplyKind,
    long supplyId,
    String demandKind,
    long demandId,
    String demandReference,
    long plantId,
    long materialId,
    double quantity) {}
