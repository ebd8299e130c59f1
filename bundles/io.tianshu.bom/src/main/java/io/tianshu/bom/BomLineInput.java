package io.tianshu.bom;

import java.math.BigDecimal;

/**
 * A line as a caller sends it. {@code unit} defaults to the component's base unit; another unit is
 * converted to it on the way in.
 */
public record BomLineInput(
    Long componentMaterialId,
    BigDecimal quantityPer,
    String unit,
    BigDecimal scrapPercent,
    Boolean phantom,
    String operationRef) {}
