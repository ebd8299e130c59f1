package io.tianshu.connector.internal;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.spi.CounterTracker.CounterState;
import io.tianshu.connector.spi.CounterTracker.Step;
import io.tianshu.connector.spi.MachineBinding;
import io.tianshu.connector.spi.MachineStore;
import io.tianshu.connector.spi.SignalControl;
import io.tianshu.core.CallerContext;
import io.tianshu.core.PlantRole;
import io.tianshu.core.TianshuException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.OperationReportInput;
import io.tianshu.execution.RunningOperation;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.JtaTransactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine store on the Tianshu database. A count is one JTA transaction: the operation report
 * (execution joins the transaction) or the unassigned row, and the new counter reading commit
 * together. Counts go to the operation STARTED at the machine's station (or work centre) in its
 * plant, the most recently started one when several are; when none runs, or execution refuses the
 * report (e.g. more than is in progress), the count is kept in {@code machine_unassigned_count}
 * with the reason, never dropped. Measured values are buffered and written in batches.
 */
final class JdbcMachineStore implements MachineStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcMachineStore.class);
  // measured values waiting while the database is away: about a minute of a busy machine
  private static final int MEASUREMENT_CAPACITY = 100_000;
  private final MeasurementBuffer measurements;
  private final Consumer<JdbcMachineStore> onClose;
  private volatile String lastMeasurementProblem;
  private final JtaTransactions tx;
  private final ExecutionService execution;
  private final MachineBinding settings;
  private final long plantId;

  JdbcMachineStore(
      DataSource ds,
      TransactionManager tm,
      ExecutionService execution,
      MachineBinding settings,
      long plantId,
      Consumer<JdbcMachineStore> onClose) {
    this.tx = new JtaTransactions(ds, tm);
    this.onClose = onClose;
    this.measurements = new MeasurementBuffer(MEASUREMENT_CAPACITY, 500, this::writeMeasurements);
    this.execution = execution;
    this.settings = settings;
    this.plantId = plantId;
  }

  private CallerContext caller() {
    // The connector acts in its machine's plant only. PLANNER, not OPERATOR: a report at the last
    // operation receives product into stock, and inventory requires PLANNER for that movement (an
    // OPERATOR's report there is refused: "Role PLANNER in this plant is required").
    return new CallerContext(
        settings.protocol() + "/" + settings.name(), false, Map.of(plantId, PlantRole.PLANNER));
  }

  @Override
  public Map<Counter, CounterState> readings(String machine) {
    return tx.write(
        c -> {
          Map<Counter, CounterState> m = new EnumMap<>(Counter.class);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT counter, raw_value, total FROM machine_counter_reading WHERE machine = ?")) {
            ps.setString(1, machine);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                m.put(
                    Counter.valueOf(rs.getString(1)),
                    new CounterState(rs.getLong(2), rs.getLong(3)));
              }
            }
          }
          return m;
        });
  }

  /** Unassigned totals per counter, for the listing. */
  Map<Counter, Long> unassigned(String machine) {
    return tx.write(
        c -> {
          Map<Counter, Long> m = new EnumMap<>(Counter.class);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT counter, SUM(quantity) FROM machine_unassigned_count WHERE machine = ?"
                      + " GROUP BY counter")) {
            ps.setString(1, machine);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                m.put(Counter.valueOf(rs.getString(1)), rs.getLong(2));
              }
            }
          }
          return m;
        });
  }

  @Override
  public Assignment count(String machine, Counter counter, Step step, String key, Instant at) {
    if (step.delta() == 0) {
      tx.write(
          c -> {
            saveReading(c, machine, counter, step.to(), at);
            return null;
          });
      return Assignment.unassigned(null);
    }
    RunningOperation op;
    try {
      op = runningOperation();
    } catch (TianshuException e) {
      op = null;
    }
    if (op != null) {
      RunningOperation target = op;
      try {
        return tx.write(
            c -> {
              BigDecimal q = BigDecimal.valueOf(step.delta());
              execution.report(
                  caller(),
                  new OperationReportInput(
                      key,
                      target.workOrderId(),
                      target.operationSeq(),
                      counter == Counter.GOOD ? q : BigDecimal.ZERO,
                      counter == Counter.SCRAP ? q : BigDecimal.ZERO,
                      BigDecimal.ZERO,
                      false,
                      counter == Counter.SCRAP ? settings.scrapReasonCode() : null,
                      settings.station(),
                      null,
                      null,
                      null,
                      at,
                      target.part(),
                      null));
              saveReading(c, machine, counter, step.to(), at);
              return new Assignment(target.workOrderId(), target.operationSeq(), null);
            });
      } catch (TianshuException e) {
        return unassigned(machine, counter, step, key, at, "refused: " + e.getMessage());
      }
    }
    return unassigned(
        machine, counter, step, key, at, "no operation running at the station / 工位无进行中的工序");
  }

  private Assignment unassigned(
      String machine, Counter counter, Step step, String key, Instant at, String note) {
    String n = note.length() > 400 ? note.substring(0, 400) : note;
    return tx.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO machine_unassigned_count (machine, plant_id, station, counter,"
                      + " quantity, range_key, note, counted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, machine);
            ps.setLong(2, plantId);
            ps.setString(3, settings.station());
            ps.setString(4, counter.name());
            ps.setLong(5, step.delta());
            ps.setString(6, key);
            ps.setString(7, n);
            ps.setTimestamp(8, Timestamp.from(at));
            ps.executeUpdate();
          }
          saveReading(c, machine, counter, step.to(), at);
          return Assignment.unassigned(n);
        });
  }

  /**
   * The operation (or split part) running at the station, the most recently started when several
   * are; null when none. One indexed query in execution, so it is asked at every count rather than
   * cached: a count never goes to an operation that has since been paused or finished.
   */
  RunningOperation runningOperation() {
    List<RunningOperation> running =
        execution.runningOperations(caller(), plantId, settings.station(), settings.workCenterId());
    return running.isEmpty() ? null : running.get(0);
  }

  private static void saveReading(
      Connection c, String machine, Counter counter, CounterState s, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE machine_counter_reading SET raw_value = ?, total = ?, updated_at = ?"
                + " WHERE machine = ? AND counter = ?")) {
      ps.setLong(1, s.raw());
      ps.setLong(2, s.total());
      ps.setTimestamp(3, Timestamp.from(at));
      ps.setString(4, machine);
      ps.setString(5, counter.name());
      if (ps.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO machine_counter_reading (machine, counter, raw_value, total, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, machine);
      ps.setString(2, counter.name());
      ps.setLong(3, s.raw());
      ps.setLong(4, s.total());
      ps.setTimestamp(5, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  @Override
  public void state(String machine, MachineState state, String reason, Instant at) {
    String r = reason == null || reason.isBlank() ? null : reason;
    if (r != null && r.length() > 200) {
      r = r.substring(0, 200);
    }
    String rr = r;
    tx.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE machine_state SET to_time = ? WHERE machine = ? AND to_time IS"
                      + " NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, machine);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO machine_state (machine, plant_id, station, state, reason,"
                      + " from_time) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, machine);
            ps.setLong(2, plantId);
            ps.setString(3, settings.station());
            ps.setString(4, state.name());
            ps.setString(5, rr);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void measurement(String machine, String signal, double value, Instant at) {
    if (measurements.add(
        new MeasurementBuffer.Value(
            signal.length() > 40 ? signal.substring(0, 40) : signal, value, at))) {
      flushMeasurements(); // a full batch: written on the connector's thread at once
    }
  }

  /** Writes the buffered measured values (also called every half second by the factory). */
  void flushMeasurements() {
    measurements.flush();
    String problem = measurements.lastError();
    long dropped = measurements.dropped();
    if (problem != null && !problem.equals(lastMeasurementProblem)) {
      LOG.warn("Machine {}: {} ({} dropped so far)", settings.name(), problem, dropped);
    }
    lastMeasurementProblem = problem;
  }

  @Override
  public void violation(
      String machine,
      String signal,
      double value,
      SignalControl control,
      List<String> rules,
      long withheld,
      Instant at) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("machine", machine);
    after.put("station", settings.station());
    after.put("signal", signal);
    after.put("value", value);
    after.put("center", control.center());
    after.put("sigma", control.sigma());
    after.put("rules", rules);
    after.put("withheldBefore", withheld);
    after.put("measuredAt", at.toString());
    try {
      tx.write(
          c -> {
            AuditTrail.writeJdbc(
                c,
                caller(),
                "MachineSignal",
                machine + "/" + signal,
                plantId,
                "OUT_OF_CONTROL",
                null,
                after);
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn("Machine {}: out-of-control {} not recorded: {}", machine, signal, e.getMessage());
    }
  }

  @Override
  public void close() {
    flushMeasurements();
    onClose.accept(this);
  }

  private void writeMeasurements(List<MeasurementBuffer.Value> batch) {
    tx.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO machine_measurement (machine, signal_name, measured_value,"
                      + " measured_at) VALUES (?, ?, ?, ?)")) {
            for (MeasurementBuffer.Value v : batch) {
              ps.setString(1, settings.name());
              ps.setString(2, v.signal());
              ps.setDouble(3, v.value());
              ps.setTimestamp(4, Timestamp.from(v.at()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }
}
