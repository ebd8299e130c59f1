package io.tianshu.connector.opcua.internal;

import io.tianshu.connector.spi.LinkStatus;
import io.tianshu.connector.spi.MachineBinding;
import io.tianshu.connector.spi.MachineLink;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineSignalsFactory;
import io.tianshu.connector.spi.SignalControl;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** One configured machine: settings, signals and the Milo client, listed as a machine link. */
@Component(
    service = MachineLink.class,
    configurationPid = "io.tianshu.connector.opcua.machine",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MachineConfig.class, factory = true)
public class MachineComponent implements MachineLink {
  private final MachineSettings settings;
  private final MachineBinding binding;
  private final long plantId;
  private final MachineSignals signals;
  private final MiloMachineClient client;

  @Activate
  public MachineComponent(MachineConfig config, @Reference MachineSignalsFactory factory) {
    this.settings = settings(config);
    this.binding = settings.binding().withControl(SignalControl.parse(config.spcControl()));
    this.plantId = factory.plantId(settings.plant());
    this.signals = factory.open(binding, plantId);
    this.client = new MiloMachineClient(settings, signals, new ClientSecurity(settings.pkiDir()));
    client.start();
  }

  static MachineSettings settings(MachineConfig c) {
    String pki = blank(c.pkiDir());
    Path pkiDir =
        pki != null
            ? Path.of(pki)
            : Path.of(System.getProperty("karaf.etc", "etc"), "opcua", "pki");
    return new MachineSettings(
        c.name(),
        c.endpointUrl(),
        c.securityPolicy(),
        c.securityMode(),
        pkiDir,
        c.plant(),
        blank(c.station()),
        c.workCenterId() == 0 ? null : c.workCenterId(),
        blank(c.stateNode()),
        blank(c.stateReasonNode()),
        MachineSettings.parseStateMap(c.stateMap()),
        blank(c.goodNode()),
        blank(c.scrapNode()),
        MachineSettings.parseNodes(c.measurementNodes()),
        c.counterBits(),
        c.wrapWindow(),
        c.samplingIntervalMs(),
        c.publishingIntervalMs(),
        c.reconnectMinMs(),
        c.reconnectMaxMs(),
        c.scrapReasonCode());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
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
