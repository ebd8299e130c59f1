package io.tianshu.connector.modbus.internal;

import io.tianshu.connector.modbus.simulator.ModbusSimulator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one {@link ModbusSimulator} when configured with enabled=true (the demo). */
@Component(
    service = SimulatorComponent.class,
    configurationPid = "io.tianshu.connector.modbus.simulator",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimulatorConfig.class)
public class SimulatorComponent {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorComponent.class);
  private ModbusSimulator sim;

  @Activate
  void activate(SimulatorConfig c) throws Exception {
    if (!c.enabled()) {
      return;
    }
    sim =
        new ModbusSimulator(
            c.bindAddress(),
            c.port(),
            c.unitId(),
            c.counterBits(),
            c.scrapEvery(),
            c.lowWordFirst());
    sim.start();
    if (c.tickMillis() > 0) {
      sim.runEvery(c.tickMillis());
    }
    LOG.info(
        "Modbus machine simulator listening on {}:{} unit {}",
        c.bindAddress(),
        c.port(),
        c.unitId());
  }

  /** The running simulator, or null. */
  public ModbusSimulator simulator() {
    return sim;
  }

  @Deactivate
  void deactivate() {
    if (sim != null) {
      sim.close();
      sim = null;
    }
  }
}
