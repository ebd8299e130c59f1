package io.tianshu.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PatrolScheduleTest {
  private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

  @Test
  void anOrderWithoutInProcessLotIsDueAtOnce() {
    assertThat(PatrolSchedule.due(null, 120, T)).isTrue();
  }

  @Test
  void theNextLotIsDueWhenTheIntervalHasPassed() {
    assertThat(PatrolSchedule.due(T, 120, T.plusSeconds(119 * 60 + 59))).isFalse();
    assertThat(PatrolSchedule.due(T, 120, T.plusSeconds(120 * 60))).isTrue();
    assertThat(PatrolSchedule.due(T, 120, T.plusSeconds(500 * 60))).isTrue();
  }

  @Test
  void noIntervalMeansNoPatrol() {
    assertThat(PatrolSchedule.due(null, 0, T)).isFalse();
  }
}
