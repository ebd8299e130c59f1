package io.tianshu.connector.opcua.internal;

import io.tianshu.connector.opcua.MachineState;
import io.tianshu.connector.opcua.internal.CounterTracker.CounterState;
import io.tianshu.connector.opcua.internal.CounterTracker.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A store in memory that books deltas by report key, like execution does (a replay is a no-op). */
final class MemoryStore implements MachineStore {
  final Map<Counter, CounterState> readings = new EnumMap<>(Counter.class);
  final Set<String> keys = new HashSet<>();
  final Map<Counter, Long> booked = new EnumMap<>(Counter.class);
  final List<String> states = new ArrayList<>();
  final List<Double> measurements = new ArrayList<>();
  volatile int failNext;

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

  synchronized long booked(Counter c) {
    return booked.getOrDefault(c, 0L);
  }

  @Override
  public synchronized void state(String machine, MachineState state, String reason, Instant at) {
    states.add(state + (reason == null ? "" : "(" + reason + ")"));
  }

  @Override
  public synchronized void measurement(String machine, String signal, double value, Instant at) {
    measurements.add(value);
  }
}
