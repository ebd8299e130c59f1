package io.tianshu.execution.engine;

import static io.tianshu.execution.engine.AndonEscalationLevel.afterPrevious;
import static io.tianshu.execution.engine.AndonEscalationLevel.afterRaise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AndonEscalationTest {

  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  private static Instant at(String hhmmss) {
    return Instant.parse("2026-11-22T" + hhmmss + "Z");
  }

  /**
   * MACHINE, any priority, acknowledgement stops: team leader at +5, maintenance 10 after that
   * (+15), production manager at +30. MACHINE CRITICAL runs on until resolved: team leader at once,
   * maintenance at +5, plant manager 25 after that (+30). MATERIAL runs on until resolved: material
   * handler at +10, logistics supervisor 20 after that (+30).
   */
  private static final AndonEscalation ENGINE =
      new AndonEscalation(
          List.of(
              AndonEscalationRule.of(
                  AndonCategory.MACHINE,
                  true,
                  afterRaise(5, "team-leader"),
                  afterPrevious(10, "maintenance"),
                  afterRaise(30, "production-manager")),
              AndonEscalationRule.of(
                  AndonCategory.MACHINE,
                  AndonPriority.CRITICAL,
                  false,
                  afterRaise(0, "team-leader"),
                  afterRaise(5, "maintenance"),
                  afterPrevious(25, "plant-manager")),
              AndonEscalationRule.of(
                  AndonCategory.MATERIAL,
                  false,
                  afterRaise(10, "material-handler"),
                  afterPrevious(20, "logistics-supervisor"))));

  private static AndonCall machineCall(AndonPriority priority) {
    return AndonCall.raised("A-1", "L1", "ST-3", AndonCategory.MACHINE, priority, T0);
  }

  @Test
  void firesAtTheRightMinute() {
    AndonCall call = machineCall(AndonPriority.NORMAL);
    AndonEscalationStatus before = ENGINE.evaluate(call, at("08:04:59"));
    assertThat(before.due()).isEmpty();
    assertThat(before.currentLevel()).isZero();
    assertThat(before.nextDueAt()).contains(at("08:05:00"));

    AndonEscalationStatus onTime = ENGINE.evaluate(call, at("08:05:00"));
    assertThat(onTime.due())
        .containsExactly(new AndonDueEscalation(1, "team-leader", at("08:05:00")));
    assertThat(onTime.currentLevel()).isEqualTo(1);
    assertThat(onTime.nextDueAt()).contains(at("08:15:00"));
    assertThat(onTime.stopped()).isFalse();
  }

  @Test
  void aLevelIsDueOnlyOnce() {
    AndonCall call = machineCall(AndonPriority.NORMAL).withNotified(1);
    AndonEscalationStatus s = ENGINE.evaluate(call, at("08:10:00"));
    assertThat(s.due()).isEmpty();
    assertThat(s.currentLevel()).isEqualTo(1);
    assertThat(s.nextDueAt()).contains(at("08:15:00"));

    assertThat(ENGINE.evaluate(call, at("08:15:00")).due())
        .extracting(AndonDueEscalation::level)
        .containsExactly(2);
    call = call.withNotified(2);
    assertThat(ENGINE.evaluate(call, at("08:20:00")).due()).isEmpty();
    AndonEscalationStatus third = ENGINE.evaluate(call, at("08:30:00"));
    assertThat(third.due())
        .containsExactly(new AndonDueEscalation(3, "production-manager", at("08:30:00")));
    call = call.withNotified(3);
    AndonEscalationStatus done = ENGINE.evaluate(call, at("09:30:00"));
    assertThat(done.due()).isEmpty();
    assertThat(done.currentLevel()).isEqualTo(3);
    assertThat(done.nextDueAt()).isEmpty();
  }

  @Test
  void aLateRunReturnsEveryMissedLevelInOrder() {
    AndonEscalationStatus s = ENGINE.evaluate(machineCall(AndonPriority.LOW), at("08:31:00"));
    assertThat(s.due())
        .extracting(AndonDueEscalation::level, AndonDueEscalation::dueAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, at("08:05:00")),
            org.assertj.core.groups.Tuple.tuple(2, at("08:15:00")),
            org.assertj.core.groups.Tuple.tuple(3, at("08:30:00")));
    assertThat(s.currentLevel()).isEqualTo(3);
  }

  @Test
  void acknowledgementStopsTheLadderWhenTheRuleSaysSo() {
    AndonCall acked =
        machineCall(AndonPriority.NORMAL).withNotified(1).acknowledged(at("08:12:00"));
    AndonEscalationStatus s = ENGINE.evaluate(acked, at("08:20:00"));
    assertThat(s.due()).isEmpty();
    assertThat(s.stopped()).isTrue();
    assertThat(s.currentLevel()).isEqualTo(1);
    assertThat(s.nextDueAt()).isEmpty();
    assertThat(ENGINE.evaluate(acked, at("08:45:00")).due()).isEmpty();

    // Replaying history: at 08:15 the 08:20 acknowledgement has not happened yet.
    AndonCall ackedLater =
        machineCall(AndonPriority.NORMAL).withNotified(1).acknowledged(at("08:20:00"));
    assertThat(ENGINE.evaluate(ackedLater, at("08:15:00")).due())
        .extracting(AndonDueEscalation::recipient)
        .containsExactly("maintenance");
  }

  @Test
  void aPrioritySpecificRuleWinsAndRunsOnAfterAcknowledgement() {
    AndonCall call = machineCall(AndonPriority.CRITICAL);
    assertThat(ENGINE.evaluate(call, T0).due())
        .containsExactly(new AndonDueEscalation(1, "team-leader", T0));
    call = call.withNotified(1).acknowledged(at("08:02:00"));
    AndonEscalationStatus s = ENGINE.evaluate(call, at("08:05:00"));
    assertThat(s.stopped()).isFalse();
    assertThat(s.due()).extracting(AndonDueEscalation::recipient).containsExactly("maintenance");
    assertThat(s.nextDueAt()).contains(at("08:30:00"));
    call = call.withNotified(2);
    assertThat(ENGINE.evaluate(call, at("08:29:59")).due()).isEmpty();
    assertThat(ENGINE.evaluate(call, at("08:30:00")).due())
        .extracting(AndonDueEscalation::recipient)
        .containsExactly("plant-manager");
  }

  @Test
  void resolutionStopsEverything() {
    AndonCall call =
        AndonCall.raised("A-2", "L1", null, AndonCategory.MATERIAL, AndonPriority.HIGH, T0)
            .withNotified(1)
            .resolved(at("08:20:00"));
    AndonEscalationStatus s = ENGINE.evaluate(call, at("08:40:00"));
    assertThat(s.due()).isEmpty();
    assertThat(s.stopped()).isTrue();
    assertThat(s.currentLevel()).isEqualTo(1);
    // Before the resolution the second level was still pending.
    assertThat(ENGINE.evaluate(call, at("08:19:00")).nextDueAt()).contains(at("08:30:00"));
  }

  @Test
  void aCategoryWithoutARuleNeverEscalates() {
    AndonCall call =
        AndonCall.raised("A-3", "L2", "ST-1", AndonCategory.METHOD, AndonPriority.CRITICAL, T0);
    AndonEscalationStatus s = ENGINE.evaluate(call, at("12:00:00"));
    assertThat(s.due()).isEmpty();
    assertThat(s.currentLevel()).isZero();
    assertThat(s.nextDueAt()).isEmpty();
    assertThat(ENGINE.ruleFor(AndonCategory.METHOD, AndonPriority.CRITICAL)).isEmpty();
  }

  @Test
  void validation() {
    assertThatThrownBy(
            () ->
                AndonEscalationRule.of(
                    AndonCategory.MAN, true, afterRaise(10, "a"), afterRaise(5, "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("levels[1].delay");
    assertThatThrownBy(
            () ->
                new AndonEscalation(
                    List.of(
                        AndonEscalationRule.of(AndonCategory.MAN, true, afterRaise(1, "a")),
                        AndonEscalationRule.of(AndonCategory.MAN, false, afterRaise(2, "b")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rules[1]");
    assertThatThrownBy(() -> ENGINE.evaluate(machineCall(AndonPriority.LOW), at("07:59:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("raisedAt");
    assertThatThrownBy(() -> machineCall(AndonPriority.LOW).acknowledged(at("07:00:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("call.acknowledgedAt");
    assertThatThrownBy(
            () ->
                machineCall(AndonPriority.LOW)
                    .acknowledged(at("08:10:00"))
                    .resolved(at("08:05:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("call.resolvedAt");
    assertThatThrownBy(() -> machineCall(AndonPriority.LOW).withNotified(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("call.notifiedLevels");
  }
}
