package io.tianshu.change;

import java.time.LocalDate;
import java.util.Set;

/**
 * What an impact contributor is asked: the materials a change touches (the changed parents and
 * their added, removed or changed components, the materials of changed routings), in which plant
 * (null: the group) and from which date.
 */
public record ImpactRequest(Long plantId, Set<Long> materials, LocalDate effectiveDate) {}
