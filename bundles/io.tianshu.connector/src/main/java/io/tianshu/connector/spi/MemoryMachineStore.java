package io.tianshu.connector.spi;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.spi.CounterTracker.CounterState;
import io.tianshu.connector.spi.CounterTracker.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A store in memory that books deltas by report key, like execution does (a replay is a no-op), and
 * can be told to fail the next counts. For connector tests and benchmarks, not for production.
 */
public final class MemoryMachineStore implements MachineStore {
  public final Map<Counter, CounterState> readings = new EnumMap<>(Counter.class);
  public final Set<String> keys = new HashSet<>();
  public final Map<Counter, Long> booked = new EnumMap<>(Counter.class);
  public final List<String> states = new ArrayList<>();
  public final List<Double> measurements = new ArrayList<>();

  /** How many of the next counts fail as if the database were down. */
  public volatile int failNext;

  @Override
  public synchronized Map<Counter, CounterState> readings(String machine) {
    return new EnumMap<>(readings);
  }

  @Override
  public synchronized Assignment count(
      String machine, Counter counter, Step step, String reportKey, Instant at) {
    if (failNext > 0) {
      failNext--;
      throw new IllegalStateException("database down");
    }
    if (step.delta() > 0 && keys.add(reportKey)) {
      booked.merge(counter, step.delta(), Long::sum);
    }
    readings.put(counter, step.to());
    return new Assignment(1L, 10, null);
  }

  /** What was booked for the counter (each report key once). */
  public synchronized long booked(Counter c) {
    return booked.getOrDefault(c, 0L);
  }

  @Override
  public synchronized void state(String machine, MachineState state, String reason, Instant at) {
    states.add(state + (reason == null ? "" : "(" + reason + ")"));
  }

  /** The run rules broken, per value, as {@code signal value RULE,RULE}. */
  public final List<String> violations = new ArrayList<>();

  @Override
  public synchronized void violation(
      String machine,
      String signal,
      double value,
      SignalControl control,
      List<String> rules,
      long withheld,
      Instant at) {
    violations.add(signal + " " + value + " " + String.join(",", rules));
  }

  @Override
  public synchronized void measurement(String machine, String signal, double value, Instant at) {
    measurements.add(value);
  }
}
