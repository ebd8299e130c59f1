package io.tianshu.connector.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.connector.ConnectionState;
import io.tianshu.connector.modbus.simulator.ModbusSimulator;
import io.tianshu.connector.spi.CounterTracker;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineStore.Counter;
import io.tianshu.connector.spi.MemoryMachineStore;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Simulator → j2mod master → counts, in process on a free loopback port. Waits are for conditions
 * (with a generous cap against hanging), never for a fixed time.
 */
class SimulatorClientTest {

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static Map<String, Object> config(ModbusSimulator sim, String name) {
    Map<String, Object> p = new HashMap<>();
    p.put("name", name);
    p.put("host", "127.0.0.1");
    p.put("port", sim.port());
    p.put("unitId", sim.unitId());
    p.put("plant", "P1");
    p.put("station", "ST-1");
    p.put("pollIntervalMs", 20);
    p.put("timeoutMs", 1000);
    p.put("reconnectMinMs", 50);
    p.put("reconnectMaxMs", 400);
    p.put("goodRegister", "holding:" + ModbusSimulator.GOOD + ":uint32");
    p.put("scrapRegister", "holding:" + ModbusSimulator.SCRAP + ":uint32");
    p.put("stateRegister", "holding:" + ModbusSimulator.STATE);
    p.put("stateMap", "1=RUNNING,2=IDLE,3=DOWN,4=SETUP");
    p.put("stateReasonRegister", "holding:" + ModbusSimulator.REASON);
    p.put(
        "measurements",
        "diameter=input:"
            + ModbusSimulator.DIAMETER
            + ":float32,temp=input:"
            + ModbusSimulator.TEMPERATURE
            + ":int16*0.1");
    return p;
  }

  static void await(String what, BooleanSupplier cond) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  /** Waits until the client has completed a poll that started after now. */
  static void twoMorePolls(ModbusMachineClient c) throws InterruptedException {
    long n = c.polls();
    await("two more polls", () -> c.polls() >= n + 2);
  }

  static MachineSignals signals(String name, int bits, MemoryMachineStore store) {
    MachineSignals s = new MachineSignals(name, "modbus", new CounterTracker(bits, 0), store);
    s.load();
    return s;
  }

  @Test
  void countsSurviveAnOutageExactlyWithLowWordFirst() throws Exception {
    MemoryMachineStore store = new MemoryMachineStore();
    try (ModbusSimulator sim = new ModbusSimulator("127.0.0.1", freePort(), 1, 32, 5, true)) {
      sim.setGood(100_000); // the counter held a value before: the baseline, not counted
      sim.start();
      Map<String, Object> cfg = config(sim, "M1");
      cfg.put("wordOrder", "LITTLE");
      MachineSignals signals = signals("M1", 32, store);
      ModbusMachineClient client = new ModbusMachineClient(MachineSettings.parse(cfg), signals);
      try {
        client.start();
        await("connected", () -> client.status().connection() == ConnectionState.CONNECTED);
        await("baseline", () -> signals.counter(Counter.GOOD) != null);
        assertThat(signals.counter(Counter.GOOD).raw()).isEqualTo(100_000);
        for (int i = 0; i < 40; i++) {
          sim.tick();
          twoMorePolls(client); // every state of the cycle is seen
        }
        long goodBefore = sim.good() - 100_000;
        long scrapBefore = sim.scrap();
        await(
            "first counts",
            () ->
                store.booked(Counter.GOOD) == goodBefore
                    && store.booked(Counter.SCRAP) == scrapBefore);

        // the device goes away; the machine keeps working while we are cut off
        sim.stop();
        await("lost", () -> client.status().connection() == ConnectionState.RECONNECTING);
        for (int i = 0; i < 37; i++) {
          sim.tick();
        }
        int reconnectsWhileDown = client.status().reconnects();
        sim.start();
        await("reconnected", () -> client.status().connection() == ConnectionState.CONNECTED);
        for (int i = 0; i < 23; i++) {
          sim.tick();
        }
        long good = sim.good() - 100_000;
        long scrap = sim.scrap();
        await(
            "all counts",
            () -> store.booked(Counter.GOOD) == good && store.booked(Counter.SCRAP) == scrap);
        // later polls add nothing (no double count)
        twoMorePolls(client);
        twoMorePolls(client);
        assertThat(store.booked(Counter.GOOD)).isEqualTo(good);
        assertThat(store.booked(Counter.SCRAP)).isEqualTo(scrap);
        // 100 ticks from RUNNING: 20 R, 3 IDLE, 20 R, 4 DOWN, 2 SETUP, twice, then 2 R = 82 parts
        assertThat(good + scrap).isEqualTo(82);
        assertThat(scrap).isEqualTo(16); // every 5th part
        assertThat(reconnectsWhileDown).isGreaterThanOrEqualTo(1);
        // ticks 1-40 run 20, idle 3 (reason code 2), run 17
        assertThat(store.states).startsWith("RUNNING", "IDLE(2)", "RUNNING");
        assertThat(store.measurements).isNotEmpty();
        assertThat(signals.lastMeasurement()).isNotNull();
        System.out.printf(
            "simulator good=%d scrap=%d; booked good=%d scrap=%d; reconnects=%d%n",
            good,
            scrap,
            store.booked(Counter.GOOD),
            store.booked(Counter.SCRAP),
            client.status().reconnects());
      } finally {
        client.close();
      }
      assertThat(client.status().connection()).isEqualTo(ConnectionState.STOPPED);
    }
  }

