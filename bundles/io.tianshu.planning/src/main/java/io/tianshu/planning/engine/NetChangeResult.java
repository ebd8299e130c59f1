package io.tianshu.planning.engine;

import java.util.List;

/**
 * What one {@link NetChangePlanner#apply} changed. For every material in {@code affectedMaterials},
 * the planned orders, pegging rows and messages listed here replace all its previous ones; every
 * other material keeps its plan (orders, ids, pegging, messages) unchanged. The lists the planner
 * returns are unmodifiable (after a regenerative run, views over its plan, which a full plan would
 * be too large to copy).
 *
 * @param affectedMaterials the re-planned materials, in processing order (all materials when {@code
 *     regenerated})
 * @param plannedOrders the planned orders of the affected materials, material by material in
 *     processing order, by id within a material
 * @param pegging the pegging rows of the affected materials, material by material in processing
 *     order
 * @param messages the messages of the affected materials, material by material in processing order
 * @param replannedItems the number of affected materials
 * @param changedItems affected materials whose planned orders changed (material, release, due or
 *     quantity of any order, or their number); only their components were re-planned because of
 *     them
 * @param removedOrders planned orders that no longer exist (their ids are not used again)
 * @param addedOrders planned orders with new ids
 * @param regenerated the change was planned by a full regenerative run (see {@link
 *     NetChangePlanner}); all planned-order ids were then renumbered 1, 2, …
 * @param millis wall-clock time of the apply in milliseconds
 */
public record NetChangeResult(
    List<Long> affectedMaterials,
    List<PlannedOrder> plannedOrders,
    List<Pegging> pegging,
    List<MrpMessage> messages,
    int replannedItems,
    int changedItems,
    int removedOrders,
    int addedOrders,
    boolean regenerated,
    long millis) {}
