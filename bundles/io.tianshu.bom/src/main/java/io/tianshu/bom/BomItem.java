package io.tianshu.bom;

import java.math.BigDecimal;

/** A stored line, its quantity in the component's base unit. */
public record BomItem(
    int lineNo,
    long componentMaterialId,
    BigDecimal quantityPer,
    String unit,
    BigDecimal scrapPercent,
    boolean phantom,
    String operationRef) {}
