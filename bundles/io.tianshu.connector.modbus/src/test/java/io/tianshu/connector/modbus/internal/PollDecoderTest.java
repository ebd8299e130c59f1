package io.tianshu.connector.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.connector.spi.CounterTracker;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineStore.Counter;
import io.tianshu.connector.spi.MemoryMachineStore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A poll's words → signals, without a network. */
class PollDecoderTest {
  private final MemoryMachineStore store = new MemoryMachineStore();
  private final MachineSignals signals =
      new MachineSignals("M", "modbus", new CounterTracker(32, 0), store);

  private static PollDecoder decoder() {
    Map<String, Object> p = MachineSettingsTest.valid();
    p.put("scrapRegister", "holding:102:uint32");
    p.put("measurements", "temp=holding:30:int16*0.1");
    return new PollDecoder(MachineSettings.parse(p).registers());
  }

  /** Holding 10-11 state/reason, 30 temp, 100-103 good/scrap: three blocks. */
  private static int[][] data(int state, int reason, int temp, int good, int scrap) {
    return new int[][] {
      {state, reason}, {temp}, {good >>> 16, good & 0xFFFF, scrap >>> 16, scrap & 0xFFFF}
    };
  }

  @Test
  void countersStateAndChangedMeasurementsOnly() {
    PollDecoder d = decoder();
    assertThat(d.plan().blocks()).hasSize(3);
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    signals.load();
    d.apply(data(1, 0, 215, 100_000, 7), signals, t); // baselines
    d.apply(data(1, 0, 215, 100_005, 7), signals, t);
    d.apply(data(3, 3, 215, 100_005, 9), signals, t);
    d.apply(data(3, 3, 216, 100_070, 9), signals, t);
    assertThat(store.booked(Counter.GOOD)).isEqualTo(70);
    assertThat(store.booked(Counter.SCRAP)).isEqualTo(2);
    assertThat(store.states).containsExactly("RUNNING", "DOWN(3)");
    // 21.5 once (unchanged for three polls), then 21.6
    assertThat(store.measurements).hasSize(2);
    assertThat(store.measurements.get(0))
        .isCloseTo(21.5, org.assertj.core.api.Assertions.within(1e-9));
    // after a reconnect the value is sent again, though unchanged
    d.reset();
    d.apply(data(3, 3, 216, 100_070, 9), signals, t);
    assertThat(store.measurements).hasSize(3);
  }

  @Test
  void aFailingCounterDoesNotStopTheOthersAndIsRetried() {
    PollDecoder d = decoder();
    Instant t = Instant.now();
    signals.load();
    d.apply(data(1, 0, 100, 10, 10), signals, t);
    store.failNext = 1; // the good counter's commit fails
    try {
      d.apply(data(1, 0, 101, 15, 12), signals, t);
    } catch (IllegalStateException expected) {
      // rethrown after the other signals were handed on
    }
    assertThat(store.booked(Counter.GOOD)).isZero();
    assertThat(store.booked(Counter.SCRAP)).isEqualTo(2);
    assertThat(store.measurements).hasSize(2);
    d.apply(data(1, 0, 101, 15, 12), signals, t);
    assertThat(store.booked(Counter.GOOD)).isEqualTo(5);
    assertThat(store.booked(Counter.SCRAP)).isEqualTo(2);
  }
}
