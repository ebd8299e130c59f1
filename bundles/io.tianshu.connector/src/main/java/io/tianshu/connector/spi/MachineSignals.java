package io.tianshu.connector.spi;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.spi.CounterTracker.CounterState;
import io.tianshu.connector.spi.CounterTracker.Kind;
import io.tianshu.connector.spi.CounterTracker.Step;
import io.tianshu.connector.spi.MachineStore.Counter;
import io.tianshu.quality.spc.RuleViolation;
import io.tianshu.quality.spc.RunRules;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One machine's signal processing, independent of the protocol: raw counter readings become counted
 * deltas (see {@link CounterTracker}), state values become state history, measured values are kept.
 * The in-memory state of a counter advances only after the store committed the step, so that a
 * failed commit is retried with the next reading (nothing lost) and a committed one is never booked
 * again (no double count).
 */
public final class MachineSignals {
  private final String machine;
  private final String protocol;
  private final CounterTracker tracker;
  private final MachineStore store;
  private final Map<Counter, CounterState> counters = new EnumMap<>(Counter.class);
  private final Map<Counter, Long> unassigned = new EnumMap<>(Counter.class);
  private MachineState state;
  private String reason;
  private Instant stateSince;
  private Double lastMeasurement;
  private final Map<String, SignalControl> control;
  private final Map<String, ArrayDeque<Double>> recent = new HashMap<>();
  private long outOfControl;
  private final Map<String, Instant> lastRecorded = new HashMap<>();
  private final Map<String, Long> withheld = new HashMap<>();
  private String lastError;

  /**
   * @param machine the machine's name
   * @param protocol the connector's protocol, the first part of the report ids
   */
  public MachineSignals(
      String machine, String protocol, CounterTracker tracker, MachineStore store) {
    this(machine, protocol, tracker, store, Map.of());
  }

  /**
   * @param machine the machine's name
   * @param protocol the connector's protocol, the first part of the report ids
   * @param control measured signals checked online against frozen limits, by signal name
   */
  public MachineSignals(
      String machine,
      String protocol,
      CounterTracker tracker,
      MachineStore store,
      Map<String, SignalControl> control) {
    this.control = Map.copyOf(control);
    this.machine = Objects.requireNonNull(machine);
    this.protocol = Objects.requireNonNull(protocol);
    this.tracker = tracker;
    this.store = store;
  }

  /** Loads the persisted readings, so that the next reading continues from them. */
  public synchronized void load() {
    counters.clear();
    counters.putAll(store.readings(machine));
  }

  /**
   * The report id of a counted range: protocol, machine, counter and the range of the running
   * total.
   */
  public static String reportKey(
      String protocol, String machine, Counter counter, long fromTotal, long toTotal) {
    return protocol
        + "/"
        + machine
        + "/"
        + (counter == Counter.GOOD ? "G" : "S")
        + "/"
        + fromTotal
        + "-"
        + toTotal;
  }

  /** A counter reading; returns what was counted (0 for a baseline or an unchanged value). */
  public synchronized long onCounter(Counter counter, long raw, Instant at) {
    CounterState last = counters.get(counter);
    Step step = tracker.next(last, raw);
    if (step.kind() == Kind.UNCHANGED) {
      return 0;
    }
    String key =
        step.from() == null
            ? null
            : reportKey(protocol, machine, counter, step.from().total(), step.to().total());
    try {
      MachineStore.Assignment a = store.count(machine, counter, step, key, at);
      if (step.delta() > 0 && !a.assigned()) {
        unassigned.merge(counter, step.delta(), Long::sum);
      }
      lastError = a.note();
    } catch (RuntimeException e) {
      lastError = e.getMessage();
      throw e;
    }
    counters.put(counter, step.to());
    return step.delta();
  }

  /** A state value (already mapped) with the current reason; records a change only. */
  public synchronized void onState(MachineState newState, String newReason, Instant at) {
    String r = newState == MachineState.RUNNING ? null : newReason;
    if (newState == state && Objects.equals(r, reason)) {
      return;
    }
    store.state(machine, newState, r, at);
    state = newState;
    reason = r;
    stateSince = at;
  }

  public synchronized void onMeasurement(String signal, double value, Instant at) {
    store.measurement(machine, signal, value, at);
    lastMeasurement = value;
    SignalControl c = control.get(signal);
    if (c != null && Double.isFinite(value)) {
      check(signal, value, c, at);
    }
  }

  // the longest run rule looks at 15 points (Nelson 7)
  private static final int WINDOW = 15;
  // a signal out of control stays so for many values: one record a minute, the rest counted
  static final java.time.Duration REPEAT = java.time.Duration.ofMinutes(1);

  private void check(String signal, double value, SignalControl c, Instant at) {
    ArrayDeque<Double> window = recent.computeIfAbsent(signal, k -> new ArrayDeque<>());
    window.addLast(value);
    if (window.size() > WINDOW) {
      window.removeFirst();
    }
    double[] values = window.stream().mapToDouble(Double::doubleValue).toArray();
    int last = values.length - 1;
    List<String> broken = new ArrayList<>();
    for (RuleViolation v : RunRules.evaluate(values, c.center(), c.sigma(), c.rules())) {
      if (v.pointIndex() == last) {
        broken.add(v.rule().name());
      }
    }
    if (!broken.isEmpty()) {
      outOfControl++;
      Instant recorded = lastRecorded.get(signal);
      if (recorded != null && at.isBefore(recorded.plus(REPEAT))) {
        withheld.merge(signal, 1L, Long::sum);
        return;
      }
      long before = withheld.getOrDefault(signal, 0L);
      store.violation(machine, signal, value, c, List.copyOf(broken), before, at);
      lastRecorded.put(signal, at);
      withheld.remove(signal);
    }
  }

  /** How many measured values broke a run rule since the connector started. */
  public synchronized long outOfControl() {
    return outOfControl;
  }

  /** The machine's connection is closed for good (configuration removed, bundle stopped). */
  public void close() {
    store.close();
  }

  public synchronized CounterState counter(Counter c) {
    return counters.get(c);
  }

  public synchronized long unassigned(Counter c) {
    return unassigned.getOrDefault(c, 0L);
  }

  public synchronized MachineState state() {
    return state;
  }

  public synchronized String reason() {
    return reason;
  }

  public synchronized Instant stateSince() {
    return stateSince;
  }

  public synchronized Double lastMeasurement() {
    return lastMeasurement;
  }

  public synchronized String lastError() {
    return lastError;
  }

  public synchronized void seedUnassigned(Counter c, long quantity) {
    unassigned.put(c, quantity);
  }
}
