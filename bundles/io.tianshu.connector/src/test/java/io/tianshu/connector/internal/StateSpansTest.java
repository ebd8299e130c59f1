package io.tianshu.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.MachineStateHistory;
import io.tianshu.connector.internal.StateSpans.Recorded;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateSpansTest {
  private static Instant t(String hhmm) {
    return Instant.parse("2026-11-22T" + hhmm + ":00Z");
  }

  @Test
  void statesAreClippedToThePeriodAndSummed() {
    // period 08:00-12:00; recorded: RUNNING 07:00-09:00, DOWN(tool) 09:00-09:30, SETUP 09:30-10:00,
    // RUNNING 10:00-open. Within the period: RUNNING 1 h + 2 h, DOWN 30 min, SETUP 30 min.
    List<Recorded> rows =
        List.of(
            new Recorded(MachineState.SETUP, "changeover", t("09:30"), t("10:00")),
            new Recorded(MachineState.RUNNING, null, t("07:00"), t("09:00")),
            new Recorded(MachineState.RUNNING, null, t("10:00"), null),
            new Recorded(MachineState.DOWN, "tool", t("09:00"), t("09:30")),
            new Recorded(MachineState.IDLE, null, t("06:00"), t("07:00")));
    MachineStateHistory h = StateSpans.history("press1", t("08:00"), t("12:00"), rows);
    assertThat(h.spans())
        .extracting(MachineStateHistory.Span::state)
        .containsExactly(
            MachineState.RUNNING, MachineState.DOWN, MachineState.SETUP, MachineState.RUNNING);
    assertThat(h.spans().get(0).from()).isEqualTo(t("08:00"));
    assertThat(h.spans().get(3).to()).isEqualTo(t("12:00"));
    assertThat(h.seconds().get(MachineState.RUNNING)).isEqualTo(3 * 3600.0);
    assertThat(h.seconds().get(MachineState.DOWN)).isEqualTo(1800.0);
    assertThat(h.seconds().get(MachineState.SETUP)).isEqualTo(1800.0);
    assertThat(h.seconds().get(MachineState.IDLE)).isZero();
    assertThat(h.recordedSeconds()).isEqualTo(4 * 3600.0);
    assertThat(h.runningShare()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void beforeTheFirstRecordNothingIsKnown() {
    MachineStateHistory h =
        StateSpans.history(
            "m",
            t("08:00"),
            t("12:00"),
            List.of(new Recorded(MachineState.RUNNING, null, t("11:00"), null)));
    assertThat(h.recordedSeconds()).isEqualTo(3600.0);
    assertThat(h.runningShare()).isEqualTo(1.0);
    assertThat(StateSpans.history("m", t("08:00"), t("12:00"), List.of()).runningShare()).isNull();
  }
}
