package io.tianshu.planning;

import java.time.LocalDate;

/**
 * An open supply order as planning sees it: PURCHASE, PRODUCTION, TRANSFER or REQUISITION (a
 * purchase requisition, e.g. from a kitting shortage). A PURCHASE or REQUISITION receipt may carry
 * the supplier's confirmation ({@link PlanningService#confirmReceipt}): {@code confirmedQuantity},
 * {@code confirmedDate} and the supplier's {@code supplierReference}, all null until confirmed;
 * {@code late} when the confirmed date is after the due (need) date.
 */
public record Receipt(
    long id,
    long plantId,
    String kind,
    String reference,
    long materialId,
    String materialCode,
    LocalDate dueDate,
    double quantity,
    Double confirmedQuantity,
    LocalDate confirmedDate,
    String supplierReference,
    boolean late) {

  /** An unconfirmed receipt. */
  public Receipt(
      long id,
      long plantId,
      String kind,
      String reference,
      long materialId,
      String materialCode,
      LocalDate dueDate,
      double quantity) {
    this(
        id,
        plantId,
        kind,
        reference,
        materialId,
        materialCode,
        dueDate,
        quantity,
        null,
        null,
        null,
        false);
  }
}
