package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tianshu.core.FieldError;
import io.tianshu.core.ValidationException;
import io.tianshu.planning.Receipt;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseConfirmationTest {
  private static final LocalDate D = LocalDate.of(2026, 12, 1);
  private static final List<Receipt> RECEIPTS =
      List.of(
          new Receipt(11, 3, "REQUISITION", "PR-1", 7, "RM-1", D, 100),
          new Receipt(12, 3, "PRODUCTION", "PR-2", 8, "FG-1", D, 10),
          new Receipt(13, 3, "PURCHASE", "PO-9", 7, "RM-1", D, 5),
          new Receipt(14, 3, "PURCHASE", "PO-DUP", 7, "RM-1", D, 5),
          new Receipt(15, 3, "REQUISITION", "PO-DUP", 9, "RM-2", D, 5));

  private static PurchaseConfirmation.Payload byRef(Long plantId, String reference) {
    return new PurchaseConfirmation.Payload(null, plantId, reference, 90.0, D, "SO-77");
  }

  @Test
  void theReceiptIsNamedByIdOrByPlantAndReference() {
    assertThat(
            PurchaseConfirmation.receiptId(
                new PurchaseConfirmation.Payload(42L, null, null, 1.0, D, null), List.of()))
        .isEqualTo(42);
    assertThat(PurchaseConfirmation.receiptId(byRef(3L, " PR-1 "), RECEIPTS)).isEqualTo(11);
    assertThat(PurchaseConfirmation.receiptId(byRef(3L, "PO-9"), RECEIPTS)).isEqualTo(13);
  }

  @Test
  void aReferenceMustNameOnePurchaseOrRequisition() {
    // a production receipt is no supplier's business
    assertThat(errors(byRef(3L, "PR-2")))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("reference", "not_found"));
    assertThat(errors(byRef(3L, "PO-DUP")))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("reference", "ambiguous"));
    assertThat(errors(byRef(null, " ")))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("plantId", "required"), tuple("reference", "required"));
  }

  @Test
  void aConfirmedDateAfterTheNeedDateIsLate() {
    Receipt r =
        new Receipt(
            11, 3, "REQUISITION", "PR-1", 7, "RM-1", D, 100, 90.0, D.plusDays(3), "SO", true);
    assertThat(r.late()).isTrue();
    assertThat(new Receipt(11, 3, "REQUISITION", "PR-1", 7, "RM-1", D, 100).confirmedDate())
        .isNull();
  }

  private static List<FieldError> errors(PurchaseConfirmation.Payload p) {
    return thrown(() -> PurchaseConfirmation.receiptId(p, RECEIPTS)).fieldErrors();
  }

  static ValidationException thrown(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("expected a ValidationException");
  }
}
