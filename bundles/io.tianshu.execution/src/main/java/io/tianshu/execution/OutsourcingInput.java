package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * Work sent to or received from a supplier at an operation. {@code key} makes a retry a no-op.
 * Sending needs {@code supplier} and {@code quantity}; receiving needs {@code good} and/or {@code
 * scrap} (with {@code reasonCode}), the processing {@code fee}, and {@code throughSeq} when the
 * supplier performed consecutive operations up to that one.
 */
public record OutsourcingInput(
    String key,
    String supplier,
    BigDecimal quantity,
    BigDecimal good,
    BigDecimal scrap,
    String reasonCode,
    BigDecimal fee,
    Integer throughSeq) {}
