package io.tianshu.connector.opcua.internal;

import io.tianshu.connector.opcua.simulator.MachineSimulator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one {@link MachineSimulator} when configured with enabled=true (the demo). */
@Component(
    service = SimulatorComponent.class,
    configurationPid = "io.tianshu.connector.opcua.simulator",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimulatorConfig.class)
public class SimulatorComponent {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorComponent.class);
  private MachineSimulator sim;

  @Activate
  void activate(SimulatorConfig c) throws Exception {
    if (!c.enabled()) {
      return;
    }
    sim =
        new MachineSimulator(
            c.machine(), c.bindAddress(), c.port(), c.counterBits(), c.scrapEvery());
    sim.startServer();
    if (c.tickMillis() > 0) {
      sim.runEvery(c.tickMillis());
    }
    LOG.info("OPC UA machine simulator {} listening on {}", c.machine(), sim.endpointUrl());
  }

  /** The running simulator, or null (tests drive it). */
  public MachineSimulator simulator() {
    return sim;
  }

  @Deactivate
  void deactivate() throws Exception {
    if (sim != null) {
      sim.close();
      sim = null;
    }
  }
}
