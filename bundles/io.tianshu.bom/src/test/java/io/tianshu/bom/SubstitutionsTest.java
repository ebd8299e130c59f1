package io.tianshu.bom;

import static io.tianshu.bom.SubstitutionStrategy.DATE_EFFECTIVE;
import static io.tianshu.bom.SubstitutionStrategy.DESIGNATED;
import static io.tianshu.bom.SubstitutionStrategy.PRIORITY;
import static io.tianshu.bom.SubstitutionStrategy.REPLACEMENT;
import static io.tianshu.bom.SubstitutionStrategy.USE_UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers worked by hand. Materials: A..F are components, P and Q are parents. Options are
 * written compactly as {@code "<P|S> <sets>: <material><qty> ..."}: P for the primary set, S for a
 * substitute, quantities already scaled (part quantity per set × sets).
 */
class SubstitutionsTest {
  static final long A = 1, B = 2, C = 3, D = 4, E = 5, F = 6;
  static final long P = 100, Q = 200;
  static final Map<Long, String> NAMES = Map.of(A, "A", B, "B", C, "C", D, "D", E, "E", F, "F");
  static final LocalDate DAY = LocalDate.of(2026, 6, 1);
  static final SubstitutionContext NOW = SubstitutionContext.at(DAY);
  static final LongToDoubleFunction NO_STOCK = m -> 0;

  // ---- helpers ----

  static SubstitutePart part(long material, double qty) {
    return new SubstitutePart(material, qty);
  }

  static Substitute sub(int priority, SubstitutePart... parts) {
    return new Substitute(priority, List.of(parts), null, null);
  }

  static Substitute sub(int priority, String from, String to, SubstitutePart... parts) {
    return new Substitute(priority, List.of(parts), date(from), date(to));
  }

