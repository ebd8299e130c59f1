package io.tianshu.inventory.internal;

import io.tianshu.inventory.StockStatus;
import java.util.Comparator;

/** What a balance is kept for. Lot and serial are "" when the material is not tracked by them. */
public record StockKey(
    long plantId, long locationId, long materialId, String lot, String serial, StockStatus status)
    implements Comparable<StockKey> {

  // Keys are locked in this order, so that two movements touching the same keys never deadlock.
  private static final Comparator<StockKey> ORDER =
      Comparator.comparingLong(StockKey::materialId)
          .thenComparingLong(StockKey::locationId)
          .thenComparing(StockKey::lot)
          .thenComparing(StockKey::serial)
          .thenComparing(StockKey::status);

  @Override
  public int compareTo(StockKey o) {
    return ORDER.compare(this, o);
  }
}
