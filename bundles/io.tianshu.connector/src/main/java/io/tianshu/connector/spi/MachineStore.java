package io.tianshu.connector.spi;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.spi.CounterTracker.CounterState;
import io.tianshu.connector.spi.CounterTracker.Step;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a machine's signals go. Plain Java: the connector's JDBC store implements it in production,
 * tests use a map.
 */
public interface MachineStore {
  /** The counter signals a machine has. */
  enum Counter {
    GOOD,
    SCRAP
  }

  /** What was assigned where by {@link #count}. */
  record Assignment(Long workOrderId, Integer operationSeq, String note) {
    public static Assignment unassigned(String note) {
      return new Assignment(null, null, note);
    }

    public boolean assigned() {
      return workOrderId != null;
    }
  }

  /** The persisted last readings of the machine's counters (absent: never seen). */
  Map<Counter, CounterState> readings(String machine);

  /**
   * Books one counted delta and persists {@code step.to()} as the counter's last reading, both in
   * one transaction: either both happen or neither (then the caller keeps its old state and the
   * next reading covers the range again). {@code reportKey} is deterministic for the range, so a
   * replay changes nothing. A baseline step (delta 0) only persists the reading.
   */
  Assignment count(String machine, Counter counter, Step step, String reportKey, Instant at);

  /** The machine's state changed at {@code at}: closes the open history row and opens one. */
  void state(String machine, MachineState state, String reason, Instant at);

  /** A measured value (kept for SPC; a store may buffer it and write it a little later). */
  void measurement(String machine, String signal, double value, Instant at);

  /**
   * A measured value broke run rules of its signal's online control: recorded where the plant sees
   * it (the audit trail, and so the outbound events). At most one a minute per signal is recorded;
   * {@code withheld} says how many breaking values were counted since the last record.
   */
  default void violation(
      String machine,
      String signal,
      double value,
      SignalControl control,
      List<String> rules,
      long withheld,
      Instant at) {}

  /** The machine is no longer read: writes what is buffered. */
  default void close() {}
}
