package io.tianshu.integration.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A WMS stock snapshot against Tianshu's stock: for every key (location, material, lot, serial,
 * status) of the snapshot's locations, the adjustment that makes Tianshu's quantity equal the
 * snapshot's. A key Tianshu holds in a counted location but the snapshot does not list is counted
 * as zero; the counted locations are those named plus those of the snapshot's lines, and every
 * other location is left alone. Plain Java, tested without a database.
 */
final class StockSnapshot {
  private StockSnapshot() {}

  /** One stock key. */
  record Key(long locationId, long materialId, String lot, String serial, String status) {
    Key {
      lot = lot == null || lot.isBlank() ? null : lot;
      serial = serial == null || serial.isBlank() ? null : serial;
      Objects.requireNonNull(status, "status");
    }
  }

  /** A key with a quantity: a snapshot line or a Tianshu balance. */
  record Line(Key key, BigDecimal quantity) {}

  /**
   * The adjustments, in the order of the snapshot lines and then of Tianshu's balances: positive
   * where the snapshot holds more, negative where it holds less. Keys that agree produce none.
   * Lines of one key in the snapshot add up.
   */
  static List<Line> adjustments(Set<Long> locations, List<Line> snapshot, List<Line> tianshu) {
    Map<Key, BigDecimal> counted = new LinkedHashMap<>();
    for (Line l : snapshot) {
      if (l.quantity().signum() < 0) {
        throw new IllegalArgumentException(
            "lines.quantity: a counted quantity cannot be negative / 盘点数量不能为负");
      }
      counted.merge(l.key(), l.quantity(), BigDecimal::add);
    }
    Set<Long> scope = new java.util.HashSet<>(locations);
    snapshot.forEach(l -> scope.add(l.key().locationId()));
    Map<Key, BigDecimal> held = new HashMap<>();
    List<Key> heldOrder = new ArrayList<>();
    for (Line l : tianshu) {
      if (scope.contains(l.key().locationId())) {
        if (held.merge(l.key(), l.quantity(), BigDecimal::add) == l.quantity()) {
          heldOrder.add(l.key());
        }
      }
    }
    List<Line> out = new ArrayList<>();
    for (Map.Entry<Key, BigDecimal> e : counted.entrySet()) {
      BigDecimal diff = e.getValue().subtract(held.getOrDefault(e.getKey(), BigDecimal.ZERO));
      if (diff.signum() != 0) {
        out.add(new Line(e.getKey(), diff));
      }
    }
    for (Key k : heldOrder) {
      if (!counted.containsKey(k) && held.get(k).signum() != 0) {
        out.add(new Line(k, held.get(k).negate()));
      }
    }
    return out;
  }
}
