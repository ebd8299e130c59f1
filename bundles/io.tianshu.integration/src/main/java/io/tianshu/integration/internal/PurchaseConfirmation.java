package io.tianshu.integration.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.FieldError;
import io.tianshu.core.ValidationException;
import io.tianshu.integration.InboundCommand;
import io.tianshu.planning.ConfirmationInput;
import io.tianshu.planning.PlanningService;
import io.tianshu.planning.Receipt;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code purchase-confirmation}: a supplier confirms a purchase order or requisition (SRM) with a
 * quantity and date. The receipt is named by its id, or by plant and reference (the PR/PO number
 * Tianshu sent out); the confirmation goes through {@link PlanningService#confirmReceipt}, which
 * validates and audits it in the hub's transaction (docs/integration/srm.md).
 */
@Component(service = InboundCommand.class)
public final class PurchaseConfirmation implements InboundCommand {
  private final PlanningService planning;

  @Activate
  public PurchaseConfirmation(@Reference PlanningService planning) {
    this.planning = planning;
  }

  /** The payload: which receipt (id, or plant and reference) and what the supplier confirmed. */
  record Payload(
      Long receiptId,
      Long plantId,
      String reference,
      Double confirmedQuantity,
      LocalDate confirmedDate,
      String supplierReference) {}

  @Override
  public String name() {
    return "purchase-confirmation";
  }

  @Override
  public Object execute(CallerContext caller, String payload) {
    Payload p = InboundJson.read(payload, Payload.class);
    long id = receiptId(p, p.receiptId() != null ? null : receipts(caller, p));
    return planning.confirmReceipt(
        caller,
        id,
        new ConfirmationInput(p.confirmedQuantity(), p.confirmedDate(), p.supplierReference()));
  }

  private List<Receipt> receipts(CallerContext caller, Payload p) {
    return p.plantId() == null ? List.of() : planning.receipts(caller, p.plantId(), null);
  }

  /**
   * The receipt the payload names: {@code receiptId}, else the one PURCHASE or REQUISITION receipt
   * of {@code plantReceipts} with the payload's {@code reference}.
   */
  static long receiptId(Payload p, List<Receipt> plantReceipts) {
    if (p.receiptId() != null) {
      return p.receiptId();
    }
    List<FieldError> errors = new ArrayList<>();
    if (p.plantId() == null) {
      errors.add(
          new FieldError("plantId", "required", "receiptId, or plantId and reference / 缺少工厂或单据号"));
    }
    if (p.reference() == null || p.reference().isBlank()) {
      errors.add(
          new FieldError(
              "reference", "required", "receiptId, or plantId and reference / 缺少采购单号或申请号"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String ref = p.reference().trim();
    List<Receipt> matches =
        plantReceipts.stream()
            .filter(r -> r.reference().equals(ref))
            .filter(r -> "PURCHASE".equals(r.kind()) || "REQUISITION".equals(r.kind()))
            .toList();
    if (matches.isEmpty()) {
      throw new ValidationException(
          "reference",
          "not_found",
          "no open purchase order or requisition '" + ref + "' in the plant / 工厂中无此采购订单或采购申请");
    }
    if (matches.size() > 1) {
      throw new ValidationException(
          "reference",
          "ambiguous",
          matches.size()
              + " open receipts have reference '"
              + ref
              + "': send receiptId / 多个单据使用该单号，请指定 receiptId");
    }
    return matches.get(0).id();
  }
}
