package io.tianshu.org;

/**
 * What a caller sends to create or change an org unit. {@code type} and {@code parentId} are read
 * on create only; {@code version} is required on update (optimistic locking).
 */
public record OrgUnitInput(
    OrgUnitType type,
    String code,
    String name,
    String nameEn,
    Long parentId,
    OrgUnitStatus status,
    Long version) {}
