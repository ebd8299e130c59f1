package io.tianshu.planning;

import java.util.List;

/**
 * How a material is planned in a plant. A material without parameters is planned lot-for-lot, made
 * in the plant, with no lead time, safety stock or yield loss.
 *
 * @param procurement MAKE, BUY or TRANSFER (from {@code sourcePlantId}: an inter-plant transfer
 *     order, the source plant planned in the same run; the lead time is the transfer time)
 * @param lotSizing LOT_FOR_LOT, FIXED_QUANTITY or PERIOD_ORDER_QUANTITY
 * @param mps planned on the master production schedule
 * @param demandFenceDays inside this many days from the plan start only customer orders count;
 *     forecast left after consumption is ignored there (0: no fence)
 * @param planningFenceDays inside this many days from the plan start MRP proposes no new order;
 *     what is short there is due on the fence date, with a PLANNING_FENCE message (0: no fence)
 * @param strategy MTS (make to stock), MTO (make to order) or ATO (assemble to order)
 * @param safetyStockSteps date-effective safety stock by date: from each step's date on the safety
 *     stock is its quantity; {@code safetyStock} before the first
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
    int demandFenceDays,
    int planningFenceDays,
    String strategy,
    List<SafetyStockLevel> safetyStockSteps,
    long version) {}
