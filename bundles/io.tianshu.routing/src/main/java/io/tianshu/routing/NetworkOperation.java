package io.tianshu.routing;

import java.util.List;

/**
 * One operation of a routing network: its number (10, 20, ...), times in working minutes (setup
 * once per lot, run per unit, queue before and move after the operation) and the links to its
 * predecessors. A {@code null} predecessor list means none; the list is copied and must not hold
 * {@code null} links.
 */
public record NetworkOperation(
    int opNo,
    double setupMinutes,
    double runMinutesPerUnit,
    double queueMinutes,
    double moveMinutes,
    List<NetworkLink> predecessors) {

  /** Copies the predecessor list ({@code null} becomes empty). */
  public NetworkOperation {
    predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
  }

  /** Duration of the operation for {@code quantity} units: queue + setup + run·q + move. */
  public double duration(double quantity) {
    return queueMinutes + setupMinutes + runMinutesPerUnit * quantity + moveMinutes;
  }
}
