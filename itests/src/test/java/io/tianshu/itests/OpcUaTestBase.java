package io.tianshu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tianshu.connector.opcua.simulator.MachineSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The OPC UA connector in the container: the feature installs, a simulator runs in the probe, a
 * machine configured by a cfg file in etc/ counts into the work order operation started at its
 * station, through a server outage, and the good and scrap quantities reported equal the
 * simulator's counters exactly.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class OpcUaTestBase extends MachineTestBase {
  @Test
  public void countsOfASimulatedMachineBecomeReportsOfTheRunningOperationExactly()
      throws Exception {
    installConnector("tianshu-connector-opcua", "io.tianshu.connector.opcua");

    // plant, product, receiving location, a released order dispatched to station ST-OPC and started
    String plantCode = code("PO");
    ItFixtures.StartedOperation started =
        ItFixtures.startedOperationAt(admin, plantCode, "OPC厂", "ST-OPC");
    long order = started.orderId();

    int port = ItSupport.freePort();
    String machine = code("M").replace("-", "");
    Path cfg =
        Path.of(
            System.getProperty("karaf.etc"),
            "io.tianshu.connector.opcua.machine-" + machine + ".cfg");
    try (MachineSimulator sim = new MachineSimulator(machine, "127.0.0.1", port, 16, 4)) {
      sim.startServer();
      String text =
          String.join(
              "\n",
              "name = " + machine,
              "endpointUrl = " + sim.endpointUrl(),
              "securityPolicy = None",
              "plant = " + plantCode,
              "station = ST-OPC",
              "stateNode = " + sim.nodeId("State"),
              "stateReasonNode = " + sim.nodeId("StateReason"),
              "goodNode = " + sim.nodeId("Good"),
              "scrapNode = " + sim.nodeId("Scrap"),
              "measurementNodes = diameter=" + sim.nodeId("Diameter"),
              // frozen limits far tighter than the simulator's noise (sigma 0.02): values break WE1
              "spcControl = diameter=10.0/0.001",
              "counterBits = 16",
              "samplingIntervalMs = 50",
              "publishingIntervalMs = 100",
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
      sim.stopServer();
      for (int i = 0; i < 25; i++) {
        sim.tick();
      }
      ItSupport.sleep(1000);
      sim.startServer();
      for (int i = 0; i < 20; i++) {
        sim.tick();
        ItSupport.sleep(20);
      }
      long good = sim.good();
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
      assertEquals(good, listed.path("good").asLong());
      assertEquals(scrap, listed.path("scrap").asLong());
      assertEquals(0, listed.path("unassignedGood").asLong());
      assertEquals("opcua", listed.path("protocol").asText());

      // the measured diameters (10 +- Gaussian noise of 0.02) are charted I-MR for SPC
      JsonNode chart =
          admin
              .get("/machines/" + machine + "/measurements/diameter/chart?lsl=9.9&usl=10.1")
              .expect(200)
              .json();
      assertEquals("I_MR", chart.path("chartType").asText());
      int n = chart.path("values").asInt();
      assertTrue("several diameters charted: " + n, n >= 5);
      assertEquals(n, chart.path("points").size());
      double cl = chart.path("centerLine").asDouble();
      assertTrue("centre near 10: " + cl, Math.abs(cl - 10.0) < 0.05);
      assertTrue(chart.path("lcl").asDouble() < cl && cl < chart.path("ucl").asDouble());
      for (JsonNode p : chart.path("points")) {
        assertTrue("diameter " + p, Math.abs(p.path("value").asDouble() - 10.0) < 0.2);
      }
      assertTrue(chart.path("capability").path("cpk").isNumber());
      JsonNode bad =
          admin
              .get("/machines/" + machine + "/measurements/diameter/chart?subgroupSize=11")
              .expectProblem(400);
      assertEquals("subgroupSize", bad.path("errors").get(0).path("field").asText());
      admin.get("/machines/nosuch/measurements/diameter/chart").expectProblem(404);
      // online control: the values beyond the frozen limits are in the audit trail (and the events)
      JsonNode ooc =
          admin
              .get("/audit?entity=MachineSignal&entityId=" + machine + "/diameter")
              .expect(200)
              .json();
      assertTrue("out-of-control values recorded: " + ooc, ooc.path("items").size() > 0);
      JsonNode first = ooc.path("items").get(0);
      assertEquals("OUT_OF_CONTROL", first.path("action").asText());
      assertTrue(first.toString(), first.toString().contains("WE1"));
      long listedOoc = -1;
      for (JsonNode m : admin.get("/machines").expect(200).json()) {
        if (m.path("name").asText().equals(machine)) {
          listedOoc = m.path("outOfControl").asLong();
        }
      }
      assertTrue("out of control counted in the listing: " + listedOoc, listedOoc > 0);
      // the simulator cycled through its states: the history covers them, and the seconds add up
      JsonNode states = admin.get("/machines/" + machine + "/states").expect(200).json();
      assertTrue("several states: " + states, states.path("spans").size() >= 2);
      double sum = 0;
      for (JsonNode span : states.path("spans")) {
        sum += span.path("seconds").asDouble();
      }
      assertEquals(states.path("recordedSeconds").asDouble(), sum, 0.01);
      double running = states.path("seconds").path("RUNNING").asDouble();
      assertTrue("ran: " + states, running > 0);
      assertEquals(
          running / states.path("recordedSeconds").asDouble(),
          states.path("runningShare").asDouble(),
          1e-9);
      admin.get("/machines/" + machine + "/states?from=2026-13-01").expectProblem(400);
      String hist = ItSupport.executeCommand(sessionFactory, "mom:machine-states " + machine);
      assertTrue(hist, hist.contains("RUNNING") && hist.contains("running "));
      String spc =
          ItSupport.executeCommand(sessionFactory, "mom:machine-spc " + machine + " diameter");
      assertTrue(spc, spc.contains("I_MR") && spc.contains("out of control"));

      System.out.printf(
          "OPC UA IT: simulator good=%d scrap=%d; operation good=%s scrap=%s%n",
          good, scrap, op.path("good").asText(), op.path("scrap").asText());
    } finally {
      Files.deleteIfExists(cfg);
    }
  }
}
