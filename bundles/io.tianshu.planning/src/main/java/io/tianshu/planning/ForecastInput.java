package io.tianshu.planning;

import java.time.LocalDate;

/**
 * A forecast line to add: of a material or of a material group (exactly one of the two; a group
 * needs a forecast split in the plant); customer, channel and region are optional; period DAY (the
 * default), WEEK or MONTH.
 */
public record ForecastInput(
    Long plantId,
    Long materialId,
    LocalDate date,
    Double quantity,
    String customer,
    String channel,
    String region,
    String period,
    Long materialGroupId) {}
