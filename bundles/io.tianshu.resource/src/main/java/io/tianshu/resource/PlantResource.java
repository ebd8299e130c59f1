package io.tianshu.resource;

import java.time.Instant;

/**
 * A machine, tool, fixture, mould or gauge of a plant. {@code units} identical pieces; a mould's
 * {@code cavities} and the {@code lifeCycles} (shots, strokes) it is good for, where known.
 */
public record PlantResource(
    Long id,
    long plantId,
    String code,
    String name,
    ResourceType type,
    ResourceStatus status,
    Long workCenterId,
    Long calendarId,
    int units,
    Integer cavities,
    Long lifeCycles,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
