package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * A change of the order BOM: the line {@code componentId} changed, or a new line when it is null
 * ({@code materialId} then required). Fields left null keep their value; a quantity per of zero
 * takes the line out of what is still to be issued.
 */
public record ComponentInput(
    Long componentId,
    Long materialId,
    BigDecimal quantityPer,
    BigDecimal scrapPercent,
    Integer operationSeq,
    Boolean backflush,
    Long version) {}
