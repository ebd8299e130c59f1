package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link CapacityEngine#load} (CRP) or {@link CapacityEngine#roughCut} (RCCP).
 *
 * @param bucketStarts the first day of every bucket: {@code start}, {@code start + bucketDays}, …
 *     while before the end of the horizon (the last bucket may be shorter)
 * @param workCenters one entry per work centre, sorted by id: every work centre with a capacity
 *     entry and every work centre in the routing (bill of resources) of a loaded order
 * @param overloads every bucket whose load exceeds the capacity by more than {@link
 *     CapacityEngine#TOLERANCE}, sorted by work centre and date
 * @param unroutedOrders orders not loaded because their material has no routing (no bill of
 *     resources, or an empty one), in input order
 * @param startsBeforeRelease orders whose backward-scheduled start falls before their release date,
 *     in input order: the routing does not fit the MRP lead time. Always empty for rough-cut
 * @param beyondHorizon load minutes falling on or after the end of the horizon, not in any bucket
 */
public record CapacityReport(
    List<LocalDate> bucketStarts,
    List<WorkCenterLoad> workCenters,
    List<Overload> overloads,
    List<Long> unroutedOrders,
    List<Long> startsBeforeRelease,
    double beyondHorizon) {

  /** Makes the lists immutable copies. */
  public CapacityReport {
    bucketStarts = List.copyOf(Objects.requireNonNull(bucketStarts, "bucketStarts"));
    workCenters = List.copyOf(Objects.requireNonNull(workCenters, "workCenters"));
    overloads = List.copyOf(Objects.requireNonNull(overloads, "overloads"));
    unroutedOrders = List.copyOf(Objects.requireNonNull(unroutedOrders, "unroutedOrders"));
    startsBeforeRelease =
        List.copyOf(Objects.requireNonNull(startsBeforeRelease, "startsBeforeRelease"));
  }

  /**
   * The load of one work centre.
   *
   * @param workCenterId the work centre
   * @return its entry, or null if the report has none
   */
  public WorkCenterLoad workCenter(long workCenterId) {
    for (WorkCenterLoad w : workCenters) {
      if (w.workCenterId() == workCenterId) {
        return w;
      }
    }
    return null;
  }
}
