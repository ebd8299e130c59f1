package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * A part of an operation (工序分割): a quantity carved out of its work in progress and worked on its
 * own (another station or operator). Like the operation, {@code in = good + scrap + rework +
 * inProgress}. Part number 0 stands for the unsplit rest of the operation.
 */
public record OperationPart(
    int partNo, BigDecimal in, BigDecimal good, BigDecimal scrap, BigDecimal rework) {

  public OperationPart {
    if (in.signum() < 0 || good.signum() < 0 || scrap.signum() < 0 || rework.signum() < 0) {
      throw new IllegalArgumentException("part " + partNo + ": negative quantity");
    }
  }

  /** A new part holding {@code quantity} not yet worked. */
  public static OperationPart of(int partNo, BigDecimal quantity) {
    return new OperationPart(partNo, quantity, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /** Received and not yet reported. */
  public BigDecimal inProgress() {
    return in.subtract(good).subtract(scrap).subtract(rework);
  }

  OperationPart plus(OperationPart o, int partNo) {
    return new OperationPart(
        partNo, in.add(o.in), good.add(o.good), scrap.add(o.scrap), rework.add(o.rework));
  }
}