  static LocalDate date(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  static SubstitutionGroup group(
      long id, SubstitutionStrategy strategy, List<SubstitutePart> primary, Substitute... subs) {
    return new SubstitutionGroup(
        id, null, primary, List.of(subs), strategy, null, null, null, null);
  }

  static SubstitutionGroup scoped(
      long id,
      Long parent,
      String customer,
      String order,
      SubstitutionStrategy strategy,
      List<SubstitutePart> primary,
      Substitute... subs) {
    return new SubstitutionGroup(
        id, parent, primary, List.of(subs), strategy, customer, order, null, null);
  }

  static String fmt(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  static List<String> describe(List<SubstitutionOption> options) {
    for (int i = 0; i < options.size(); i++) {
      assertThat(options.get(i).rank()).as("rank").isEqualTo(i + 1);
    }
    return options.stream()
        .map(
            o ->
                (o.primary() ? "P " : "S ")
                    + fmt(o.sets())
                    + ":"
                    + o.parts().stream()
                        .map(p -> " " + NAMES.get(p.materialId()) + fmt(p.quantity()))
                        .collect(Collectors.joining()))
        .toList();
  }

  static List<String> options(
      Substitutions s, long component, double qty, SubstitutionContext ctx) {
    return describe(s.options(P, component, qty, ctx, NO_STOCK));
  }

  // ---- no group ----

  /** No group for D: D itself at the required 7, group 0, reason "no substitution". */
  @Test
  void withoutAGroupTheComponentAloneIsOffered() {
    Substitutions s =
        Substitutions.of(List.of(group(1, PRIORITY, List.of(part(A, 1)), sub(1, part(B, 1)))));
    List<SubstitutionOption> o = s.options(P, D, 7, NOW, NO_STOCK);
    assertThat(describe(o)).containsExactly("P 7: D7");
    assertThat(o.get(0).groupId()).isZero();
    assertThat(o.get(0).reason()).isEqualTo("no substitution / 无替代");
    assertThat(s.groupsFor(D)).isEmpty();
  }

  // ---- PRIORITY and set shapes ----

  /**
   * 1:1, PRIORITY. A is replaced by C (priority 2), B (priority 1), D (priority 2, listed after C)
   * and E (priority 0, expired 2026-01-01). For 10 A: primary A10, then B10, C10, D10 (tie kept in
   * list order), E left out.
   */
  @Test
  void priorityOffersPrimaryThenValidSubstitutesByPriority() {
    Substitutions s =
        Substitutions.of(
            List.of(
                group(
                    1,
                    PRIORITY,
                    List.of(part(A, 1)),
                    sub(2, part(C, 1)),
                    sub(1, part(B, 1)),
                    sub(2, part(D, 1)),
                    sub(0, null, "2026-01-01", part(E, 1)))));
    List<SubstitutionOption> o = s.options(P, A, 10, NOW, NO_STOCK);
    assertThat(describe(o)).containsExactly("P 10: A10", "S 10: B10", "S 10: C10", "S 10: D10");
    assertThat(o).allMatch(x -> x.groupId() == 1);
    assertThat(o.get(0).reason()).isEqualTo("primary / 主料");
    assertThat(o.get(1).reason()).isEqualTo("priority 1 / 优先级 1");
    assertThat(o.get(2).reason()).isEqualTo("priority 2 / 优先级 2");
  }

  /**
   * 1:n. Group 1: one A replaced by 1 C + 2 D; 10 A → 10 sets → C10 + D20. Group 2: 2 E replaced by
   * 1 C + 3 D; 10 E → 5 sets → C5 + D15.
   */
  @Test
  void oneToManyScalesEverySubstitutePart() {
    Substitutions s =
        Substitutions.of(
            List.of(
                group(1, PRIORITY, List.of(part(A, 1)), sub(1, part(C, 1), part(D, 2))),
                group(2, PRIORITY, List.of(part(E, 2)), sub(1, part(C, 1), part(D, 3)))));
    assertThat(options(s, A, 10, NOW)).containsExactly("P 10: A10", "S 10: C10 D20");
    assertThat(options(s, E, 10, NOW)).containsExactly("P 5: E10", "S 5: C5 D15");
  }

  /**
   * n:1. 2 A + 1 B are replaced by 1 C. Asking for 100 A → 50 sets; asking for 50 B → 50 sets: the
   * same answer, primary A100 B50, substitute C50.
   */
  @Test
  void manyToOneGivesTheSameSetsWhicheverPrimaryPartIsAsked() {
    Substitutions s =
        Substitutions.of(
            List.of(group(1, PRIORITY, List.of(part(A, 2), part(B, 1)), sub(1, part(C, 1)))));
    List<String> expected = List.of("P 50: A100 B50", "S 50: C50");
    assertThat(options(s, A, 100, NOW)).isEqualTo(expected);
    assertThat(options(s, B, 50, NOW)).isEqualTo(expected);
    assertThat(s.groupsFor(A)).extracting(SubstitutionGroup::id).containsExactly(1L);
    assertThat(s.groupsFor(B)).extracting(SubstitutionGroup::id).containsExactly(1L);
  }

  /**
   * Combination. Set [2 A + 1 B] replaced by set [1 C + 3 D]. 5 B (or 10 A) → 5 sets: primary A10
   * B5, substitute C5 D15.
   */
  @Test
  void combinationReplacesSetBySet() {
    Substitutions s =
        Substitutions.of(
            List.of(
                group(
                    1, PRIORITY, List.of(part(A, 2), part(B, 1)), sub(1, part(C, 1), part(D, 3)))));
    List<String> expected = List.of("P 5: A10 B5", "S 5: C5 D15");
    assertThat(options(s, B, 5, NOW)).isEqualTo(expected);
    assertThat(options(s, A, 10, NOW)).isEqualTo(expected);
  }

  // ---- USE_UP ----

  static Substitutions useUp() {
    return Substitutions.of(
        List.of(group(1, USE_UP, List.of(part(A, 1)), sub(2, part(C, 1)), sub(1, part(B, 1)))));
  }

  /**
   * 100 A needed, 30 on hand: 30 from A, the other 70 from B (priority 1), C as fallback for all.
   */
  @Test
  void useUpTakesStockThenTheFirstSubstitute() {
    List<SubstitutionOption> o = useUp().options(P, A, 100, NOW, m -> m == A ? 30 : 0);
    assertThat(describe(o)).containsExactly("P 30: A30", "S 70: B70", "S 100: C100");
    assertThat(o.get(0).reason()).isEqualTo("use up stock / 先用完库存");
    assertThat(o.get(1).reason()).isEqualTo("rest after use-up, priority 1 / 用完后替代 优先级 1");
    assertThat(o.get(2).reason()).isEqualTo("fallback, priority 2 / 备选 优先级 2");
  }

  /** No stock (or negative stock, or no stock function): no primary option, B covers all 100. */
  @Test
  void useUpWithoutStockGoesStraightToTheSubstitute() {
    List<String> expected = List.of("S 100: B100", "S 100: C100");
    assertThat(describe(useUp().options(P, A, 100, NOW, NO_STOCK))).isEqualTo(expected);
    assertThat(describe(useUp().options(P, A, 100, NOW, m -> -5))).isEqualTo(expected);
    assertThat(describe(useUp().options(P, A, 100, NOW, null))).isEqualTo(expected);
  }

  /** 150 (or exactly 100) on hand: A covers all 100; B and C still listed as fallbacks. */
  @Test
  void useUpWithEnoughStockListsSubstitutesAsFallbacks() {
    List<String> expected = List.of("P 100: A100", "S 100: B100", "S 100: C100");
    assertThat(describe(useUp().options(P, A, 100, NOW, m -> 150))).isEqualTo(expected);
    assertThat(describe(useUp().options(P, A, 100, NOW, m -> 100))).isEqualTo(expected);
  }

  /**
   * n:1 use-up: 2 A + 1 B → 1 C. Stock A 40 (20 sets), B 30 (30 sets): 20 sets available. 100 A →
   * 50 sets: primary 20 sets (A40 B20), C 30 sets.
   */
  @Test
  void useUpOfASetIsLimitedByItsScarcestPart() {
    Substitutions s =
        Substitutions.of(
            List.of(group(1, USE_UP, List.of(part(A, 2), part(B, 1)), sub(1, part(C, 1)))));
    LongToDoubleFunction stock = m -> m == A ? 40 : m == B ? 30 : 0;
    assertThat(describe(s.options(P, A, 100, NOW, stock)))
        .containsExactly("P 20: A40 B20", "S 30: C30");
  }

  /**
   * Set [0.1 A + 1 B] → 1 C; 3 B needed → 3 sets. Stock A 0.3, B 3: 0.3 / 0.1 = 2.9999999999999996
   * sets in doubles. The rounding crumb (4e-16 sets) is not sent to C: the primary covers all 3
   * sets and C is only a fallback.
   */
  @Test
  void useUpIgnoresRoundingCrumbs() {
    Substitutions s =
        Substitutions.of(
            List.of(group(1, USE_UP, List.of(part(A, 0.1), part(B, 1)), sub(1, part(C, 1)))));
    List<SubstitutionOption> o = s.options(P, B, 3, NOW, m -> m == A ? 0.3 : m == B ? 3 : 0);
    assertThat(o).hasSize(2);
    assertThat(o.get(0).primary()).isTrue();
    assertThat(o.get(0).sets()).isEqualTo(3);
    assertThat(o.get(1).sets()).isEqualTo(3);
    assertThat(o.get(1).reason()).isEqualTo("fallback, priority 1 / 备选 优先级 1");
  }

  /**
   * The substitute only starts on 2026-09-01: on 2026-06-01 there is nothing to switch to, so the
   * primary must cover all 100 even without stock (otherwise the requirement would vanish).
   */
  @Test
  void useUpWithoutAValidSubstituteKeepsThePrimaryForEverything() {
    Substitutions s =
        Substitutions.of(
            List.of(group(1, USE_UP, List.of(part(A, 1)), sub(1, "2026-09-01", null, part(B, 1)))));
    List<SubstitutionOption> o = s.options(P, A, 100, NOW, NO_STOCK);
    assertThat(describe(o)).containsExactly("P 100: A100");
    assertThat(o.get(0).reason()).isEqualTo("use-up: no valid substitute / 用完替代：无有效替代料");
  }

  // ---- DATE_EFFECTIVE ----

  /**
   * A is replaced by B from 2026-07-01 (priority 1); C (priority 2, no start date) is always valid.
   * 2026-06-30: primary A, then C. 2026-07-01: B (took effect) first, A as fallback, then C.
   */
  @Test
  void dateEffectiveSwitchesOnTheDate() {
    Substitutions s =
        Substitutions.of(
            List.of(
                group(
                    1,
                    DATE_EFFECTIVE,
                    List.of(part(A, 1)),
                    sub(2, part(C, 1)),
                    sub(1, "2026-07-01", null, part(B, 1)))));
    List<SubstitutionOption> before =
        s.options(P, A, 10, SubstitutionContext.at(LocalDate.of(2026, 6, 30)), NO_STOCK);
    assertThat(describe(before)).containsExactly("P 10: A10", "S 10: C10");
    assertThat(before.get(0).reason()).isEqualTo("primary / 主料");

    List<SubstitutionOption> after =
        s.options(P, A, 10, SubstitutionContext.at(LocalDate.of(2026, 7, 1)), NO_STOCK);
    assertThat(describe(after)).containsExactly("S 10: B10", "P 10: A10", "S 10: C10");
    assertThat(after.get(0).reason()).contains("2026-07-01").contains("生效");
    assertThat(after.get(1).reason()).isEqualTo("primary (fallback) / 主料（备选）");
  }

  // ---- DESIGNATED and REPLACEMENT ----

  /**
   * Designated for customer ACME: C (priority 2) and B (priority 1). For ACME: B then C, no
   * primary. For another customer (or none) the group does not apply: A alone, no substitution.
   */
  @Test
  void designatedOffersOnlyTheDesignatedSubstitutesInItsScope() {
    Substitutions s =
        Substitutions.of(
            List.of(
                scoped(
                    1,
                    null,
                    "ACME",
                    null,
                    DESIGNATED,
                    List.of(part(A, 1)),
                    sub(2, part(C, 1)),
                    sub(1, part(B, 1)))));
    List<SubstitutionOption> acme =
        s.options(P, A, 10, new SubstitutionContext(DAY, "ACME", "SO-1"), NO_STOCK);
    assertThat(describe(acme)).containsExactly("S 10: B10", "S 10: C10");
    assertThat(acme.get(0).reason()).isEqualTo("designated, priority 1 / 指定替代 优先级 1");
    List<SubstitutionOption> other =
        s.options(P, A, 10, new SubstitutionContext(DAY, "OTHER", null), NO_STOCK);
    assertThat(describe(other)).containsExactly("P 10: A10");
    assertThat(other.get(0).reason()).isEqualTo("no substitution / 无替代");
    assertThat(options(s, A, 10, NOW)).containsExactly("P 10: A10");
  }

  /** Designated for order SO-7, but its substitute B only starts 2026-09-01: A alone, with why. */
  @Test
  void designatedFallsBackToThePrimaryWhenNoSubstituteIsValid() {
    Substitutions s =
        Substitutions.of(
            List.of(
                scoped(
                    1,
                    null,
                    null,
                    "SO-7",
                    DESIGNATED,
                    List.of(part(A, 1)),
                    sub(1, "2026-09-01", null, part(B, 1)))));
    List<SubstitutionOption> o =
        s.options(P, A, 10, new SubstitutionContext(DAY, null, "SO-7"), NO_STOCK);
    assertThat(describe(o)).containsExactly("P 10: A10");
    assertThat(o.get(0).groupId()).isEqualTo(1);
    assertThat(o.get(0).reason()).isEqualTo("designated substitute not valid at date / 指定替代料不在有效期");
  }

  /**
   * Replacement, unscoped: A is replaced by B (priority 1) and C (priority 2) for everybody; no
   * primary. A replacement whose substitute is not valid yet leaves A alone, with why.
   */
  @Test
  void replacementOffersSubstitutesOnly() {
    Substitutions s =
        Substitutions.of(
            List.of(
                group(1, REPLACEMENT, List.of(part(A, 1)), sub(2, part(C, 1)), sub(1, part(B, 1))),
                group(
                    2, REPLACEMENT, List.of(part(D, 1)), sub(1, "2026-09-01", null, part(E, 1)))));
    List<SubstitutionOption> o = s.options(P, A, 10, NOW, NO_STOCK);
    assertThat(describe(o)).containsExactly("S 10: B10", "S 10: C10");
    assertThat(o.get(0).reason()).isEqualTo("replacement, priority 1 / 替换 优先级 1");
    List<SubstitutionOption> notYet = s.options(P, D, 10, NOW, NO_STOCK);
    assertThat(describe(notYet)).containsExactly("P 10: D10");
    assertThat(notYet.get(0).reason()).isEqualTo("replacement not valid at date / 替换料不在有效期");
  }

  // ---- which group applies ----

  /**
   * Groups for A, each replacing it by one material so the winner is visible by group id:
   *
   * <pre>
   *   10 unscoped, any parent        11 unscoped, parent P        16 unscoped, any parent
   *   12 customer ACME, any parent   14 customer ACME, parent P
   *   13 order SO-1                  15 order SO-2                17 customer BETA + order SO-1
   *   18 unscoped, parent Q, but only from 2027 (not valid now)
   * </pre>
   *
   * (ACME, SO-1) in P → 13: the order beats the parent-specific customer group 14. (ACME, SO-9) in
   * P → 14; in Q → 12. (BETA, SO-1) → 17 (order and customer). No scope in P → 11; in Q → 10 (ties
   * with 16, lower id; 18 is not valid yet). groupsFor lists them in that precedence: 17 (order and
   * customer), 13, 15 (order), 14, 12 (customer, parent first), 11, 18, 10, 16 (unscoped). (X,
   * SO-2) → 15.
   */
  @Test
  void theMostSpecificGroupWins() {
    List<SubstitutePart> a = List.of(part(A, 1));
    Substitutions s =
        Substitutions.of(
            List.of(
                scoped(16, null, null, null, PRIORITY, a, sub(1, part(B, 1))),
                scoped(10, null, null, null, PRIORITY, a, sub(1, part(B, 1))),
                scoped(11, P, null, null, PRIORITY, a, sub(1, part(B, 1))),
                scoped(12, null, "ACME", null, PRIORITY, a, sub(1, part(B, 1))),
                scoped(13, null, null, "SO-1", PRIORITY, a, sub(1, part(B, 1))),
                scoped(14, P, "ACME", null, PRIORITY, a, sub(1, part(B, 1))),
                scoped(15, null, null, "SO-2", PRIORITY, a, sub(1, part(B, 1))),
                scoped(17, null, "BETA", "SO-1", PRIORITY, a, sub(1, part(B, 1))),
                new SubstitutionGroup(
                    18,
                    Q,
                    a,
                    List.of(sub(1, part(B, 1))),
                    PRIORITY,
                    null,
                    null,
                    LocalDate.of(2027, 1, 1),
                    null)));
    assertThat(winner(s, P, "ACME", "SO-1")).isEqualTo(13);
    assertThat(winner(s, P, "ACME", "SO-9")).isEqualTo(14);
    assertThat(winner(s, Q, "ACME", "SO-9")).isEqualTo(12);
    assertThat(winner(s, P, "BETA", "SO-1")).isEqualTo(17);
    assertThat(winner(s, P, null, null)).isEqualTo(11);
    assertThat(winner(s, Q, null, null)).isEqualTo(10);
    assertThat(winner(s, Q, "X", "SO-2")).isEqualTo(15);
    assertThat(s.groupsFor(A))
        .extracting(SubstitutionGroup::id)
        .containsExactly(17L, 13L, 15L, 14L, 12L, 11L, 18L, 10L, 16L);
  }

  static long winner(Substitutions s, long parent, String customer, String order) {
    List<SubstitutionOption> o =
        s.options(parent, A, 1, new SubstitutionContext(DAY, customer, order), NO_STOCK);
    assertThat(o).hasSize(2);
    return o.get(0).groupId();
  }

  /** A group for parent Q does not apply inside P's BOM. */
  @Test
  void aParentSpecificGroupStaysInsideItsParent() {
    Substitutions s =
        Substitutions.of(
            List.of(scoped(1, Q, null, null, PRIORITY, List.of(part(A, 1)), sub(1, part(B, 1)))));
    assertThat(describe(s.options(Q, A, 4, NOW, NO_STOCK))).containsExactly("P 4: A4", "S 4: B4");
    assertThat(describe(s.options(P, A, 4, NOW, NO_STOCK))).containsExactly("P 4: A4");
  }

  /**
   * Group valid 2026-01-01 (inclusive) to 2026-07-01 (exclusive): 2025-12-31 no, 2026-01-01 yes,
   * 2026-06-30 yes, 2026-07-01 no.
   */
  @Test
  void groupValidityWindowEdges() {
    Substitutions s =
        Substitutions.of(
            List.of(
                new SubstitutionGroup(
                    1,
                    null,
                    List.of(part(A, 1)),
                    List.of(sub(1, part(B, 1))),
                    REPLACEMENT,
                    null,
                    null,
                    LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 7, 1))));
    assertThat(at(s, "2025-12-31")).containsExactly("P 1: A1");
    assertThat(at(s, "2026-01-01")).containsExactly("S 1: B1");
    assertThat(at(s, "2026-06-30")).containsExactly("S 1: B1");
    assertThat(at(s, "2026-07-01")).containsExactly("P 1: A1");
  }

  /** Substitute B valid 2026-03-01 to 2026-04-01 (exclusive), PRIORITY. */
  @Test
  void substituteValidityWindowEdges() {
    Substitutions s =
        Substitutions.of(
            List.of(
                group(
                    1,
                    PRIORITY,
                    List.of(part(A, 1)),
                    sub(1, "2026-03-01", "2026-04-01", part(B, 1)))));
    assertThat(at(s, "2026-02-28")).containsExactly("P 1: A1");
    assertThat(at(s, "2026-03-01")).containsExactly("P 1: A1", "S 1: B1");
    assertThat(at(s, "2026-03-31")).containsExactly("P 1: A1", "S 1: B1");
    assertThat(at(s, "2026-04-01")).containsExactly("P 1: A1");
  }

  static List<String> at(Substitutions s, String date) {
    return options(s, A, 1, SubstitutionContext.at(LocalDate.parse(date)));
  }

  // ---- validation ----

  static Stream<Arguments> invalidGroups() {
    List<SubstitutePart> a = List.of(part(A, 1));
    return Stream.of(
        Arguments.of(group(41, PRIORITY, List.of(), sub(1, part(B, 1))), "primary set is empty"),
        Arguments.of(
            group(42, PRIORITY, a, sub(1, part(B, 1)), new Substitute(2, List.of(), null, null)),
            "substitute 2 is empty"),
        Arguments.of(group(43, PRIORITY, List.of(part(A, 0)), sub(1, part(B, 1))), "must be > 0"),
        Arguments.of(group(44, PRIORITY, a, sub(1, part(B, -1))), "must be > 0"),
        Arguments.of(group(45, PRIORITY, a, sub(1, part(B, Double.NaN))), "must be > 0"),
        Arguments.of(
            group(46, PRIORITY, a, sub(1, part(B, Double.POSITIVE_INFINITY))), "must be > 0"),
        Arguments.of(
            group(47, PRIORITY, List.of(part(A, 1), part(C, 1)), sub(1, part(B, 1), part(C, 1))),
            "material 3 is both primary and substitute"),
        Arguments.of(group(48, DESIGNATED, a, sub(1, part(B, 1))), "DESIGNATED needs a customer"),
        Arguments.of(
            group(49, PRIORITY, List.of(part(A, 1), part(A, 2)), sub(1, part(B, 1))),
            "material 1 occurs twice in the primary"),
        Arguments.of(
            group(50, PRIORITY, a, sub(1, part(B, 1), part(B, 1))),
            "material 2 occurs twice in substitute 1"),
        Arguments.of(
            new SubstitutionGroup(
                51,
                null,
                a,
                List.of(sub(1, part(B, 1))),
                PRIORITY,
                null,
                null,
                LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 1)),
            "validTo <= validFrom"),
        Arguments.of(
            group(52, PRIORITY, a, sub(1, "2026-07-01", "2026-06-01", part(B, 1))),
            "substitute 1 has validTo <= validFrom"));
  }

