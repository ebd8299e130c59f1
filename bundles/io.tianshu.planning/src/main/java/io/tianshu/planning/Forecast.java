package io.tianshu.planning;

import java.time.LocalDate;

/**
 * A forecast quantity of a material, or of a material group (disaggregated by the plant's {@link
 * ForecastSplit}), over a period, by customer, channel and region ('' = any). Exactly one of {@code
 * materialId} and {@code materialGroupId} is set.
 *
 * @param period DAY (the date), WEEK (the ISO week, Monday to Sunday, containing the date) or MONTH
 *     (the calendar month of the date); planning spreads a WEEK or MONTH quantity evenly over the
 *     period's working days
 */
public record Forecast(
    long id,
    long plantId,
    Long materialId,
    String materialCode,
    LocalDate date,
    double quantity,
    String customer,
    String channel,
    String region,
    String period,
    Long materialGroupId,
    String materialGroupCode) {}
