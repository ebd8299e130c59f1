package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * A planned order proposed by {@link MrpEngine}.
 *
 * @param id 1, 2, … in creation order (items by low-level code then input order, each item's orders
 *     by due date), so identical input gives identical ids
 * @param materialId the material to make or buy
 * @param releaseDate when the order must start: the due date minus the lead time in working days
 *     (the due date itself for lead time 0), never before the plan start
 * @param dueDate when the good output is available
 * @param quantity the order quantity, including the yield loss (good output = quantity × yield)
 */
public record PlannedOrder(
    long id, long materialId, LocalDate releaseDate, LocalDate dueDate, double quantity) {}
