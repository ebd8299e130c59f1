package io.tianshu.execution.engine;

import io.tianshu.execution.OperationStatus;
import java.math.BigDecimal;

/**
 * The quantities of one order operation: {@code in} is what it received (the order quantity at the
 * first operation, the previous operation's good output after it); {@code good}, {@code scrap} and
 * {@code rework} (held for rework at this operation) are what was reported. What is left is in
 * progress, so that {@code in = good + scrap + rework + inProgress} always holds.
 */
public record OperationQuantities(
    int seq,
    OperationStatus status,
    BigDecimal in,
    BigDecimal good,
    BigDecimal scrap,
    BigDecimal rework) {

  public OperationQuantities {
    if (in.signum() < 0 || good.signum() < 0 || scrap.signum() < 0 || rework.signum() < 0) {
      throw new IllegalArgumentException("operation " + seq + ": negative quantity");
    }
  }

  public static OperationQuantities waiting(int seq, BigDecimal in) {
    return new OperationQuantities(
        seq,
        in.signum() > 0 ? OperationStatus.READY : OperationStatus.WAITING,
        in,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO);
  }

  /** Received and not yet reported: {@code in - good - scrap - rework}. */
  public BigDecimal inProgress() {
    return in.subtract(good).subtract(scrap).subtract(rework);
  }

  /** True when anything was reported here. */
  public boolean reported() {
    return good.signum() > 0 || scrap.signum() > 0 || rework.signum() > 0;
  }

  OperationQuantities with(
      OperationStatus status, BigDecimal in, BigDecimal good, BigDecimal scrap, BigDecimal rework) {
    return new OperationQuantities(seq, status, in, good, scrap, rework);
  }
}
