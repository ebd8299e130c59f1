package io.tianshu.masterdata;

import java.time.Instant;

/** A material; {@code plantId} is the owning plant, or null when the group owns it. */
public record Material(
    Long id,
    String code,
    String name,
    String nameEn,
    MaterialType type,
    String baseUnit,
    Long groupId,
    MaterialStatus status,
    Long plantId,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
