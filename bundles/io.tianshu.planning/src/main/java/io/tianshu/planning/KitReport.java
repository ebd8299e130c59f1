package io.tianshu.planning;

import io.tianshu.planning.engine.KitRequisition;
import io.tianshu.planning.engine.KitResult;
import java.time.LocalDate;
import java.util.List;

/**
 * A kitting (齐套) analysis of a plant on a date: per order, in priority order, how many can be built
 * now, when the last component arrives, and what stays short; the shortages summed per material as
 * requisition proposals.
 *
 * @param source SALES_ORDER or PLANNED_ORDER
 */
public record KitReport(
    long plantId,
    LocalDate date,
    String source,
    Long runId,
    List<KitResult> orders,
    List<KitRequisition> requisitions) {}
