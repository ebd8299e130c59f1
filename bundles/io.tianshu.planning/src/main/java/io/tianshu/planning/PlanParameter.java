package io.tianshu.planning;

/**
 * How a material is planned in a plant. A material without parameters is planned lot-for-lot, made
 * in the plant, with no lead time, safety stock or yield loss.
 *
 * @param procurement MAKE or BUY
 * @param lotSizing LOT_FOR_LOT, FIXED_QUANTITY or PERIOD_ORDER_QUANTITY
 * @param mps planned on the master production schedule
 */
public record PlanParameter(
    long plantId,
    long materialId,
    String materialCode,
    String procurement,
    int leadTimeDays,
    String lotSizing,
    double fixedQuantity,
    int periodDays,
    double minimumQuantity,
    double maximumQuantity,
    double multipleQuantity,
    double safetyStock,
    double yieldPercent,
    boolean phantom,
    boolean mps,
    long version) {}
