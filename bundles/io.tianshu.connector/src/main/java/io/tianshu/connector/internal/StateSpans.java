package io.tianshu.connector.internal;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.MachineStateHistory;
import io.tianshu.connector.MachineStateHistory.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Clips recorded machine states to a period and sums them per state (plain Java). */
final class StateSpans {
  /** A recorded state row: {@code to} null while it lasts. */
  record Recorded(MachineState state, String reason, Instant from, Instant to) {}

  private StateSpans() {}

  /** The history of {@code rows} (any order, overlapping the period or not) within [from, to). */
  static MachineStateHistory history(
      String machine, Instant from, Instant to, List<Recorded> rows) {
    List<Recorded> sorted = new ArrayList<>(rows);
    sorted.sort((x, y) -> x.from().compareTo(y.from()));
    List<Span> spans = new ArrayList<>();
    Map<MachineState, Double> seconds = new EnumMap<>(MachineState.class);
    for (MachineState s : MachineState.values()) {
      seconds.put(s, 0.0);
    }
    double recorded = 0;
    for (Recorded r : sorted) {
      Instant start = r.from().isBefore(from) ? from : r.from();
      Instant end = r.to() == null || r.to().isAfter(to) ? to : r.to();
      if (!start.isBefore(end)) {
        continue;
      }
      double secs = Duration.between(start, end).toMillis() / 1000.0;
      spans.add(new Span(r.state(), r.reason(), start, end, secs));
      seconds.merge(r.state(), secs, Double::sum);
      recorded += secs;
    }
    Double share = recorded == 0 ? null : seconds.get(MachineState.RUNNING) / recorded;
    return new MachineStateHistory(
        machine,
        from,
        to,
        List.copyOf(spans),
        Collections.unmodifiableMap(seconds),
        recorded,
        share);
  }
}
