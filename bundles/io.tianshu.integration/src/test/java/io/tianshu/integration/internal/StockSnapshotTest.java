package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.integration.internal.StockSnapshot.Key;
import io.tianshu.integration.internal.StockSnapshot.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StockSnapshotTest {
  private static Line line(long loc, long mat, String lot, String qty) {
    return new Line(new Key(loc, mat, lot, null, "AVAILABLE"), new BigDecimal(qty));
  }

  @Test
  void countedDifferencesBecomeAdjustmentsAndUncountedKeysGoToZero() {
    List<Line> tianshu =
        List.of(
            line(1, 10, "L1", "100"), // counted 95: -5
            line(1, 11, null, "40"), // counted 40: nothing
            line(1, 12, "L9", "7"), // not in the snapshot: -7
            line(2, 10, "L1", "30")); // location 2 not counted: left alone
    List<Line> snapshot =
        List.of(
            line(1, 10, "L1", "95"),
            line(1, 11, null, "40"),
            line(1, 13, "N1", "12")); // unknown to Tianshu: +12
    assertThat(StockSnapshot.adjustments(Set.of(1L), snapshot, tianshu))
        .containsExactly(line(1, 10, "L1", "-5"), line(1, 13, "N1", "12"), line(1, 12, "L9", "-7"));
  }

  @Test
  void linesOfOneKeyAddUpAndBlankLotsAreNone() {
    List<Line> snapshot = List.of(line(1, 10, "", "3"), line(1, 10, null, "4"));
    assertThat(StockSnapshot.adjustments(Set.of(1L), snapshot, List.of(line(1, 10, null, "7"))))
        .isEmpty();
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(
            () ->
                StockSnapshot.adjustments(Set.of(1L), List.of(line(1, 10, null, "-1")), List.of()))
        .hasMessageStartingWith("lines.quantity");
  }

  /** After the adjustments, Tianshu holds exactly what was counted, for random stocks. */
  @Test
  void afterTheAdjustmentsTianshuEqualsTheCount() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      List<Line> tianshu = new ArrayList<>();
      List<Line> snapshot = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long loc = 1 + random.nextInt(3);
        long mat = 10 + random.nextInt(4);
        String lot = random.nextBoolean() ? null : "L" + random.nextInt(3);
        if (random.nextBoolean()) {
          tianshu.add(line(loc, mat, lot, Integer.toString(random.nextInt(50))));
        } else {
          snapshot.add(line(loc, mat, lot, Integer.toString(random.nextInt(50))));
        }
      }
      Set<Long> named = Set.of(1L, 2L);
      List<Line> adjustments = StockSnapshot.adjustments(named, snapshot, tianshu);
      Set<Long> counted = new java.util.HashSet<>(named);
      snapshot.forEach(l -> counted.add(l.key().locationId()));
      Map<Key, BigDecimal> after = new HashMap<>();
      for (Line l : tianshu) {
        after.merge(l.key(), l.quantity(), BigDecimal::add);
      }
      for (Line l : adjustments) {
        after.merge(l.key(), l.quantity(), BigDecimal::add);
      }
      Map<Key, BigDecimal> expected = new HashMap<>();
      for (Line l : snapshot) {
        expected.merge(l.key(), l.quantity(), BigDecimal::add);
      }
      for (Map.Entry<Key, BigDecimal> e : after.entrySet()) {
        BigDecimal want =
            counted.contains(e.getKey().locationId())
                ? expected.getOrDefault(e.getKey(), BigDecimal.ZERO)
                : tianshu.stream()
                    .filter(l -> l.key().equals(e.getKey()))
                    .map(Line::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(e.getValue())
            .as("key %s round %d", e.getKey(), round)
            .isEqualByComparingTo(want);
      }
      for (Map.Entry<Key, BigDecimal> e : expected.entrySet()) {
        if (counted.contains(e.getKey().locationId())) {
          assertThat(after.getOrDefault(e.getKey(), BigDecimal.ZERO))
              .isEqualByComparingTo(e.getValue());
        }
      }
    }
  }
}
