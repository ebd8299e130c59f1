package io.tianshu.planning;

import java.time.LocalDate;

/**
 * A supplier's confirmation of a PURCHASE or REQUISITION receipt: the quantity it will deliver (0:
 * it cannot), the date, and its own order reference (optional).
 */
public record ConfirmationInput(
    Double confirmedQuantity, LocalDate confirmedDate, String supplierReference) {}
