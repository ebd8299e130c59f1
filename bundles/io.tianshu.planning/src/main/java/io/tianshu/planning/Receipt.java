package io.tianshu.planning;

import java.time.LocalDate;

/**
 * An open supply order as planning sees it: PURCHASE, PRODUCTION, TRANSFER or REQUISITION (a
 * purchase requisition, e.g. from a kitting shortage).
 */
public record Receipt(
    long id,
    long plantId,
    String kind,
    String reference,
    long materialId,
    String materialCode,
    LocalDate dueDate,
    double quantity) {}
