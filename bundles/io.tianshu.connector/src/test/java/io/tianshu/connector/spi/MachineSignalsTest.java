package io.tianshu.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.spi.CounterTracker.CounterState;
import io.tianshu.connector.spi.CounterTracker.Step;
import io.tianshu.connector.spi.MachineStore.Counter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineSignalsTest {
  private static final Instant T = Instant.parse("2026-01-01T08:00:00Z");

  /** Books nothing: every count is unassigned, like a station with no running operation. */
  static final class NoOperationStore implements MachineStore {
    final List<String> keys = new ArrayList<>();
    final List<String> states = new ArrayList<>();

    @Override
    public Map<Counter, CounterState> readings(String machine) {
      return Map.of(Counter.GOOD, new CounterState(65530, 1000));
    }

    @Override
    public Assignment count(String machine, Counter c, Step step, String key, Instant at) {
      keys.add(key);
      return Assignment.unassigned("no operation running at the station");
    }

    @Override
    public void state(String machine, MachineState state, String reason, Instant at) {
      states.add(state + "/" + reason);
    }

    @Override
    public void measurement(String machine, String signal, double value, Instant at) {}
  }

  @Test
  void countsWithoutARunningOperationAreKeptAsUnassignedWithDeterministicKeys() {
    NoOperationStore store = new NoOperationStore();
    MachineSignals s = new MachineSignals("press1", "opcua", new CounterTracker(16, 0), store);
    s.load();
    assertThat(s.onCounter(Counter.GOOD, 3, T)).isEqualTo(9); // 65530 -> 65536+3
    assertThat(s.onCounter(Counter.GOOD, 5, T)).isEqualTo(2);
    assertThat(s.unassigned(Counter.GOOD)).isEqualTo(11);
    assertThat(store.keys).containsExactly("opcua/press1/G/1000-1009", "opcua/press1/G/1009-1011");
    assertThat(s.counter(Counter.GOOD)).isEqualTo(new CounterState(5, 1011));
    // the first scrap reading is a baseline: persisted, nothing counted, no key
    assertThat(s.onCounter(Counter.SCRAP, 40, T)).isZero();
    assertThat(store.keys).hasSize(3).last().isNull();
    assertThat(s.lastError()).contains("no operation");
  }

  @Test
  void aFailedCommitLeavesTheStateSoTheNextReadingCoversTheRange() {
    MemoryMachineStore store = new MemoryMachineStore();
    MachineSignals s = new MachineSignals("m", "opcua", new CounterTracker(32, 0), store);
    s.load();
    s.onCounter(Counter.GOOD, 10, T); // baseline
    store.failNext = 1;
    assertThatThrownBy(() -> s.onCounter(Counter.GOOD, 14, T))
        .isInstanceOf(IllegalStateException.class);
    assertThat(s.counter(Counter.GOOD)).isEqualTo(new CounterState(10, 0));
    assertThat(s.onCounter(Counter.GOOD, 15, T)).isEqualTo(5);
    assertThat(store.booked(Counter.GOOD)).isEqualTo(5);
    assertThat(store.keys).containsExactly("opcua/m/G/0-5");
  }

  @Test
  void stateChangesAreRecordedOnceWithTheirReasonRunningHasNone() {
    NoOperationStore store = new NoOperationStore();
    MachineSignals s = new MachineSignals("m", "opcua", new CounterTracker(16, 0), store);
    s.onState(MachineState.RUNNING, "left over", T);
    s.onState(MachineState.RUNNING, "other", T.plusSeconds(1));
    s.onState(MachineState.DOWN, "tool breakage", T.plusSeconds(2));
    s.onState(MachineState.DOWN, "tool breakage", T.plusSeconds(3));
    s.onState(MachineState.DOWN, "waiting for maintenance", T.plusSeconds(4));
    assertThat(store.states)
        .containsExactly("RUNNING/null", "DOWN/tool breakage", "DOWN/waiting for maintenance");
    assertThat(s.stateSince()).isEqualTo(T.plusSeconds(4));
  }

  @Test
  void measuredValuesAreCheckedOnlineAgainstFrozenLimits() {
    // centre 10, sigma 0.1: 10.35 is beyond 3 sigma (WE1); 10.25 is the second of three beyond
    // 2 sigma on the same side (with 10.35: WE2), and so is 10.22 (with 10.25); 10.0 and 9.9
    // raise nothing
    MemoryMachineStore store = new MemoryMachineStore();
    MachineSignals s =
        new MachineSignals(
            "m",
            "opcua",
            new CounterTracker(16, 0),
            store,
            SignalControl.parse(new String[] {"diameter=10.0/0.1"}));
    s.onMeasurement("diameter", 10.05, T.plusSeconds(60));
    s.onMeasurement("diameter", 9.98, T.plusSeconds(120));
    assertThat(store.violations).isEmpty();
    s.onMeasurement("diameter", 10.35, T.plusSeconds(180));
    assertThat(store.violations).containsExactly("diameter 10.35 WE1");
    s.onMeasurement("diameter", 10.0, T.plusSeconds(240));
    s.onMeasurement("diameter", 10.25, T.plusSeconds(300));
    s.onMeasurement("diameter", 9.9, T.plusSeconds(360));
    s.onMeasurement("diameter", 10.22, T.plusSeconds(420));
    assertThat(store.violations)
        .containsExactly("diameter 10.35 WE1", "diameter 10.25 WE2", "diameter 10.22 WE2");
    assertThat(s.outOfControl()).isEqualTo(3);
    // a signal without control is only stored
    s.onMeasurement("temperature", 99.0, T.plusSeconds(480));
    assertThat(store.violations).hasSize(3);
    assertThat(store.measurements).hasSize(8);
  }

  @Test
  void aSignalStayingOutOfControlIsRecordedOnceAMinute() {
    MemoryMachineStore store = new MemoryMachineStore();
    MachineSignals s =
        new MachineSignals(
            "m",
            "opcua",
            new CounterTracker(16, 0),
            store,
            SignalControl.parse(new String[] {"diameter=10.0/0.1"}));
    // beyond 3 sigma every 10 s for 2 minutes: recorded at 0 s, 60 s and 120 s; all 13 counted
    for (int i = 0; i <= 12; i++) {
      s.onMeasurement("diameter", 11.0, T.plusSeconds(10L * i));
    }
    assertThat(store.violations).hasSize(3);
    assertThat(s.outOfControl()).isEqualTo(13);
  }

  @Test
  void badControlEntriesAreListedTogether() {
    assertThatThrownBy(
            () -> SignalControl.parse(new String[] {"a=1", "b=1/0", "c=x/1", "d=1/1/ISO"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a=1'")
        .hasMessageContaining("'b=1/0'")
        .hasMessageContaining("'c=x/1'")
        .hasMessageContaining("'d=1/1/ISO'");
    assertThat(SignalControl.parse(new String[] {"d=10/0.5/nelson"}).get("d").ruleSet())
        .isEqualTo("NELSON");
  }
}
