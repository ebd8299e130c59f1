package io.tianshu.bom.internal;

/** What BOM rules need of a material: its owner (null: the group) and base unit. */
public record MaterialRef(long id, Long plantId, String baseUnit) {}
