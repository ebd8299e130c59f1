package io.tianshu.bom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tianshu.core.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worked example, by hand:
 *
 * <pre>
 *   A (top)     v1 (until 2027-01-01): 2 B, 1 C        v2 (from 2027-01-01): 2 B, 1 F
 *   B           1 D, 2 E (10 % scrap on E)
 *   C           3 E
 *   F           1 E, phantom kit K ×1 (K: 4 D)
 * </pre>
 *
 * Ten A on 2026-12-01: B 20, C 10, D 20, E 20·2·1.1 + 10·3 = 74. E is used at level 2 under B and
 * C, so its low-level code is 2; D sits at 2 too (and at 3 below the kit).
 */
class BomEngineTest {
  static final long A = 1, B = 2, C = 3, D = 4, E = 5, F = 6, K = 7;
  static final LocalDate NOW = LocalDate.of(2026, 12, 1);
  static final LocalDate LATER = LocalDate.of(2027, 3, 1);

  static BomVersion bom(long parent, String version, String from, String to, BomLine... lines) {
    return new BomVersion(
        parent,
        version,
        LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        List.of(lines));
  }

  static BomLine line(long component, double qty) {
    return new BomLine(component, qty, 0, false);
  }

  static List<BomVersion> example() {
    return List.of(
        bom(A, "1", "2020-01-01", "2027-01-01", line(B, 2), line(C, 1)),
        bom(A, "2", "2027-01-01", null, line(B, 2), line(F, 1)),
        bom(B, "1", "2020-01-01", null, line(D, 1), new BomLine(E, 2, 10, false)),
        bom(C, "1", "2020-01-01", null, line(E, 3)),
        bom(F, "1", "2020-01-01", null, line(E, 1), new BomLine(K, 1, 0, true)),
        bom(K, "1", "2020-01-01", null, line(D, 4)));
  }

  private final BomEngine engine = BomEngine.build(example());

  @Test
  void summarisedExplosionMatchesTheHandWorkedAnswer() {
    Map<Long, Double> req = engine.summarised(A, 10, NOW);
    assertThat(req).containsOnlyKeys(B, C, D, E);
    assertThat(req.get(B)).isCloseTo(20, within(1e-9));
    assertThat(req.get(C)).isCloseTo(10, within(1e-9));
    assertThat(req.get(D)).isCloseTo(20, within(1e-9));
    assertThat(req.get(E)).isCloseTo(74, within(1e-9));
    // Ordered by low-level code: B and C (1) before D and E (2).
    assertThat(new ArrayList<>(req.keySet()).subList(0, 2)).containsExactlyInAnyOrder(B, C);
  }

  @Test
  void effectivityPicksTheVersionOfTheDateAndPhantomsAreBlownThrough() {
    // 2027: A = 2 B + 1 F; F = 1 E + kit K (phantom, 4 D). Ten A: B 20, F 10, D 20 + 40, E 44 + 10.
    Map<Long, Double> req = engine.summarised(A, 10, LATER);
    assertThat(req).containsOnlyKeys(B, F, D, E);
    assertThat(req.get(D)).isCloseTo(60, within(1e-9));
    assertThat(req.get(E)).isCloseTo(54, within(1e-9));
    assertThat(engine.summarised(A, 10, LocalDate.of(2019, 1, 1))).isEmpty();
  }

