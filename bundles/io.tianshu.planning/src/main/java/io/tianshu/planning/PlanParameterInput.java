package io.tianshu.planning;

import java.util.List;

/**
 * Planning parameters to set for a material in a plant; null numbers mean 0 (yield: 100), null
 * texts the defaults (MAKE, LOT_FOR_LOT). {@code version} is the version last read when the
 * parameters exist already, null when they are new. {@code safetyStockSteps} replace the material's
 * steps (null or empty: none).
 */
public record PlanParameterInput(
    Long plantId,
    Long materialId,
    String procurement,
    Long sourcePlantId,
    Integer leadTimeDays,
    String lotSizing,
    Double fixedQuantity,
    Integer periodDays,
    Double minimumQuantity,
    Double maximumQuantity,
    Double multipleQuantity,
    Double safetyStock,
    Double yieldPercent,
    Boolean phantom,
    Boolean mps,
    Integer demandFenceDays,
    Integer planningFenceDays,
    String strategy,
    List<SafetyStockLevel> safetyStockSteps,
    Long version) {}
