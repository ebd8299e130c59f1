package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * A pull signal: line-side stock {@code onHand} is below the rule's min, so {@code quantity} (up to
 * max, at most what the source holds) is to move from the source; {@code moved} when it was posted.
 */
public record Replenishment(
    long ruleId,
    long materialId,
    long locationId,
    long sourceLocationId,
    BigDecimal onHand,
    BigDecimal min,
    BigDecimal max,
    BigDecimal quantity,
    boolean moved) {}