  @Test
  void indentedExplosionListsEveryPathInLineOrder() {
    List<ExplosionRow> rows = engine.indented(A, 1, NOW, 100);
    assertThat(rows)
        .extracting(ExplosionRow::level, ExplosionRow::parentId, ExplosionRow::componentId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, A, B),
            org.assertj.core.groups.Tuple.tuple(2, B, D),
            org.assertj.core.groups.Tuple.tuple(2, B, E),
            org.assertj.core.groups.Tuple.tuple(1, A, C),
            org.assertj.core.groups.Tuple.tuple(2, C, E));
    // One A takes 2 B, each 2 E plus 10 % scrap: 4.4 E.
    assertThat(rows.get(2).quantity()).isCloseTo(4.4, within(1e-9));
    assertThat(rows.get(2).quantityPer()).isCloseTo(2, within(1e-9));
    assertThat(engine.indented(A, 1, NOW, 2)).hasSize(2);
  }

  @Test
  void whereUsedSingleAndMultiLevelAtADate() {
    // B, C and F each use E in a version effective now (F is simply not in A's current version).
    assertThat(engine.whereUsed(E, NOW, false))
        .containsExactlyInAnyOrder(new WhereUsed(B, 1), new WhereUsed(C, 1), new WhereUsed(F, 1));
    assertThat(engine.whereUsed(E, NOW, true))
        .containsExactlyInAnyOrder(
            new WhereUsed(B, 1), new WhereUsed(C, 1), new WhereUsed(F, 1), new WhereUsed(A, 2));
    // C is used in A's first version only: before 2027 it has a parent, after it none.
    assertThat(engine.whereUsed(C, NOW, true)).containsExactly(new WhereUsed(A, 1));
    assertThat(engine.whereUsed(C, LATER, true)).isEmpty();
    assertThat(engine.whereUsed(F, LATER, false)).containsExactly(new WhereUsed(A, 1));
    assertThat(engine.whereUsed(F, NOW, false)).isEmpty();
    assertThat(engine.whereUsed(D, LATER, true)).contains(new WhereUsed(K, 1), new WhereUsed(A, 2));
  }

  @Test
  void lowLevelCodesAreTheDeepestOccurrenceOverAllVersions() {
    assertThat(engine.lowLevelCode(A)).isZero();
    assertThat(engine.lowLevelCode(B)).isEqualTo(1);
    assertThat(engine.lowLevelCode(E)).isEqualTo(2);
    assertThat(engine.lowLevelCode(D)).isEqualTo(3);
    assertThat(engine.lowLevelCode(99)).isEqualTo(-1);
  }

  @Test
  void cyclesAreRejectedWithThePathNamed() {
    List<BomVersion> cyclic = new ArrayList<>(example());
    cyclic.add(bom(E, "1", "2020-01-01", null, line(A, 1)));
    assertThatThrownBy(() -> BomEngine.build(cyclic))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.fieldErrors().get(0).code()).isEqualTo("cycle");
              // Any rotation of A → B → E → A or A → C → E → A is the truth.
              assertThat(e.getMessage())
                  .containsAnyOf(
                      "1 → 2 → 5 → 1",
                      "2 → 5 → 1 → 2",
                      "5 → 1 → 2 → 5",
                      "1 → 3 → 5 → 1",
                      "3 → 5 → 1 → 3",
                      "5 → 1 → 3 → 5");
            });
    // Before adding E → A, the engine names the path that the new line would close.
    assertThat(engine.path(A, E)).isPresent();
    assertThat(engine.path(A, E).get()).startsWith(A).endsWith(E);
    assertThat(engine.path(E, A)).isEmpty();
  }

  @Test
  void overlappingVersionsOfOneParentAreRejected() {
    List<BomVersion> overlapping = new ArrayList<>(example());
    overlapping.add(bom(C, "2", "2026-06-01", null, line(D, 1)));
    assertThatThrownBy(() -> BomEngine.build(overlapping))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors().get(0).code()).isEqualTo("overlap"));
  }

  @Test
  void parentsMetAsComponentsBeforeTheirOwnBomCompileCorrectly() {
    // Z (id 1) uses Y (id 30); Y uses X (id 20) — ids out of the order they are first seen in.
    BomEngine e =
        BomEngine.build(
            List.of(
                bom(1, "1", "2020-01-01", null, line(30, 2)),
                bom(30, "1", "2020-01-01", null, line(20, 3)),
                bom(20, "1", "2020-01-01", null, line(10, 5))));
    assertThat(e.summarised(1, 1, NOW))
        .containsExactly(
            org.assertj.core.api.Assertions.entry(30L, 2.0),
            org.assertj.core.api.Assertions.entry(20L, 6.0),
            org.assertj.core.api.Assertions.entry(10L, 30.0));
    assertThat(e.whereUsed(10, NOW, true))
        .containsExactly(new WhereUsed(20, 1), new WhereUsed(30, 2), new WhereUsed(1, 3));
  }

  @Test
  void sizesAreReported() {
    assertThat(engine.materials()).isEqualTo(7);
    assertThat(engine.lines()).isEqualTo(10);
  }
}
