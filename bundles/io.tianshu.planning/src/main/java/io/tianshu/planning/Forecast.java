package io.tianshu.planning;

import java.time.LocalDate;

/** A forecast quantity of a material on a date, by customer, channel and region ('' = any). */
public record Forecast(
    long id,
    long plantId,
    long materialId,
    String materialCode,
    LocalDate date,
    double quantity,
    String customer,
    String channel,
    String region) {}
