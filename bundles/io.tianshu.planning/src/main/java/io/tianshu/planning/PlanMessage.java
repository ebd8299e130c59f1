package io.tianshu.planning;

import java.time.LocalDate;

/** An exception message of a run (PAST_DUE, EXPEDITE, DEFER, CANCEL, BELOW_SAFETY, LOT_LIMIT). */
public record PlanMessage(
    long plantId,
    long materialId,
    String materialCode,
    String kind,
    LocalDate date,
    long referenceId,
    String message) {}
