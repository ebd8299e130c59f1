package io.tianshu.execution.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Backflush (倒冲): the components a report consumed, worked out from the order BOM rather than
 * issued by hand. A component assigned to an operation is consumed when that operation reports; one
 * without an operation when the last operation reports. Good and scrapped units both consumed their
 * material; units reported from rework did not consume it again. The BOM's planned component scrap
 * is not added: the actual scrap is in the report.
 */
public final class Backflush {
  /** Quantities are kept to six decimals, as in the stock ledger. */
  public static final int SCALE = 6;

  private Backflush() {}

  /**
   * A line of the order BOM as backflush sees it; {@code operationSeq} null: the last operation.
   */
  public record Component(
      long lineId,
      long materialId,
      BigDecimal quantityPer,
      Integer operationSeq,
      boolean backflush) {}

  /** What to take from stock for one component line. */
  public record Line(long lineId, long materialId, BigDecimal quantity) {}

  /** A lot of a component in stock, available to be consumed. */
  public record LotStock(String lot, BigDecimal quantity) {}

  /** A part of a consumption taken from one lot. */
  public record LotTake(String lot, BigDecimal quantity) {}

  /**
   * The backflush lines of a report of {@code good + scrap} at operation {@code seq}; {@code
   * lastSeq} is the order's last operation.
   */
  public static List<Line> consumption(
      List<Component> components, int seq, int lastSeq, BigDecimal good, BigDecimal scrap) {
    BigDecimal units = good.add(scrap);
    List<Line> lines = new ArrayList<>();
    if (units.signum() <= 0) {
      return lines;
    }
    for (Component c : components) {
      if (!c.backflush()) {
        continue;
      }
      int at = c.operationSeq() == null ? lastSeq : c.operationSeq();
      if (at != seq) {
        continue;
      }
      BigDecimal q = c.quantityPer().multiply(units).setScale(SCALE, RoundingMode.HALF_UP);
      if (q.signum() > 0) {
        lines.add(new Line(c.lineId(), c.materialId(), q));
      }
    }
    return lines;
  }

  /**
   * Takes {@code quantity} from lots first in, first out (lots in ascending code order, which is
   * receipt order for date-coded lots). Returns the takes, and as a last take with a null lot the
   * part no lot could cover, so that the caller decides between refusing and negative stock.
   */
  public static List<LotTake> pickLots(List<LotStock> lots, BigDecimal quantity) {
    List<LotStock> sorted = new ArrayList<>(lots);
    sorted.sort(Comparator.comparing(LotStock::lot));
    List<LotTake> takes = new ArrayList<>();
    BigDecimal left = quantity;
    for (LotStock l : sorted) {
      if (left.signum() <= 0) {
        break;
      }
      if (l.quantity().signum() <= 0) {
        continue;
      }
      BigDecimal take = l.quantity().min(left);
      takes.add(new LotTake(l.lot(), take));
      left = left.subtract(take);
    }
    if (left.signum() > 0) {
      takes.add(new LotTake(null, left));
    }
    return takes;
  }
}
