package io.tianshu.planning.engine;

import java.util.List;

/**
 * The outcome of {@link MrpEngine#run}. The lists returned by the engine are unmodifiable; planned
 * orders and pegging rows are views over compact arrays that create each record when it is read.
 *
 * @param plannedOrders planned orders in id order
 * @param pegging supply–demand links, materials in processing order
 * @param messages exception messages, materials in processing order
 * @param lowLevelCodes the low-level code of each item, in the order of {@link MrpInput#items()}: 0
 *     for items that are no component, otherwise 1 + the largest code of its parents (BOM lines,
 *     outputs and the extra edges of active substitution groups, see {@link MrpEngine})
 * @param engineMillis wall-clock time of the run in milliseconds
 */
public record MrpResult(
    List<PlannedOrder> plannedOrders,
    List<Pegging> pegging,
    List<MrpMessage> messages,
    int[] lowLevelCodes,
    long engineMillis) {}
