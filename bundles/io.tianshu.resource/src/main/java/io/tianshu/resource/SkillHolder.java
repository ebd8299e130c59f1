package io.tianshu.resource;

import java.time.LocalDate;

/** A user holding a skill at a level (1 learner … 4 trainer), certified until {@code validTo}. */
public record SkillHolder(String username, Integer level, LocalDate validTo) {}
