package io.tianshu.quality;

import java.time.LocalDate;
import java.util.List;

/**
 * A new QC circle project (QC 小组课题).
 *
 * @param plantId the plant
 * @param name the circle's name
 * @param theme the project's theme
 * @param leader the leader (counted as a member)
 * @param members the other members
 * @param startDate when it starts (today when absent)
 * @param targetDate when it should be done
 */
public record QcCircleInput(
    Long plantId,
    String name,
    String theme,
    String leader,
    List<String> members,
    LocalDate startDate,
    LocalDate targetDate) {}
