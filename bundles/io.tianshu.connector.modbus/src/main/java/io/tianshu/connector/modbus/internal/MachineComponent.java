package io.tianshu.connector.modbus.internal;

import io.tianshu.connector.spi.LinkStatus;
import io.tianshu.connector.spi.MachineBinding;
import io.tianshu.connector.spi.MachineLink;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineSignalsFactory;
import io.tianshu.connector.spi.SignalControl;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** One configured machine: settings, signals and the poll client, listed as a machine link. */
@Component(
    service = MachineLink.class,
    configurationPid = "io.tianshu.connector.modbus.machine",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MachineConfig.class, factory = true)
public class MachineComponent implements MachineLink {
  private final MachineBinding binding;
  private final long plantId;
  private final MachineSignals signals;
  private final ModbusMachineClient client;

  @Activate
  public MachineComponent(MachineConfig config, @Reference MachineSignalsFactory factory) {
    MachineSettings settings = MachineSettings.parse(properties(config));
    this.binding = settings.binding().withControl(SignalControl.parse(config.spcControl()));
    this.plantId = factory.plantId(settings.plant());
    this.signals = factory.open(binding, plantId);
    this.client = new ModbusMachineClient(settings, signals);
    client.start();
  }

  /**
   * The typed configuration as the keys of the cfg file, which {@link MachineSettings#parse}
   * validates all at once (address syntax included).
   */
  static Map<String, Object> properties(MachineConfig c) {
    Map<String, Object> p = new HashMap<>();
    p.put("name", c.name());
    p.put("host", c.host());
    p.put("port", c.port());
    p.put("unitId", c.unitId());
    p.put("pollIntervalMs", c.pollIntervalMs());
    p.put("timeoutMs", c.timeoutMs());
    p.put("reconnectMinMs", c.reconnectMinMs());
    p.put("reconnectMaxMs", c.reconnectMaxMs());
    p.put("plant", c.plant());
    p.put("station", c.station());
    p.put("workCenterId", c.workCenterId());
    p.put("counterBits", c.counterBits());
    p.put("wrapWindow", c.wrapWindow());
    p.put("scrapReasonCode", c.scrapReasonCode());
    p.put("goodRegister", c.goodRegister());
    p.put("scrapRegister", c.scrapRegister());
    p.put("stateRegister", c.stateRegister());
    p.put("stateMap", c.stateMap());
    p.put("stateReasonRegister", c.stateReasonRegister());
    p.put("measurements", c.measurements());
    p.put("byteOrder", c.byteOrder());
    p.put("wordOrder", c.wordOrder());
    p.put("readGap", c.readGap());
    return p;
  }

  @Deactivate
  void deactivate() {
    client.close();
    signals.close(); // writes the buffered measured values
  }

  @Override
  public MachineBinding binding() {
    return binding;
  }

  @Override
  public long plantId() {
    return plantId;
  }

  @Override
  public MachineSignals signals() {
    return signals;
  }

  @Override
  public LinkStatus status() {
    return client.status();
  }
}
