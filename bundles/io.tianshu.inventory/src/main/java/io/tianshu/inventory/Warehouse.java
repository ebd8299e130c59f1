package io.tianshu.inventory;

/** A warehouse of a plant; {@code allowNegative} lets its stock go below zero (backflush areas). */
public record Warehouse(
    Long id,
    Long plantId,
    String code,
    String name,
    String nameEn,
    boolean allowNegative,
    long version) {}
