package io.tianshu.planning;

import java.time.LocalDate;

/** A scheduled receipt to add. */
public record ReceiptInput(
    Long plantId,
    String kind,
    String reference,
    Long materialId,
    LocalDate dueDate,
    Double quantity) {}
