package io.tianshu.planning;

import java.time.LocalDate;

/** A forecast line to add; customer, channel and region are optional. */
public record ForecastInput(
    Long plantId,
    Long materialId,
    LocalDate date,
    Double quantity,
    String customer,
    String channel,
    String region) {}
