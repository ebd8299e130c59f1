package io.tianshu.quality;

import java.util.List;

/**
 * A new 8D report.
 *
 * @param plantId the plant
 * @param title a short title
 * @param problem the problem statement
 * @param ncId the nonconformance it answers, or null
 * @param disciplines owners and due dates of (some of) D1..D8
 */
public record CapaInput(
    Long plantId, String title, String problem, Long ncId, List<DisciplineInput> disciplines) {}
