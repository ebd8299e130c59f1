package io.tianshu.execution.engine;

import java.time.Duration;

/**
 * Response times of the closed calls of one category. Medians and 90th percentiles are by the
 * nearest-rank method (see {@link AndonStatistics#nearestRank}), so they are always observed
 * values.
 *
 * @param category category
 * @param count number of calls, {@code >= 1}
 * @param meanToAcknowledge mean time from raise to acknowledgement (truncated to the nanosecond)
 * @param medianToAcknowledge nearest-rank 50th percentile of time to acknowledge
 * @param p90ToAcknowledge nearest-rank 90th percentile of time to acknowledge
 * @param meanToResolve mean time from raise to resolution (truncated to the nanosecond)
 * @param medianToResolve nearest-rank 50th percentile of time to resolve
 * @param p90ToResolve nearest-rank 90th percentile of time to resolve
 */
public record AndonCategoryStatistics(
    AndonCategory category,
    int count,
    Duration meanToAcknowledge,
    Duration medianToAcknowledge,
    Duration p90ToAcknowledge,
    Duration meanToResolve,
    Duration medianToResolve,
    Duration p90ToResolve) {}
