package io.tianshu.inventory;

/** A storage location (bin, area, line-side store) inside a warehouse. */
public record Location(
    Long id, Long warehouseId, Long plantId, String code, String name, long version) {}
