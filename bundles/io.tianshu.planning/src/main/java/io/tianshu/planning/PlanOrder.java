package io.tianshu.planning;

import java.time.LocalDate;

/** A planned order of a plan run. */
public record PlanOrder(
    long id,
    long materialId,
    String materialCode,
    LocalDate releaseDate,
    LocalDate dueDate,
    double quantity) {}
