package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DisplacementTest {
  private static final LocalDate D1 = LocalDate.of(2026, 3, 2);

  private static LocalDate d(int day) {
    return D1.plusDays(day);
  }

  @Test
  void aRushLineTakesWhatLaterLinesWereCoveredBy() {
    // On hand 10; 20 arrive on day 5. Committed: A 10 on day 3 (the stock), B 15 on day 6 and
    // C 5 on day 8 (the 20 of day 5). A new line of 12 on day 4 can only take what has arrived by
    // day 4: the 10 on hand, A's (it stays 2 short itself). From day 5 the 20 serve B (15) and C
    // (5) as before. So A is displaced by 10, B and C not.
    List<Displacement.Displaced> displaced =
        Displacement.of(
            D1,
            10,
            List.of(new AtpSupply(d(5), 20)),
            List.of(
                new Displacement.Line(1, "SO A/1", d(3), 10),
                new Displacement.Line(2, "SO B/1", d(6), 15),
                new Displacement.Line(3, "SO C/1", d(8), 5)),
            12,
            d(4));
    assertThat(displaced).containsExactly(new Displacement.Displaced(1, "SO A/1", d(3), 10, 10));
  }

  @Test
  void aLineAfterTheOthersDisplacesNothingAndOneBeforeThemTakesInDueOrder() {
    List<Displacement.Line> committed =
        List.of(new Displacement.Line(1, "A", d(2), 5), new Displacement.Line(2, "B", d(3), 5));
    // 10 on hand cover A and B; 4 more on day 9 are free: a line of 4 on day 9 displaces nothing.
    assertThat(Displacement.of(D1, 10, List.of(new AtpSupply(d(9), 4)), committed, 4, d(9)))
        .isEmpty();
    // A line of 7 on day 1: takes 7 of the 10; A (day 2) gets 3 (short 2), B gets nothing (short
    // 5).
    assertThat(Displacement.of(D1, 10, List.of(), committed, 7, d(1)))
        .containsExactly(
            new Displacement.Displaced(1, "A", d(2), 5, 2),
            new Displacement.Displaced(2, "B", d(3), 5, 5));
    // A line on the same date as A comes first on that date.
    assertThat(Displacement.of(D1, 10, List.of(), committed, 6, d(2)))
        .containsExactly(
            new Displacement.Displaced(1, "A", d(2), 5, 1),
            new Displacement.Displaced(2, "B", d(3), 5, 5));
  }

  @Test
  void alreadyShortLinesAreOnlyDisplacedByWhatTheyLoseMore() {
    // 5 on hand, A wants 8 on day 2 (short 3 already); a new line of 2 on day 1 makes A short 5:
    // displaced by 2.
    assertThat(
            Displacement.of(
                D1, 5, List.of(), List.of(new Displacement.Line(1, "A", d(2), 8)), 2, d(1)))
        .containsExactly(new Displacement.Displaced(1, "A", d(2), 8, 2));
  }

  @Test
  void invalidInputIsRefused() {
    assertThatThrownBy(() -> Displacement.of(D1, -1, List.of(), List.of(), 1, D1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Displacement.of(D1, 1, List.of(), List.of(), 0, D1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Displacement.Line(1, "x", D1, -2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** What the new line takes is exactly what the committed lines lose, when supply was enough. */
  @Test
  void displacedQuantitiesNeverExceedTheNewLine() {
    Random random = new Random(7);
    for (int run = 0; run < 500; run++) {
      List<AtpSupply> supplies = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        supplies.add(new AtpSupply(d(random.nextInt(20)), random.nextInt(30)));
      }
      List<Displacement.Line> lines = new ArrayList<>();
      for (int i = 0; i < random.nextInt(6); i++) {
        lines.add(new Displacement.Line(i, "L" + i, d(random.nextInt(20)), random.nextInt(15)));
      }
      double quantity = 1 + random.nextInt(20);
      List<Displacement.Displaced> displaced =
          Displacement.of(D1, random.nextInt(20), supplies, lines, quantity, d(random.nextInt(20)));
      double lost = displaced.stream().mapToDouble(Displacement.Displaced::shortBy).sum();
      assertThat(lost).isLessThanOrEqualTo(quantity + 1e-9);
      for (Displacement.Displaced x : displaced) {
        assertThat(x.shortBy()).isPositive().isLessThanOrEqualTo(x.quantity() + 1e-9);
      }
    }
  }
}
