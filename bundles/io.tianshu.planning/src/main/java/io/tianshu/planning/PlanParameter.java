package io.tianshu.planning;

/**
 * How a material is planned in a plant. A material without parameters is planned lot-for-lot, made
 * in the plant, with no lead time, safety stock or yield loss.
 *
 * @param procurement MAKE, BUY or TRANSFER (from {@code sourcePlantId}: an inter-plant transfer
 *     order, the source plant planned in the same run; the lead time is the transfer time)
 * @param lotSizing LOT_FOR_LOT, FIXED_QUANTITY or PERIOD_ORDER_QUANTITY
 * @param mps planned on the master production schedule
 */
public record PlanParameter(
    long plantId,
    long materialId,
    String materialCode,
    String procurement,
    Long sourcePlantId,
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
