package io.tianshu.resource;

import java.time.LocalDate;

/** Available minutes of a work centre on one day. */
public record CapacityDay(LocalDate date, double availableMinutes) {}
