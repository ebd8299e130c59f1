package io.tianshu.org;

import io.tianshu.core.PlantRole;

/** A user's role in one plant. */
public record Grant(Long plantId, PlantRole role) {}
