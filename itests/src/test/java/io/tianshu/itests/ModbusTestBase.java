package io.tianshu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tianshu.connector.modbus.simulator.ModbusSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The Modbus TCP connector in the container: the feature installs, a j2mod slave simulator runs in
 * the probe, a machine configured by a cfg file in etc/ polls it and counts into the work order
 * operation started at its station, through a slave outage during which the machine keeps making
 * parts, and the good and scrap quantities reported equal the simulator's counters exactly.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class ModbusTestBase extends MachineTestBase {
  @Test
  public void countsOfASimulatedMachineBecomeReportsOfTheRunningOperationExactly()
      throws Exception {
    installConnector("tianshu-connector-modbus", "io.tianshu.connector.modbus");
    assertBundleActive("com.ghgande.j2mod");

    // plant, product, receiving location, a released order dispatched to station ST-MOD and started
    String plantCode = code("PM");
    ItFixtures.StartedOperation started =
        ItFixtures.startedOperationAt(admin, plantCode, "Modbus厂", "ST-MOD");
    long order = started.orderId();

    int port = ItSupport.freePort();
    String machine = code("M").replace("-", "");
    Path cfg =
        Path.of(
            System.getProperty("karaf.etc"),
            "io.tianshu.connector.modbus.machine-" + machine + ".cfg");
    // 32-bit counters low word first, as many PLCs store them
    try (ModbusSimulator sim = new ModbusSimulator("127.0.0.1", port, 1, 32, 4, true)) {
      sim.setGood(70_000); // held before the connector knew it: the baseline, not counted
      sim.start();
      String text =
          String.join(
              "\n",
              "name = " + machine,
              "host = 127.0.0.1",
              "port = " + port,
              "unitId = 1",
              "plant = " + plantCode,
              "station = ST-MOD",
              "goodRegister = holding:" + ModbusSimulator.GOOD + ":uint32",
              "scrapRegister = holding:" + ModbusSimulator.SCRAP + ":uint32",
              "wordOrder = LITTLE",
              "stateRegister = holding:" + ModbusSimulator.STATE,
              "stateMap = 1=RUNNING,2=IDLE,3=DOWN,4=SETUP",
              "stateReasonRegister = holding:" + ModbusSimulator.REASON,
              "measurements = diameter=input:"
                  + ModbusSimulator.DIAMETER
                  + ":float32,temp=input:"
                  + ModbusSimulator.TEMPERATURE
                  + ":int16*0.1",
              "pollIntervalMs = 50",
              "timeoutMs = 1000",
              "reconnectMinMs = 200",
              "reconnectMaxMs = 2000",
              "");
      Files.writeString(cfg, text, StandardCharsets.UTF_8);
      await(
          "machine connected",
          () -> {
            String list = ItSupport.executeCommand(sessionFactory, "mom:machine-list");
            return list.contains(machine) && list.contains("CONNECTED");
          });
      // the first reading is the baseline (0); now the machine works
      ItSupport.sleep(500);
      for (int i = 0; i < 30; i++) {
        sim.tick();
        ItSupport.sleep(20);
      }
      try {
        await("first counts", () -> q(op10(order).path("good")).signum() > 0);
      } catch (AssertionError e) {
        throw new AssertionError(
            e.getMessage() + "\n" + ItSupport.executeCommand(sessionFactory, "mom:machine-list"),
            e);
      }
      // the slave goes away; the machine keeps making parts while the connector is cut off
      sim.stop();
      await(
          "outage seen",
          () -> {
            String list = ItSupport.executeCommand(sessionFactory, "mom:machine-list");
            return list.contains(machine) && list.contains("RECONNECTING");
          });
      for (int i = 0; i < 25; i++) {
        sim.tick();
      }
      sim.start();
      await(
          "machine reconnected",
          () -> {
            String list = ItSupport.executeCommand(sessionFactory, "mom:machine-list");
            return list.contains(machine) && list.contains("CONNECTED");
          });
      for (int i = 0; i < 20; i++) {
        sim.tick();
        ItSupport.sleep(20);
      }
      long good = sim.good() - 70_000;
      long scrap = sim.scrap();
      await(
          "all counts reported",
          () -> {
            JsonNode op = op10(order);
            return q(op.path("good")).longValueExact() == good
                && q(op.path("scrap")).longValueExact() == scrap;
          });
      ItSupport.sleep(1000);
      JsonNode op = op10(order);
      assertEquals(good, q(op.path("good")).longValueExact());
      assertEquals(scrap, q(op.path("scrap")).longValueExact());
      assertTrue("simulator made parts", good > 20 && scrap > 3);
      String list = ItSupport.executeCommand(sessionFactory, "mom:machine-list");
      assertTrue(list, list.contains(machine) && list.contains("CONNECTED"));
      JsonNode listed = null;
      for (JsonNode m : admin.get("/machines").expect(200).json()) {
        if (m.path("name").asText().equals(machine)) {
          listed = m;
        }
      }
      assertTrue("GET /machines lists " + machine, listed != null);
      assertEquals("CONNECTED", listed.path("connection").asText());
      assertEquals("modbus", listed.path("protocol").asText());
      assertTrue("reconnected after the outage", listed.path("reconnects").asInt() >= 1);
      assertEquals(good, listed.path("good").asLong());
      assertEquals(scrap, listed.path("scrap").asLong());
      assertEquals(0, listed.path("unassignedGood").asLong());

      System.out.printf(
          "Modbus IT: simulator good=%d scrap=%d; operation good=%s scrap=%s%n",
          good, scrap, op.path("good").asText(), op.path("scrap").asText());
    } finally {
      Files.deleteIfExists(cfg);
    }
  }
}