  @Test
  void aSixteenBitCounterWrapsAndAFailedCommitIsRetried() throws Exception {
    MemoryMachineStore store = new MemoryMachineStore();
    try (ModbusSimulator sim = new ModbusSimulator("127.0.0.1", freePort(), 7, 16, 0, false)) {
      sim.setGood(65_530);
      sim.start();
      Map<String, Object> cfg = config(sim, "M2");
      // a 16-bit counter: the low word of the big-endian pair
      cfg.put("goodRegister", "holding:" + (ModbusSimulator.GOOD + 1) + ":uint16");
      cfg.put("scrapRegister", "holding:" + (ModbusSimulator.SCRAP + 1) + ":uint16");
      cfg.put("counterBits", 16);
      MachineSignals signals = signals("M2", 16, store);
      ModbusMachineClient client = new ModbusMachineClient(MachineSettings.parse(cfg), signals);
      try {
        client.start();
        await("baseline", () -> signals.counter(Counter.GOOD) != null);
        sim.makeGood(3);
        await("3 counted", () -> store.booked(Counter.GOOD) == 3);
        // 65533 + 9 = 65542 → raw 6 across the top
        store.failNext = 1;
        sim.makeGood(9);
        await("wrap counted", () -> store.booked(Counter.GOOD) == 12);
        assertThat(signals.counter(Counter.GOOD).raw()).isEqualTo(6);
        twoMorePolls(client);
        assertThat(store.booked(Counter.GOOD)).isEqualTo(12);
        assertThat(store.keys).contains("modbus/M2/G/0-3", "modbus/M2/G/3-12");
        // a reset of the device's counter: counts what it counted since
        sim.setGood(0);
        twoMorePolls(client);
        sim.makeGood(4);
        await("after reset", () -> store.booked(Counter.GOOD) == 16);
      } finally {
        client.close();
      }
    }
  }

  @Test
  void aRunningCoilAsStateAndAMissingRegisterIsReported() throws Exception {
    MemoryMachineStore store = new MemoryMachineStore();
    try (ModbusSimulator sim = new ModbusSimulator("127.0.0.1", freePort(), 1, 32, 0, false)) {
      sim.start();
      Map<String, Object> cfg = config(sim, "M3");
      cfg.put("stateRegister", "coil:" + ModbusSimulator.RUNNING_COIL);
      cfg.remove("stateMap");
      cfg.remove("stateReasonRegister");
      cfg.put("measurements", "nothing=input:1000");
      MachineSignals signals = signals("M3", 32, store);
      ModbusMachineClient client = new ModbusMachineClient(MachineSettings.parse(cfg), signals);
      try {
        client.start();
        await("device exception", () -> client.status().lastError() != null);
        assertThat(client.status().lastError()).startsWith("device exception");
        // the link stays up: the device answers, the map is wrong
        assertThat(client.status().connection()).isEqualTo(ConnectionState.CONNECTED);
      } finally {
        client.close();
      }
      cfg.put("measurements", "diameter=input:" + ModbusSimulator.DIAMETER + ":float32");
      ModbusMachineClient ok = new ModbusMachineClient(MachineSettings.parse(cfg), signals);
      try {
        ok.start();
        await("running", () -> store.states.contains("RUNNING"));
        for (int i = 0; i < 21; i++) {
          sim.tick(); // 20 RUNNING ticks, then IDLE
        }
        await("idle", () -> store.states.contains("IDLE"));
        assertThat(store.states).containsExactly("RUNNING", "IDLE");
        double diameter = (float) sim.diameter();
        await("diameter", () -> Double.valueOf(diameter).equals(signals.lastMeasurement()));
      } finally {
        ok.close();
      }
    }
  }
}
