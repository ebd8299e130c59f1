package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * A processing fee (委外加工费) a supplier charged for outsourced operations of the work order, as
 * recorded on an outsourcing receipt.
 *
 * @param operationSeq the first outsourced operation of the receipt
 * @param throughSeq the last one (the same for a single operation)
 * @param supplier the supplier
 * @param quantity good + scrap received
 * @param fee money, {@code >= 0}
 */
public record CostSubcontractFee(
    int operationSeq, int throughSeq, String supplier, BigDecimal quantity, BigDecimal fee) {

  /** Validates the fee. */
  public CostSubcontractFee {
    CostChecks.required(quantity, "subcontractFees.quantity");
    CostChecks.nonNegative(fee, "subcontractFees.fee");
  }
}
