package io.tianshu.quality.nonconformance;

import io.tianshu.core.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of an MRB disposition: every line valid, the lines' quantities adding up exactly to the
 * NC quantity (nothing may stay undecided, nothing be decided twice), a concession for use-as-is, a
 * supplier for a return; and the four-eyes rule of the approval.
 */
public final class DispositionRules {
  /** The scale of quantities in stock (DECIMAL(31, 6)). */
  public static final int QTY_SCALE = 6;

  private DispositionRules() {}

  /**
   * Checks a proposal; field paths are {@code dispositions[i].x}, the sum is reported on {@code
   * dispositions}.
   *
   * @param ncQuantity the nonconforming quantity
   * @param responsibility SUPPLIER, DEPARTMENT or UNKNOWN
   * @param ncSupplier the NC's supplier, null or blank when none
   * @param lines the proposed lines (a null kind is reported as required)
   */
  public static List<FieldError> check(
      BigDecimal ncQuantity,
      String responsibility,
      String ncSupplier,
      List<DispositionLine> lines) {
    List<FieldError> errors = new ArrayList<>();
    if (lines == null || lines.isEmpty()) {
      errors.add(new FieldError("dispositions", "required", "at least one disposition / 至少一条处置"));
      return errors;
    }
    BigDecimal sum = BigDecimal.ZERO;
    boolean sumKnown = true;
    for (int i = 0; i < lines.size(); i++) {
      String p = "dispositions[" + i + "].";
      DispositionLine l = lines.get(i);
      if (l == null) {
        errors.add(new FieldError("dispositions[" + i + "]", "required", "is required / 必填"));
        sumKnown = false;
        continue;
      }
      if (l.kind() == null) {
        errors.add(
            new FieldError(
                p + "kind",
                "required",
                "SCRAP, REWORK, USE_AS_IS, RETURN_TO_SUPPLIER or SORT / 处置方式必填"));
      }
      if (l.quantity() == null) {
        errors.add(new FieldError(p + "quantity", "required", "is required / 必填"));
        sumKnown = false;
      } else if (l.quantity().signum() <= 0) {
        errors.add(
            new FieldError(p + "quantity", "not_positive", "must be greater than zero / 必须大于零"));
        sumKnown = false;
      } else if (l.quantity().stripTrailingZeros().scale() > QTY_SCALE) {
        errors.add(new FieldError(p + "quantity", "too_precise", "at most 6 decimals / 最多 6 位小数"));
        sumKnown = false;
      } else {
        sum = sum.add(l.quantity());
      }
      if (l.kind() == DispositionKind.USE_AS_IS) {
        if (blank(l.concessionNo())) {
          errors.add(
              new FieldError(
                  p + "concessionNo",
                  "required",
                  "use as is needs a concession number / 让步接收需要让步单号"));
        }
        if (blank(l.reason())) {
          errors.add(
              new FieldError(p + "reason", "required", "use as is needs a reason / 让步接收需要说明理由"));
        }
      }
      if (l.kind() == DispositionKind.RETURN_TO_SUPPLIER
          && blank(l.supplier())
          && !("SUPPLIER".equals(responsibility) && !blank(ncSupplier))) {
        errors.add(
            new FieldError(
                p + "supplier",
                "required",
                "a return needs a supplier: on the line or as the NC's responsible supplier"
                    + " / 退货需要供应商"));
      }
    }
    if (sumKnown && ncQuantity != null && sum.compareTo(ncQuantity) != 0) {
      errors.add(
          new FieldError(
              "dispositions",
              "quantity_mismatch",
              "the dispositions add up to "
                  + plain(sum)
                  + ", the nonconforming quantity is "
                  + plain(ncQuantity)
                  + " / 处置数量合计 "
                  + plain(sum)
                  + " 与不合格数量 "
                  + plain(ncQuantity)
                  + " 不符"));
    }
    return errors;
  }

  /**
   * The supplier a line returns to: the line's own, else the NC's when the supplier is responsible.
   */
  public static String returnSupplier(DispositionLine l, String ncSupplier) {
    return blank(l.supplier()) ? ncSupplier : l.supplier().trim();
  }

  /**
   * Four eyes: the MRB approval comes from someone other than the proposer (the role — PLANNER or
   * higher in the plant — is checked by the service). Applies to group administrators too.
   */
  public static boolean mayApprove(String proposedBy, String approver) {
    return approver != null && !approver.equals(proposedBy);
  }

  /**
   * The posting a disposition makes on stock that sits in {@code stockStatus} (QUARANTINE or
   * BLOCKED); empty when it makes none (SORT of stock already in QUARANTINE).
   */
  public static Optional<StockEffect> effect(DispositionKind kind, String stockStatus) {
    return switch (kind) {
      case SCRAP, RETURN_TO_SUPPLIER, REWORK -> Optional.of(new StockEffect("ISSUE", null));
      case USE_AS_IS -> Optional.of(new StockEffect("STATUS_CHANGE", "AVAILABLE"));
      case SORT ->
          "QUARANTINE".equals(stockStatus)
              ? Optional.empty()
              : Optional.of(new StockEffect("STATUS_CHANGE", "QUARANTINE"));
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
