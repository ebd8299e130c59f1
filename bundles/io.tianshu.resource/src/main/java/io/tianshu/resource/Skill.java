package io.tianshu.resource;

import java.time.Instant;
import java.util.List;

/** A personnel skill of a plant (e.g. welding certificate, CNC setter) and who holds it. */
public record Skill(
    Long id,
    long plantId,
    String code,
    String name,
    List<SkillHolder> holders,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
