package io.tianshu.inventory;

/** A new warehouse. */
public record WarehouseInput(
    Long plantId, String code, String name, String nameEn, Boolean allowNegative) {}
