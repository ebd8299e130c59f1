package io.tianshu.connector.internal;

import io.tianshu.connector.MachineConnectorService;
import io.tianshu.connector.MachineInfo;
import io.tianshu.connector.MachineState;
import io.tianshu.connector.spi.CounterTracker.CounterState;
import io.tianshu.connector.spi.MachineBinding;
import io.tianshu.connector.spi.MachineLink;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineStore.Counter;
import io.tianshu.core.CallerContext;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Lists the machines of every connector (their {@link MachineLink} services) a caller may read. */
@Component(service = MachineConnectorService.class)
public class MachineRegistry implements MachineConnectorService {
  private final List<MachineLink> machines = new CopyOnWriteArrayList<>();

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addMachine(MachineLink m) {
    machines.add(m);
  }

  void removeMachine(MachineLink m) {
    machines.remove(m);
  }

  @Override
  public List<MachineInfo> machines(CallerContext caller) {
    return machines.stream()
        .filter(m -> caller.canRead(m.plantId()))
        .map(MachineRegistry::info)
        .sorted(Comparator.comparing(MachineInfo::name))
        .toList();
  }

  static MachineInfo info(MachineLink link) {
    MachineBinding b = link.binding();
    MachineSignals signals = link.signals();
    CounterState g = signals.counter(Counter.GOOD);
    CounterState s = signals.counter(Counter.SCRAP);
    MachineState st = signals.state();
    String err = link.lastError() != null ? link.lastError() : signals.lastError();
    return new MachineInfo(
        b.name(),
        b.protocol(),
        b.endpoint(),
        b.security(),
        b.plant(),
        b.target(),
        link.connection(),
        err,
        link.connectedSince(),
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
        link.reconnects());
  }
}
