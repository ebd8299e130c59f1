package io.tianshu.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.FieldError;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.AndonCallInput;
import io.tianshu.execution.AndonCallView;
import io.tianshu.execution.AndonNotification;
import io.tianshu.execution.AndonReport;
import io.tianshu.execution.AndonRule;
import io.tianshu.execution.AndonRuleInput;
import io.tianshu.execution.AndonRuleInput.AndonLevelInput;
import io.tianshu.execution.AndonStatus;
import io.tianshu.execution.engine.AndonCategory;
import io.tianshu.execution.engine.AndonEscalation;
import io.tianshu.execution.engine.AndonEscalationLevel.Anchor;
import io.tianshu.execution.engine.AndonEscalationStatus;
import io.tianshu.execution.engine.AndonPriority;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AndonLogicTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  private static List<String> fields(Throwable t) {
    return ((ValidationException) t).fieldErrors().stream().map(FieldError::field).toList();
  }

  // ---- calls

  @Test
  void aCallDefaultsToNormalPriorityAndTakesNamesInAnyCase() {
    AndonLogic.CheckedCall c =
        AndonLogic.check(new AndonCallInput(1L, "L1", "ST-3", "machine", null, "主轴异响", null, null));
    assertThat(c.category()).isEqualTo(AndonCategory.MACHINE);
    assertThat(c.priority()).isEqualTo(AndonPriority.NORMAL);
    assertThat(
            AndonLogic.check(new AndonCallInput(1L, "L1", null, "MAN", " high ", null, 5L, 10))
                .priority())
        .isEqualTo(AndonPriority.HIGH);
  }

  @Test
  void everyBadFieldOfACallIsListed() {
    assertThatThrownBy(
            () ->
                AndonLogic.check(
                    new AndonCallInput(
                        null,
                        " ",
                        "bad station!",
                        "WEATHER",
                        "URGENT",
                        "x".repeat(1001),
                        null,
                        10)))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(fields(e))
                    .containsExactlyInAnyOrder(
                        "plantId",
                        "lineCode",
                        "station",
                        "description",
                        "category",
                        "priority",
                        "operationSeq"));
    assertThatThrownBy(
            () ->
                AndonLogic.check(new AndonCallInput(1L, "L1", null, null, null, null, null, null)))
        .satisfies(e -> assertThat(fields(e)).containsExactly("category"));
  }

  // ---- rules

  private static AndonLevelInput level(Integer minutes, String anchor, String recipient) {
    return new AndonLevelInput(minutes, anchor, recipient);
  }

  @Test
  void rulesAreCheckedAndNumbered() {
    List<AndonLogic.CheckedRule> rules =
        AndonLogic.checkRules(
            List.of(
                new AndonRuleInput(
                    "MACHINE",
                    null,
                    null,
                    List.of(
                        level(0, null, "team-leader"), level(10, "previous_level", "maintenance"))),
                new AndonRuleInput(
                    "MACHINE", "CRITICAL", false, List.of(level(0, "RAISE", "plant-manager"))),
                new AndonRuleInput("MATERIAL", "ANY", true, List.of(level(5, null, "logistics")))));
    assertThat(rules).hasSize(3);
    AndonLogic.CheckedRule m = rules.get(0);
    assertThat(m.priority()).isNull();
    assertThat(m.stopOnAcknowledge()).isTrue(); // the default
    assertThat(m.levels())
        .containsExactly(
            new AndonRule.Level(1, 0, Anchor.RAISE, "team-leader"),
            new AndonRule.Level(2, 10, Anchor.PREVIOUS_LEVEL, "maintenance"));
    assertThat(rules.get(1).priority()).isEqualTo(AndonPriority.CRITICAL);
    assertThat(rules.get(1).stopOnAcknowledge()).isFalse();
    assertThat(rules.get(2).priority()).isNull();
    assertThat(AndonLogic.checkRules(List.of())).isEmpty();
  }

  @Test
  void everyBadFieldOfTheRulesIsListed() {
    List<AndonRuleInput> in =
        Arrays.asList(
            new AndonRuleInput("MACHINE", null, true, List.of(level(0, null, "a"))),
            // the same category and any priority again
            new AndonRuleInput("machine", "any", true, List.of(level(0, null, "b"))),
            new AndonRuleInput(
                "NOISE",
                "SOON",
                true,
                List.of(level(null, "LATER", " "), level(-1, null, "x"), level(10081, null, "y"))),
            new AndonRuleInput("MAN", null, true, List.of()),
            // level 2 due at 5 min, before level 1 at 10 min
            new AndonRuleInput(
                "METHOD", null, true, List.of(level(10, null, "a"), level(5, null, "b"))),
            null);
    assertThatThrownBy(() -> AndonLogic.checkRules(in))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(fields(e))
                    .containsExactly(
                        "rules[1].priority",
                        "rules[2].category",
                        "rules[2].priority",
                        "rules[2].levels[0].delayMinutes",
                        "rules[2].levels[0].anchor",
                        "rules[2].levels[0].recipient",
                        "rules[2].levels[1].delayMinutes",
                        "rules[2].levels[2].delayMinutes",
                        "rules[3].levels",
                        "rules[4].levels",
                        "rules[5]"));
    assertThatThrownBy(() -> AndonLogic.checkRules(null))
        .satisfies(e -> assertThat(fields(e)).containsExactly("rules"));
  }

  // ---- engine translation

  private static AndonCallView call(
      long id,
      AndonCategory category,
      AndonStatus status,
      Instant raised,
      Instant ack,
      Instant resolved,
      int... notified) {
    List<AndonNotification> n = new ArrayList<>();
    for (int level : notified) {
      n.add(
          new AndonNotification(
              level, id, 1, "L1", category, AndonPriority.NORMAL, level, "r", raised, raised));
    }
    return new AndonCallView(
        id,
        1,
        "L1",
        null,
        category,
        category.label(),
        AndonPriority.NORMAL,
        null,
        status,
        null,
        null,
        raised,
        "op",
        ack,
        ack == null ? null : "op",
        resolved,
        resolved == null ? null : "pl",
        resolved == null ? null : "fixed",
        null,
        null,
        n);
  }

  private static Instant min(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  @Test
  void storedLaddersDriveTheEngineAndNotifiedLevelsAreNotSentAgain() {
    AndonEscalation engine =
        AndonLogic.engine(
            List.of(
                new AndonRule(
                    1,
                    1,
                    AndonCategory.MACHINE,
                    null,
                    true,
                    List.of(
                        new AndonRule.Level(1, 0, Anchor.RAISE, "team-leader"),
                        new AndonRule.Level(2, 10, Anchor.RAISE, "maintenance")))));
    AndonCallView fresh = call(7, AndonCategory.MACHINE, AndonStatus.RAISED, T0, null, null);
    AndonEscalationStatus at0 = engine.evaluate(AndonLogic.engineCall(fresh), T0);
    assertThat(at0.due()).hasSize(1);
    assertThat(at0.due().get(0).level()).isEqualTo(1);
    assertThat(at0.due().get(0).recipient()).isEqualTo("team-leader");
    assertThat(at0.nextDueAt()).contains(min(10));
    AndonCallView sent1 = call(7, AndonCategory.MACHINE, AndonStatus.RAISED, T0, null, null, 1);
    assertThat(engine.evaluate(AndonLogic.engineCall(sent1), min(9)).due()).isEmpty();
    assertThat(engine.evaluate(AndonLogic.engineCall(sent1), min(10)).due())
        .extracting(d -> d.level())
        .containsExactly(2);
    // acknowledged at 3 min under a stopping ladder: level 2 never comes
    AndonCallView acked =
        call(7, AndonCategory.MACHINE, AndonStatus.ACKNOWLEDGED, T0, min(3), null, 1);
    AndonEscalationStatus st = engine.evaluate(AndonLogic.engineCall(acked), min(30));
    assertThat(st.due()).isEmpty();
    assertThat(st.stopped()).isTrue();
    // no ladder for MATERIAL: never escalates
    AndonCallView material = call(8, AndonCategory.MATERIAL, AndonStatus.RAISED, T0, null, null);
    assertThat(engine.evaluate(AndonLogic.engineCall(material), min(60)).due()).isEmpty();
  }

  // ---- statistics

  /**
   * Four calls: MACHINE raised 08:00, acked 08:02, resolved 08:10; MACHINE raised 08:00, acked
   * 08:04:30.5, resolved 08:20 (closed); MATERIAL raised 08:00, resolved 08:06 without ack (so
   * acked at 08:06); one MACHINE still open. Times over the three resolved ones: MACHINE ack 120 s
   * and 270.5 s, mean 195.25, median (rank 1 of 2) 120, p90 (rank 2) 270.5; resolve 600 and 1200,
   * mean 900, median 600, p90 1200. MATERIAL 360 / 360. Pareto: MACHINE 2 = 66.67 %, MATERIAL 1 =
   * 33.33 %, cumulative 100.00.
   */
  @Test
  void statisticsCountEveryCallAndTimeTheResolvedOnes() {
    List<AndonCallView> calls =
        List.of(
            call(1, AndonCategory.MACHINE, AndonStatus.RESOLVED, T0, min(2), min(10)),
            call(2, AndonCategory.MACHINE, AndonStatus.CLOSED, T0, T0.plusMillis(270_500), min(20)),
            call(3, AndonCategory.MATERIAL, AndonStatus.RESOLVED, T0, null, min(6)),
            call(4, AndonCategory.MACHINE, AndonStatus.RAISED, T0, null, null, 1));
    AndonReport r = AndonLogic.report(9, "L1", T0, min(60), calls);
    assertThat(r.plantId()).isEqualTo(9);
    assertThat(r.raisedCount()).isEqualTo(4);
    assertThat(r.openCount()).isEqualTo(1);
    assertThat(r.resolvedCount()).isEqualTo(3);
    assertThat(r.byCategory()).hasSize(2);
    AndonReport.CategoryTimes m = r.byCategory().get(0);
    assertThat(m.category()).isEqualTo(AndonCategory.MACHINE);
    assertThat(m.label()).isEqualTo("机");
    assertThat(m.count()).isEqualTo(2);
    assertThat(m.meanToAcknowledgeSeconds()).isEqualByComparingTo("195.25");
    assertThat(m.medianToAcknowledgeSeconds()).isEqualByComparingTo("120");
    assertThat(m.p90ToAcknowledgeSeconds()).isEqualByComparingTo("270.5");
    assertThat(m.meanToResolveSeconds()).isEqualByComparingTo("900");
    assertThat(m.medianToResolveSeconds()).isEqualByComparingTo("600");
    assertThat(m.p90ToResolveSeconds()).isEqualByComparingTo("1200");
    AndonReport.CategoryTimes mat = r.byCategory().get(1);
    assertThat(mat.meanToAcknowledgeSeconds()).isEqualByComparingTo("360");
    assertThat(mat.p90ToResolveSeconds()).isEqualByComparingTo("360");
    assertThat(r.pareto())
        .extracting(AndonReport.ParetoBar::category, AndonReport.ParetoBar::cumulativePercent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AndonCategory.MACHINE, new BigDecimal("66.67")),
            org.assertj.core.groups.Tuple.tuple(AndonCategory.MATERIAL, new BigDecimal("100.00")));
    assertThat(r.pareto().get(1).percent()).isEqualByComparingTo("33.33");

    AndonReport none = AndonLogic.report(9, null, null, null, List.of());
    assertThat(none.raisedCount()).isZero();
    assertThat(none.byCategory()).isEmpty();
    assertThat(none.pareto()).isEmpty();
  }

  @Test
  void secondsKeepMillisecondsAndRoundHalfUp() {
    assertThat(AndonLogic.seconds(Duration.ofMillis(90_250))).isEqualTo(new BigDecimal("90.250"));
    assertThat(AndonLogic.seconds(Duration.ofNanos(1_500_000))).isEqualTo(new BigDecimal("0.002"));
    assertThat(AndonLogic.seconds(Duration.ZERO)).isEqualTo(new BigDecimal("0.000"));
  }

  @Test
  void periodsEndAfterTheyStart() {
    AndonLogic.checkPeriod(T0, min(1));
    AndonLogic.checkPeriod(null, T0);
    assertThatThrownBy(() -> AndonLogic.checkPeriod(T0, T0))
        .satisfies(e -> assertThat(fields(e)).containsExactly("to"));
  }

  @Test
  void statusChangesFollowTheLifecycle() {
    assertThat(AndonLogic.allowed(AndonStatus.RAISED, "ACKNOWLEDGE")).isTrue();
    assertThat(AndonLogic.allowed(AndonStatus.ACKNOWLEDGED, "ACKNOWLEDGE")).isFalse();
    assertThat(AndonLogic.allowed(AndonStatus.RAISED, "RESOLVE")).isTrue();
    assertThat(AndonLogic.allowed(AndonStatus.ACKNOWLEDGED, "RESOLVE")).isTrue();
    assertThat(AndonLogic.allowed(AndonStatus.RESOLVED, "RESOLVE")).isFalse();
    assertThat(AndonLogic.allowed(AndonStatus.RAISED, "CLOSE")).isFalse();
    assertThat(AndonLogic.allowed(AndonStatus.RESOLVED, "CLOSE")).isTrue();
    assertThat(AndonLogic.allowed(AndonStatus.CLOSED, "CLOSE")).isFalse();
    assertThat(AndonLogic.latest(T0, null)).isEqualTo(T0);
    assertThat(AndonLogic.latest(null, T0)).isEqualTo(T0);
    assertThat(AndonLogic.latest(T0, min(1))).isEqualTo(min(1));
  }
}
