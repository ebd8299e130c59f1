package io.tianshu.quality.nonconformance;

import java.math.BigDecimal;

/**
 * One disposition of a nonconformance.
 *
 * @param kind what happens
 * @param quantity how much, in the material's base unit
 * @param concessionNo the concession (让步) number, required for USE_AS_IS
 * @param reason why; required for USE_AS_IS
 * @param supplier the supplier a RETURN_TO_SUPPLIER goes to (defaults to the NC's supplier)
 */
public record DispositionLine(
    DispositionKind kind,
    BigDecimal quantity,
    String concessionNo,
    String reason,
    String supplier) {}
