package io.tianshu.inventory.internal;

/** What inventory needs of a material: its owner (null: the group) and base unit. */
public record MaterialRef(long id, Long plantId, String baseUnit) {}
