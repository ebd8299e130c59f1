package io.tianshu.connector;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A machine's states over a period, for OEE's availability: the state spans clipped to the period
 * and the seconds per state.
 *
 * @param machine the machine
 * @param from start of the period
 * @param to end of the period (now at the latest)
 * @param spans the states overlapping the period, clipped to it, oldest first
 * @param seconds seconds per state within the period (every state listed, 0 when absent)
 * @param recordedSeconds seconds of the period covered by a recorded state (before the first record
 *     nothing is known)
 * @param runningShare RUNNING seconds over recorded seconds (0..1), null when nothing is recorded
 */
public record MachineStateHistory(
    String machine,
    Instant from,
    Instant to,
    List<Span> spans,
    Map<MachineState, Double> seconds,
    double recordedSeconds,
    Double runningShare) {

  /**
   * One state while it lasted within the period.
   *
   * @param state the state
   * @param reason why (null while RUNNING or when the device gives none)
   * @param from start, clipped to the period
   * @param to end, clipped to the period (the period's end while the state lasts)
   * @param seconds its length (millisecond precision)
   */
  public record Span(MachineState state, String reason, Instant from, Instant to, double seconds) {}
}
