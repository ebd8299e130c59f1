package io.tianshu.execution.engine;

import io.tianshu.execution.OperationStatus;
import java.math.BigDecimal;
import java.util.List;

/**
 * Overlap (重叠) on the floor: how much of its predecessor's lot an operation must wait for. An order
 * operation with an overlap percent {@code p} (copied at release from the routing's explicit link
 * to the operation before it) may start, and take reports, only once that predecessor has finished
 * (good + scrap + rework reported) at least {@code 100 - p} % of the quantity that came into it, or
 * is done or skipped. {@code p = 0} is plain finish-to-start; {@code p} null (the routing said
 * nothing: classic sequence by number) or 100 keeps the free flow of {@link OperationFlow}, where
 * good output may be worked at the next operation at once.
 *
 * <p>The predecessor's incoming quantity is taken as it stands: when more arrives there later, the
 * share finished drops and the successor waits again until it catches up.
 */
public final class Overlap {
  private static final BigDecimal HUNDRED = new BigDecimal(100);

  private Overlap() {}

  /**
   * Null when the operation at index {@code at} may start or take a report, otherwise why not (a
   * message naming the field {@code operationSeq}, English / Chinese).
   */
  public static String refusal(
      List<OperationQuantities> operations, int at, BigDecimal overlapPercent) {
    if (at <= 0 || at >= operations.size() || overlapPercent == null) {
      return null;
    }
    if (overlapPercent.compareTo(HUNDRED) >= 0) {
      return null;
    }
    OperationQuantities pred = operations.get(at - 1);
    if (pred.status() == OperationStatus.DONE || pred.status() == OperationStatus.SKIPPED) {
      return null;
    }
    BigDecimal finished = pred.good().add(pred.scrap()).add(pred.rework());
    BigDecimal share = HUNDRED.subtract(overlapPercent.max(BigDecimal.ZERO));
    // finished / in >= share / 100, without division
    if (finished.multiply(HUNDRED).compareTo(share.multiply(pred.in())) >= 0) {
      return null;
    }
    BigDecimal needed = share.multiply(pred.in()).divide(HUNDRED);
    int seq = operations.get(at).seq();
    return "operationSeq: operation "
        + seq
        + " overlaps its predecessor "
        + pred.seq()
        + " by "
        + plain(overlapPercent)
        + "%: it starts once "
        + plain(needed)
        + " ("
        + plain(share)
        + "% of "
        + plain(pred.in())
        + ") is finished there, "
        + plain(finished)
        + " so far / 工序 "
        + seq
        + " 与前工序 "
        + pred.seq()
        + " 重叠 "
        + plain(overlapPercent)
        + "%，须待前工序完成 "
        + plain(needed)
        + "（"
        + plain(share)
        + "%）后才能开工，目前完成 "
        + plain(finished);
  }

  /** Throws IllegalArgumentException with {@link #refusal} when there is one. */
  public static void check(
      List<OperationQuantities> operations, int at, BigDecimal overlapPercent) {
    String why = refusal(operations, at, overlapPercent);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
