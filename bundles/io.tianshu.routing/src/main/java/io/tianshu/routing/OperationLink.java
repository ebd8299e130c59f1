package io.tianshu.routing;

import java.math.BigDecimal;

/**
 * A predecessor of an operation. {@code overlapPercent} lets the successor start when that share of
 * the lot is still to run at the predecessor; {@code lagMinutes} shifts the start (negative:
 * earlier).
 */
public record OperationLink(
    Integer predecessorOpNo, BigDecimal overlapPercent, BigDecimal lagMinutes) {}
