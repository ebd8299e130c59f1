package io.tianshu.quality;

import java.time.Instant;
import java.util.List;

/**
 * A plotted point with its limits, the run rules it violates and the lot it comes from.
 *
 * @param index position on the chart, from 0
 * @param lotId the inspection lot
 * @param lot the lot number
 * @param supplier the lot's supplier, "" for none
 * @param recordedAt when the result was recorded
 * @param subgroupSize values in the subgroup, or the sample size (p, np, u)
 * @param value the plotted statistic
 * @param centerLine the centre line
 * @param lcl the lower control limit
 * @param ucl the upper control limit
 * @param violations run rules flagged at this point, e.g. WE1 or NELSON3
 */
public record SpcPoint(
    int index,
    long lotId,
    String lot,
    String supplier,
    Instant recordedAt,
    int subgroupSize,
    double value,
    double centerLine,
    double lcl,
    double ucl,
    List<String> violations) {}
