package io.tianshu.bom;

/**
 * One material of a primary or substitute set, with its quantity per one set of the group (in the
 * material's base unit).
 */
public record SubstitutePart(long materialId, double quantity) {}
