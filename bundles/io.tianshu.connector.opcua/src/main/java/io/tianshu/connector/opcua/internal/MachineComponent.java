package io.tianshu.connector.opcua.internal;

import io.tianshu.connector.opcua.MachineInfo;
import io.tianshu.connector.opcua.MachineState;
import io.tianshu.connector.opcua.internal.CounterTracker.CounterState;
import io.tianshu.connector.opcua.internal.MachineStore.Counter;
import io.tianshu.core.CallerContext;
import io.tianshu.execution.ExecutionService;
import io.tianshu.org.OrgService;
import io.tianshu.persistence.Database;
import java.nio.file.Path;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** One configured machine: settings, store, signals and the Milo client. */
@Component(
    service = MachineHandle.class,
    configurationPid = "io.tianshu.connector.opcua.machine",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MachineConfig.class, factory = true)
public class MachineComponent implements MachineHandle {
  private final MachineSettings settings;
  private final long plantId;
  private final JdbcMachineStore store;
  private final MachineSignals signals;
  private final MiloMachineClient client;

  @Activate
  public MachineComponent(
      MachineConfig config,
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference Database database,
      @Reference OrgService org,
      @Reference ExecutionService execution) {
    this.settings = settings(config);
    this.plantId = org.getPlantByCode(CallerContext.system(), settings.plant()).id();
    this.store =
        new JdbcMachineStore(dataSource, transactionManager, execution, settings, () -> plantId);
    this.signals =
        new MachineSignals(
            settings.name(),
            new CounterTracker(settings.counterBits(), settings.wrapWindow()),
            store);
    signals.load();
    store.unassigned(settings.name()).forEach(signals::seedUnassigned);
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
  }

  @Override
  public long plantId() {
    return plantId;
  }

  @Override
  public MachineInfo info() {
    CounterState g = signals.counter(Counter.GOOD);
    CounterState s = signals.counter(Counter.SCRAP);
    MachineState st = signals.state();
    String err = client.lastError() != null ? client.lastError() : signals.lastError();
    return new MachineInfo(
        settings.name(),
        settings.endpointUrl(),
        settings.securityPolicy() + "/" + settings.securityMode(),
        settings.plant(),
        settings.station() != null ? settings.station() : "WC " + settings.workCenterId(),
        client.connection(),
        err,
        client.connectedSince(),
        st == null ? MachineState.UNKNOWN : st,
        signals.reason(),
        signals.stateSince(),
        g == null ? null : g.raw(),
        g == null ? 0 : g.total(),
        s == null ? null : s.raw(),
        s == null ? 0 : s.total(),
        signals.unassigned(Counter.GOOD),
        signals.unassigned(Counter.SCRAP),
        signals.lastMeasurement(),
        client.reconnects());
  }
}
