package io.tianshu.masterdata;

/**
 * A material as a caller sends it. Enumerations arrive as text so that a bad value is reported
 * together with every other bad field. {@code plantId} null means group-owned; it cannot change
 * later. {@code version} is required on update.
 */
public record MaterialInput(
    String code,
    String name,
    String nameEn,
    String type,
    String baseUnit,
    Long groupId,
    String status,
    Long plantId,
    Long version) {}
