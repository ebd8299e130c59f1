package io.tianshu.planning.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Load and capacity of one work centre per bucket of a {@link CapacityReport}. The arrays are
 * indexed like {@link CapacityReport#bucketStarts()}; they are copied in and out, so instances are
 * immutable, and {@link #equals}, {@link #hashCode} and {@link #toString} look at their contents.
 *
 * @param workCenterId the work centre
 * @param load load minutes per bucket; the first bucket includes {@code pastDue}
 * @param capacity capacity minutes per bucket: capacity per working day × working days of the
 *     bucket within the horizon (0 without a capacity entry)
 * @param pastDue load minutes falling on days before the start, already included in the first
 *     bucket's load
 */
public record WorkCenterLoad(long workCenterId, double[] load, double[] capacity, double pastDue) {

  /** Checks that the arrays have the same length and copies them. */
  public WorkCenterLoad {
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(capacity, "capacity");
    if (load.length != capacity.length) {
      throw new IllegalArgumentException(
          "work centre "
              + workCenterId
              + ": "
              + load.length
              + " load buckets but "
              + capacity.length
              + " capacity buckets / 工作中心 "
              + workCenterId
              + "：负荷与能力的时段数不一致");
    }
    load = load.clone();
    capacity = capacity.clone();
  }

  /**
   * Load minutes per bucket.
   *
   * @return a copy of the array
   */
  @Override
  public double[] load() {
    return load.clone();
  }

  /**
   * Capacity minutes per bucket.
   *
   * @return a copy of the array
   */
  @Override
  public double[] capacity() {
    return capacity.clone();
  }

  /**
   * Load of one bucket, without copying.
   *
   * @param bucket the bucket index
   * @return load minutes
   */
  public double load(int bucket) {
    return load[bucket];
  }

  /**
   * Capacity of one bucket, without copying.
   *
   * @param bucket the bucket index
   * @return capacity minutes
   */
  public double capacity(int bucket) {
    return capacity[bucket];
  }

  /**
   * Total load over all buckets (past-due load included).
   *
   * @return minutes
   */
  public double totalLoad() {
    double sum = 0;
    for (double v : load) {
      sum += v;
    }
    return sum;
  }

  /**
   * Total capacity over all buckets.
   *
   * @return minutes
   */
  public double totalCapacity() {
    double sum = 0;
    for (double v : capacity) {
      sum += v;
    }
    return sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkCenterLoad w
        && w.workCenterId == workCenterId
        && Double.compare(w.pastDue, pastDue) == 0
        && Arrays.equals(w.load, load)
        && Arrays.equals(w.capacity, capacity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workCenterId, pastDue, Arrays.hashCode(load), Arrays.hashCode(capacity));
  }

  @Override
  public String toString() {
    return "WorkCenterLoad[workCenterId="
        + workCenterId
        + ", load="
        + Arrays.toString(load)
        + ", capacity="
        + Arrays.toString(capacity)
        + ", pastDue="
        + pastDue
        + "]";
  }
}