  @ParameterizedTest
  @MethodSource("invalidGroups")
  void invalidGroupsAreRejectedNamingTheGroup(SubstitutionGroup g, String message) {
    assertThatThrownBy(() -> Substitutions.of(List.of(g)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("substitution group " + g.id() + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void duplicateGroupIdsAreRejected() {
    SubstitutionGroup g = group(7, PRIORITY, List.of(part(A, 1)), sub(1, part(B, 1)));
    SubstitutionGroup h = group(7, PRIORITY, List.of(part(C, 1)), sub(1, part(D, 1)));
    assertThatThrownBy(() -> Substitutions.of(List.of(g, h)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("substitution group 7: duplicate group id / 替代组编号重复");
  }

  /**
   * A designated group scoped by order only (no customer) is valid; so is one with no substitutes.
   */
  @Test
  void validEdgeCasesAreAccepted() {
    Substitutions s =
        Substitutions.of(
            List.of(
                scoped(1, null, null, "SO-1", DESIGNATED, List.of(part(A, 1)), sub(1, part(B, 1))),
                group(2, PRIORITY, List.of(part(C, 1)))));
    assertThat(options(s, C, 3, NOW)).containsExactly("P 3: C3");
  }

  @Test
  void aNegativeRequirementIsRejected() {
    Substitutions s = useUp();
    assertThatThrownBy(() -> s.options(P, A, -1, NOW, NO_STOCK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.options(P, A, Double.NaN, NOW, NO_STOCK))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
