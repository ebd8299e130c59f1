package io.tianshu.quality;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A cost booked on a nonconformance.
 *
 * @param id the id
 * @param type SCRAP_VALUE, REWORK, SORTING, FREIGHT or OTHER
 * @param amount the amount in the plant's currency
 * @param note free text
 * @param createdAt when booked
 * @param createdBy who booked it
 */
public record NcCost(
    long id, String type, BigDecimal amount, String note, Instant createdAt, String createdBy) {}
