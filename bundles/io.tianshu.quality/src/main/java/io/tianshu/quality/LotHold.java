package io.tianshu.quality;

import java.time.Instant;

/**
 * A hold on an inspection lot put by an SPC rule violation; ACCEPT is refused while one is open.
 *
 * @param id the id
 * @param lotId the inspection lot
 * @param characteristic the characteristic charted
 * @param chartType the chart
 * @param rules the run rules violated, comma-separated
 * @param status OPEN or RELEASED
 * @param createdAt when put
 * @param createdBy whose recording put it
 * @param releasedAt when released
 * @param releasedBy who released it
 * @param releaseReason why
 */
public record LotHold(
    long id,
    long lotId,
    String characteristic,
    String chartType,
    String rules,
    String status,
    Instant createdAt,
    String createdBy,
    Instant releasedAt,
    String releasedBy,
    String releaseReason) {}
