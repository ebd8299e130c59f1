package io.tianshu.bom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.ValidationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Serial breakpoints, by hand:
 *
 * <pre>
 *   P  v1 2026-01-01.. unranged until 2026-07-01: 2 X
 *      v2 2026-07-01.. serials    1..999      : 3 X
 *      v3 2026-07-01.. serials 1000..          : 1 X, 1 Y
 * </pre>
 *
 * Five P on 2026-08-01 for serial 0999 (= 999, v2): X 5·3 = 15; for serial 1000 (v3): X 5, Y 5;
 * without a serial nothing (only v1 is unranged, and it ended on 2026-07-01).
 */
class SerialEffectivityTest {
  static final long P = 1, X = 2, Y = 3, Q = 4;
  static final LocalDate SPRING = LocalDate.of(2026, 3, 1);
  static final LocalDate SUMMER = LocalDate.of(2026, 8, 1);

  static BomVersion v(
      long parent, String rev, String from, String to, String sFrom, String sTo, BomLine... l) {
    return new BomVersion(
        parent,
        rev,
        LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        sFrom,
        sTo,
        List.of(l));
  }

  static BomLine line(long c, double q) {
    return new BomLine(c, q, 0, false);
  }

  private final BomEngine engine =
      BomEngine.build(
          List.of(
              v(P, "1", "2026-01-01", "2026-07-01", null, null, line(X, 2)),
              v(P, "2", "2026-07-01", null, "1", "999", line(X, 3)),
              v(P, "3", "2026-07-01", null, "1000", null, line(X, 1), line(Y, 1)),
              v(Q, "1", "2026-01-01", null, null, null, line(P, 1))));

  @Test
  void serialsCompareAsNumbersThenByLength() {
    assertThat(SerialNumbers.compare("99", "100")).isNegative();
    assertThat(SerialNumbers.compare("0100", "100")).isZero();
    assertThat(SerialNumbers.compare("SN0999", "SN1000")).isNegative();
    assertThat(SerialNumbers.compare("A99", "A100")).isNegative();
    assertThat(SerialNumbers.within("0999", "1", "999")).isTrue();
    assertThat(SerialNumbers.within("1000", "1", "999")).isFalse();
    assertThat(SerialNumbers.within("5", null, "5")).isTrue();
    assertThat(SerialNumbers.overlap("1", "10", "10", null)).isTrue();
    assertThat(SerialNumbers.overlap("1", "9", "10", null)).isFalse();
  }

  @Test
  void theSerialChoosesTheVersion() {
    assertThat(engine.summarised(P, 5, SUMMER, "0999"))
        .containsExactlyEntriesOf(java.util.Map.of(X, 15.0));
    assertThat(engine.summarised(P, 5, SUMMER, "1000")).containsOnlyKeys(X, Y);
    assertThat(engine.summarised(P, 5, SUMMER, "1000").get(X)).isEqualTo(5.0);
    assertThat(engine.summarised(P, 5, SUMMER, null)).isEmpty();
    // In spring only the unranged v1 exists: with or without a serial it applies (2 X each).
    assertThat(engine.summarised(P, 5, SPRING, null).get(X)).isEqualTo(10.0);
    assertThat(engine.summarised(P, 5, SPRING, "5").get(X)).isEqualTo(10.0);
    // The end item's serial reaches through levels: Q over P, serial 1500 picks v3 below Q.
    assertThat(engine.summarised(Q, 2, SUMMER, "1500")).containsOnlyKeys(P, X, Y);
    assertThat(engine.indented(Q, 1, SUMMER, "7", 100))
        .extracting(ExplosionRow::componentId)
        .containsExactly(P, X);
  }

  @Test
  void whereUsedFollowsTheSerial() {
    assertThat(engine.whereUsed(Y, SUMMER, "1000", true))
        .containsExactly(new WhereUsed(P, 1), new WhereUsed(Q, 2));
    assertThat(engine.whereUsed(Y, SUMMER, "999", true)).isEmpty();
    assertThat(engine.whereUsed(Y, SUMMER, null, true)).isEmpty();
    assertThat(engine.whereUsed(X, SUMMER, "3", false)).containsExactly(new WhereUsed(P, 1));
    assertThat(engine.whereUsed(X, SUMMER, null, false)).isEmpty();
  }

  @Test
  void versionsOverlapOnlyWhenDatesAndSerialsBothOverlap() {
    // Same window, disjoint serial ranges: fine (as above). Shared serial 999: overlap.
    assertThatThrownBy(
            () ->
                BomEngine.build(
                    List.of(
                        v(P, "2", "2026-07-01", null, "1", "999", line(X, 3)),
                        v(P, "3", "2026-07-01", null, "999", null, line(Y, 1)))))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.getMessage()).contains("2").contains("3"));
    // A ranged version on top of an unranged default in the same window: a serial breakpoint.
    // In July serials 1..9 get v2 (3 X), every other serial and no serial the default v1 (2 X).
    BomEngine breakpoint =
        BomEngine.build(
            List.of(
                v(P, "1", "2026-01-01", null, null, null, line(X, 2)),
                v(P, "2", "2026-07-01", "2026-08-01", "1", "9", line(X, 3))));
    assertThat(breakpoint.summarised(P, 1, LocalDate.of(2026, 7, 15), "5").get(X)).isEqualTo(3.0);
    assertThat(breakpoint.summarised(P, 1, LocalDate.of(2026, 7, 15), "50").get(X)).isEqualTo(2.0);
    assertThat(breakpoint.summarised(P, 1, LocalDate.of(2026, 7, 15), null).get(X)).isEqualTo(2.0);
    // Two unranged versions in one window clash.
    assertThatThrownBy(
            () ->
                BomEngine.build(
                    List.of(
                        v(P, "1", "2026-01-01", null, null, null, line(X, 2)),
                        v(P, "2", "2026-07-01", "2026-08-01", null, null, line(X, 3)))))
        .isInstanceOf(ValidationException.class);
    // Overlapping serials in windows that do not overlap: fine (the later v starts at v1's end).
    BomEngine ok =
        BomEngine.build(
            List.of(
                v(P, "1", "2026-01-01", "2026-07-01", "1", "100", line(X, 2)),
                v(P, "2", "2026-07-01", null, "1", "100", line(X, 3))));
    assertThat(ok.summarised(P, 1, SPRING, "50").get(X)).isEqualTo(2.0);
    assertThat(ok.summarised(P, 1, SUMMER, "50").get(X)).isEqualTo(3.0);
    // A version overlapping a non-adjacent earlier one is still found (v1 open-ended).
    assertThatThrownBy(
            () ->
                BomEngine.build(
                    List.of(
                        v(P, "1", "2026-01-01", null, "1", "100", line(X, 2)),
                        v(P, "2", "2026-02-01", "2026-03-01", "200", "300", line(X, 3)),
                        v(P, "3", "2026-04-01", null, "50", "60", line(X, 3)))))
        .isInstanceOf(ValidationException.class);
  }
}
