package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * A requisition proposal from kitting: buy or make {@code quantity} of the material by {@code
 * needDate}, see {@link KitEngine#requisitions}.
 *
 * @param materialId the material short
 * @param quantity the total quantity still short after stock and all incoming supplies, positive
 * @param needDate the earliest need date of the orders short of the material
 */
public record KitRequisition(long materialId, double quantity, LocalDate needDate) {}
