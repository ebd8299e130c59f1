package io.tianshu.connector.internal;

import io.tianshu.connector.MachineConnectorService;
import io.tianshu.connector.MachineInfo;
import io.tianshu.connector.MachineState;
import io.tianshu.connector.MachineStateHistory;
import io.tianshu.connector.MeasurementChart;
import io.tianshu.connector.MeasurementQuery;
import io.tianshu.connector.spi.CounterTracker.CounterState;
import io.tianshu.connector.spi.LinkStatus;
import io.tianshu.connector.spi.MachineBinding;
import io.tianshu.connector.spi.MachineLink;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineStore.Counter;
import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Validation;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.JtaTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Lists the machines of every connector (their {@link MachineLink} services) a caller may read. */
@Component(service = MachineConnectorService.class)
public class MachineRegistry implements MachineConnectorService {
  private final List<MachineLink> machines = new CopyOnWriteArrayList<>();
  private final JtaTransactions tx;

  @Activate
  public MachineRegistry(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference Database database) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
  }

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

  private MachineLink readable(CallerContext caller, String machine) {
    return machines.stream()
        .filter(m -> m.binding().name().equals(machine) && caller.canRead(m.plantId()))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Machine", machine));
  }

  @Override
  public MachineStateHistory stateHistory(
      CallerContext caller, String machine, Instant from, Instant to) {
    MachineLink link = readable(caller, machine);
    Instant now = Instant.now();
    Instant end = to == null || to.isAfter(now) ? now : to;
    Instant start = from == null ? end.minus(Duration.ofDays(1)) : from;
    Validation v = new Validation();
    if (!start.isBefore(end)) {
      v.add("from", "order", "from must be before to (and before now) / 开始时间须早于结束时间");
    } else if (Duration.between(start, end).compareTo(Duration.ofDays(366)) > 0) {
      v.add("to", "range", "the period may be at most 366 days / 时间段最长 366 天");
    }
    v.throwIfInvalid();
    List<StateSpans.Recorded> rows = new ArrayList<>();
    tx.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT state, reason, from_time, to_time FROM machine_state WHERE machine = ?"
                      + " AND from_time < ? AND (to_time IS NULL OR to_time > ?)")) {
            ps.setString(1, link.binding().name());
            ps.setTimestamp(2, Timestamp.from(end));
            ps.setTimestamp(3, Timestamp.from(start));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Timestamp t = rs.getTimestamp(4);
                rows.add(
                    new StateSpans.Recorded(
                        MachineState.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        t == null ? null : t.toInstant()));
              }
            }
          }
          return null;
        });
    return StateSpans.history(link.binding().name(), start, end, rows);
  }

  @Override
  public MeasurementChart measurementChart(
      CallerContext caller, String machine, String signal, MeasurementQuery query) {
    MachineLink link = readable(caller, machine);
    MeasurementQuery q = MeasurementCharts.normalise(query);
    List<Instant> at = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    tx.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT measured_at, measured_value FROM machine_measurement WHERE machine = ?"
                      + " AND signal_name = ? ORDER BY measured_at DESC, id DESC")) {
            ps.setMaxRows(q.last());
            ps.setString(1, link.binding().name());
            ps.setString(2, signal);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                at.add(rs.getTimestamp(1).toInstant());
                values.add(rs.getDouble(2));
              }
            }
          }
          return null;
        });
    Collections.reverse(at);
    Collections.reverse(values);
    return MeasurementCharts.chart(
        link.binding().name(),
        signal,
        at,
        values.stream().mapToDouble(Double::doubleValue).toArray(),
        q);
  }

  static MachineInfo info(MachineLink link) {
    MachineBinding b = link.binding();
    MachineSignals signals = link.signals();
    CounterState g = signals.counter(Counter.GOOD);
    CounterState s = signals.counter(Counter.SCRAP);
    MachineState st = signals.state();
    LinkStatus status = link.status();
    String err = status.lastError() != null ? status.lastError() : signals.lastError();
    return new MachineInfo(
        b.name(),
        b.protocol(),
        b.endpoint(),
        b.security(),
        b.plant(),
        b.target(),
        status.connection(),
        err,
        status.connectedSince(),
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
        status.reconnects(),
        signals.outOfControl());
  }
}
