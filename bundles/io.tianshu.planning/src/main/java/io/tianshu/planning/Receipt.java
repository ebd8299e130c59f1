package io.tianshu.planning;

import java.time.LocalDate;

/** An open supply order as planning sees it: PURCHASE, PRODUCTION or TRANSFER. */
public record Receipt(
    long id,
    long plantId,
    String kind,
    String reference,
    long materialId,
    String materialCode,
    LocalDate dueDate,
    double quantity) {}
