package io.tianshu.connector.opcua.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.connector.ConnectionState;
import io.tianshu.connector.MachineState;
import io.tianshu.connector.opcua.simulator.MachineSimulator;
import io.tianshu.connector.spi.CounterTracker;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineStore.Counter;
import io.tianshu.connector.spi.MemoryMachineStore;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Simulator → Milo client → counts, in process on a free loopback port. */
class SimulatorClientTest {

  @AfterAll
  static void releaseMilo() {
    org.eclipse.milo.opcua.stack.core.Stack.releaseSharedResources();
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static MachineSettings settings(MachineSimulator sim, String name) {
    return new MachineSettings(
        name,
        sim.endpointUrl(),
        "None",
        "None",
        null,
        "P1",
        "ST-1",
        null,
        sim.nodeId("State"),
        sim.nodeId("StateReason"),
        Map.of(),
        sim.nodeId("Good"),
        sim.nodeId("Scrap"),
        Map.of("diameter", sim.nodeId("Diameter")),
        16,
        0,
        50,
        100,
        100,
        1000,
        "MACHINE");
  }

  static void await(String what, BooleanSupplier cond) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void countsSurviveAServerRestartExactly() throws Exception {
    MemoryMachineStore store = new MemoryMachineStore();
    try (MachineSimulator sim = new MachineSimulator("M1", "127.0.0.1", freePort(), 16, 5)) {
      sim.startServer();
      MachineSignals signals = new MachineSignals("M1", "opcua", new CounterTracker(16, 0), store);
      signals.load();
      MiloMachineClient client =
          new MiloMachineClient(settings(sim, "M1"), signals, new ClientSecurity(null));
      try {
        client.start();
        await("connected", () -> client.status().connection() == ConnectionState.CONNECTED);
        await("baseline", () -> signals.counter(Counter.GOOD) != null);
        for (int i = 0; i < 40; i++) {
          sim.tick();
          Thread.sleep(5);
        }
        await("first counts", () -> store.booked(Counter.GOOD) > 0);

        // the device goes away; the machine keeps working while we are cut off
        sim.stopServer();
        await("lost", () -> client.status().connection() == ConnectionState.RECONNECTING);
        for (int i = 0; i < 37; i++) {
          sim.tick();
        }
        sim.startServer();
        await("reconnected", () -> client.status().connection() == ConnectionState.CONNECTED);
        for (int i = 0; i < 23; i++) {
          sim.tick();
          Thread.sleep(5);
        }
        await(
            "all counts",
            () ->
                store.booked(Counter.GOOD) == sim.good()
                    && store.booked(Counter.SCRAP) == sim.scrap());
        // nothing more arrives later (no double count)
        Thread.sleep(500);
        assertThat(store.booked(Counter.GOOD)).isEqualTo(sim.good());
        assertThat(store.booked(Counter.SCRAP)).isEqualTo(sim.scrap());
        assertThat(sim.good() + sim.scrap()).isGreaterThan(50);
        assertThat(client.status().reconnects()).isGreaterThanOrEqualTo(1);
        assertThat(store.states).contains("RUNNING");
        assertThat(store.measurements).isNotEmpty();
        assertThat(signals.state()).isIn((Object[]) MachineState.values());
        System.out.printf(
            "simulator good=%d scrap=%d; booked good=%d scrap=%d; reconnects=%d%n",
            sim.good(),
            sim.scrap(),
            store.booked(Counter.GOOD),
            store.booked(Counter.SCRAP),
            client.status().reconnects());
      } finally {
        client.close();
      }
    }
  }

  @Test
  void aRestartedConnectorContinuesFromThePersistedReadingAndAFailedCommitIsRetried()
      throws Exception {
    MemoryMachineStore store = new MemoryMachineStore();
    try (MachineSimulator sim = new MachineSimulator("M2", "127.0.0.1", freePort(), 16, 0)) {
      sim.setGoodRaw(65530);
      sim.startServer();
      MachineSignals first = new MachineSignals("M2", "opcua", new CounterTracker(16, 0), store);
      first.load();
      MiloMachineClient c1 =
          new MiloMachineClient(settings(sim, "M2"), first, new ClientSecurity(null));
      c1.start();
      await("baseline", () -> first.counter(Counter.GOOD) != null);
      sim.makeGood(3);
      await("3 counted", () -> store.booked(Counter.GOOD) == 3);
      c1.close();

      // while the connector is down the counter wraps: 65533 -> 65536+6 = raw 6
      sim.makeGood(9);
      store.failNext = 1; // the first commit after the restart fails and is retried
      MachineSignals second = new MachineSignals("M2", "opcua", new CounterTracker(16, 0), store);
      second.load();
      MiloMachineClient c2 =
          new MiloMachineClient(settings(sim, "M2"), second, new ClientSecurity(null));
      try {
        c2.start();
        await("connected", () -> c2.status().connection() == ConnectionState.CONNECTED);
        // the subscription's first value hits the failing commit; only then does the machine make
        // one more part, whose value retries the range (made earlier, both values could arrive as
        // one notification and the failure would have nothing left to retry it)
        await("the failing commit", () -> store.failNext == 0);
        sim.makeGood(1);
        await("13 counted", () -> store.booked(Counter.GOOD) == 13);
        Thread.sleep(300);
        assertThat(store.booked(Counter.GOOD)).isEqualTo(13);
        assertThat(store.keys).contains("opcua/M2/G/0-3");
      } finally {
        c2.close();
      }
    }
  }

  @Test
  void aSecuredEndpointIsUsedOnlyOnceItsCertificateIsTrusted(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path pki) throws Exception {
    MemoryMachineStore store = new MemoryMachineStore();
    try (MachineSimulator sim = new MachineSimulator("M3", "127.0.0.1", freePort(), 32, 0)) {
      sim.setSecured(true);
      sim.startServer();
      MachineSettings plain = settings(sim, "M3");
      MachineSettings secured =
          new MachineSettings(
              plain.name(),
              plain.endpointUrl(),
              "Basic256Sha256",
              "SignAndEncrypt",
              pki,
              plain.plant(),
              plain.station(),
              null,
              plain.stateNode(),
              plain.stateReasonNode(),
              plain.stateMap(),
              plain.goodNode(),
              plain.scrapNode(),
              plain.measurementNodes(),
              32,
              0,
              50,
              100,
              100,
              500,
              "MACHINE");
      MachineSignals signals = new MachineSignals("M3", "opcua", new CounterTracker(32, 0), store);
      signals.load();
      MiloMachineClient client = new MiloMachineClient(secured, signals, new ClientSecurity(pki));
      try {
        client.start();
        // the server's certificate is not trusted yet: no connection, and the reason is told
        await(
            "refused",
            () -> client.status().lastError() != null && client.status().reconnects() >= 2);
        assertThat(client.status().connection()).isNotEqualTo(ConnectionState.CONNECTED);
        assertThat(client.status().lastError()).startsWith("server certificate not trusted");
        System.out.println("untrusted server: " + client.status().lastError());
        assertThat(pki.resolve("own/client.crt")).exists();
        java.nio.file.Path trusted = pki.resolve("trusted/certs");
        java.nio.file.Files.createDirectories(trusted);
        java.nio.file.Files.write(trusted.resolve("simulator.der"), sim.certificateDer());
        await("connected", () -> client.status().connection() == ConnectionState.CONNECTED);
        await("baseline", () -> signals.counter(Counter.GOOD) != null);
        sim.makeGood(5);
        await("5 counted", () -> store.booked(Counter.GOOD) == 5);
      } finally {
        client.close();
      }
    }
  }
}
