package io.tianshu.connector.modbus.internal;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.modbus.internal.ReadPlan.Location;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineStore.Counter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the data of one poll (one int array per {@link ReadPlan.Block}: register words, or 1/0 per
 * bit) into machine signals. Plain Java, so that decoding is tested and measured without a network.
 *
 * <p>Counters go to {@link MachineSignals#onCounter} as raw absolute values on every poll
 * (unchanged values count nothing there). The state goes to {@link MachineSignals#onState} on every
 * poll, which records changes only. A measured value is handed on only when it differs from the
 * last one handed on, and once after every (re)connect ({@link #reset}): polling every second must
 * not write a history row per second of a value that does not move.
 */
public final class PollDecoder {
  /** What one poll decoded, for a caller that wants the values (tests, benchmark). */
  public record Values(
      Long good, Long scrap, Long state, Long reason, Map<String, Double> measurements) {}

  private final RegisterMap map;
  private final ReadPlan plan;
  private final Decoder decoder;
  private final Map<String, Double> lastSent = new HashMap<>();

  public PollDecoder(RegisterMap map) {
    this.map = map;
    this.plan = map.plan();
    this.decoder = new Decoder(map.byteOrder(), map.wordOrder());
  }

  public ReadPlan plan() {
    return plan;
  }

  /** Forgets the measured values sent, so that the next poll sends them all again. */
  public void reset() {
    lastSent.clear();
  }

  private long integral(RegisterAddress a, int[][] data) {
    Location l = plan.location(a);
    return decoder.integral(a.dataType(), data[l.block()], l.offset());
  }

  /** Decodes a poll's data without handing anything on. */
  public Values decode(int[][] data) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, RegisterAddress> e : map.measurements().entrySet()) {
      Location l = plan.location(e.getValue());
      m.put(e.getKey(), decoder.scaled(e.getValue(), data[l.block()], l.offset()));
    }
    return new Values(
        map.good() == null ? null : integral(map.good(), data),
        map.scrap() == null ? null : integral(map.scrap(), data),
        map.state() == null ? null : integral(map.state(), data),
        map.stateReason() == null ? null : integral(map.stateReason(), data),
        m);
  }

  /**
   * Hands a poll's values to the signals: state (with its reason) first, then the counters, then
   * the measured values that changed. A signal that fails (the database is down) does not keep the
   * others from being handed on; the first failure is rethrown at the end, and the failed counter
   * is retried with the next poll's reading (its tracker advances only on commit).
   */
  public void apply(int[][] data, MachineSignals signals, Instant at) {
    Values v = decode(data);
    RuntimeException failure = null;
    if (v.state() != null) {
      MachineState s = map.mapState(v.state());
      String reason = v.reason() == null || v.reason() == 0 ? null : String.valueOf(v.reason());
      failure = run(failure, () -> signals.onState(s, reason, at));
    }
    if (v.good() != null) {
      failure = run(failure, () -> signals.onCounter(Counter.GOOD, v.good(), at));
    }
    if (v.scrap() != null) {
      failure = run(failure, () -> signals.onCounter(Counter.SCRAP, v.scrap(), at));
    }
    for (Map.Entry<String, Double> e : v.measurements().entrySet()) {
      if (!e.getValue().equals(lastSent.get(e.getKey()))) {
        failure =
            run(
                failure,
                () -> {
                  signals.onMeasurement(e.getKey(), e.getValue(), at);
                  lastSent.put(e.getKey(), e.getValue());
                });
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException run(RuntimeException failure, Runnable r) {
    try {
      r.run();
      return failure;
    } catch (RuntimeException e) {
      return failure != null ? failure : e;
    }
  }
}
