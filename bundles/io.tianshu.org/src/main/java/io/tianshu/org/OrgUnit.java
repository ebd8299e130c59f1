package io.tianshu.org;

import java.time.Instant;

/**
 * A plant, workshop, line or work centre. {@code plantId} is the plant the unit belongs to (its own
 * id for a plant); {@code parentId} is null for a plant.
 */
public record OrgUnit(
    Long id,
    OrgUnitType type,
    String code,
    String name,
    String nameEn,
    Long parentId,
    Long plantId,
    OrgUnitStatus status,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
