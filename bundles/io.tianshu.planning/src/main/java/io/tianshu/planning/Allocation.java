package io.tianshu.planning;

import java.time.LocalDate;

/**
 * Stock of a material promised to something planning does not make (a maintenance order, samples,
 * an open work order's pick list): a requirement on its date that planning nets like any other.
 */
public record Allocation(
    long id,
    long plantId,
    long materialId,
    String materialCode,
    LocalDate requiredDate,
    double quantity,
    String reference) {}
