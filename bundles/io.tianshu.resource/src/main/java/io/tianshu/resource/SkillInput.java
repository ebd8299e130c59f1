package io.tianshu.resource;

import java.util.List;

/** A skill as written; holders replace the stored ones; {@code version} is required on update. */
public record SkillInput(
    Long plantId, String code, String name, List<SkillHolder> holders, Long version) {}
