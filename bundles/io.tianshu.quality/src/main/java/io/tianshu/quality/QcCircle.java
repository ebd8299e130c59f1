package io.tianshu.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A QC circle project.
 *
 * @param id the id
 * @param plantId the plant
 * @param name the circle's name
 * @param theme the theme
 * @param leader the leader
 * @param members every member, the leader first
 * @param stage PLAN, DO, CHECK, ACT or COMPLETED
 * @param startDate when started
 * @param targetDate when due
 * @param completedDate when completed
 * @param result the result
 * @param createdAt when created
 * @param createdBy who created it
 * @param version incremented on every change
 */
public record QcCircle(
    long id,
    long plantId,
    String name,
    String theme,
    String leader,
    List<String> members,
    String stage,
    LocalDate startDate,
    LocalDate targetDate,
    LocalDate completedDate,
    String result,
    Instant createdAt,
    String createdBy,
    long version) {}
