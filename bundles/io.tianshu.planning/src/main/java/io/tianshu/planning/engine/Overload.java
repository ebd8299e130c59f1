package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * A bucket in which a work centre's load exceeds its capacity by more than {@link
 * CapacityEngine#TOLERANCE} minutes.
 *
 * @param workCenterId the work centre
 * @param bucketStart the first day of the bucket
 * @param load the load in minutes
 * @param capacity the capacity in minutes
 * @param utilisationPercent load / capacity × 100; {@link Double#POSITIVE_INFINITY} when the
 *     capacity is 0 (no capacity entry, or no working day in the bucket)
 */
public record Overload(
    long workCenterId,
    LocalDate bucketStart,
    double load,
    double capacity,
    double utilisationPercent) {}
