package io.tianshu.quality;

import java.time.Instant;
import java.util.List;

/**
 * An 8D report (corrective and preventive action).
 *
 * @param id the id
 * @param plantId the plant
 * @param capaNo the plant's readable number, e.g. 8D-000007
 * @param title the title
 * @param problem the problem statement
 * @param ncId the nonconformance it answers, or null
 * @param status OPEN or CLOSED (closed by D8)
 * @param disciplines D1..D8
 * @param whys the five-whys chain in order
 * @param rootCause the root cause
 * @param effectiveness EFFECTIVE or NOT_EFFECTIVE, null until checked
 * @param effectivenessNote what was checked
 * @param effectivenessBy who checked
 * @param effectivenessAt when
 * @param closedBy who closed (D8)
 * @param closedAt when
 * @param createdAt when created
 * @param createdBy who created it
 * @param version incremented on every change
 */
public record Capa(
    long id,
    long plantId,
    String capaNo,
    String title,
    String problem,
    Long ncId,
    String status,
    List<CapaDiscipline> disciplines,
    List<String> whys,
    String rootCause,
    String effectiveness,
    String effectivenessNote,
    String effectivenessBy,
    Instant effectivenessAt,
    String closedBy,
    Instant closedAt,
    Instant createdAt,
    String createdBy,
    long version) {}
