package io.tianshu.bom;

/**
 * A row of an indented explosion: depth below the top (1 = direct component), the parent it is used
 * in, and the quantity per parent and for the whole exploded quantity, scrap included.
 */
public record ExplosionRow(
    int level,
    long parentId,
    long componentId,
    double quantityPer,
    double quantity,
    boolean phantom) {}
