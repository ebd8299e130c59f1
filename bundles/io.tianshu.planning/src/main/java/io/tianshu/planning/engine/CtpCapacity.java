package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The capacity model of a capacity-checked {@link CtpEngine} promise: the routings of the made
 * materials and the remaining capacity of the work centres per day over a horizon.
 *
 * <p>Day {@code i} of the horizon is {@code start + i}, {@code 0 <= i < horizonDays}. The remaining
 * capacity is what the caller computed as capacity minus the load already planned (the released
 * plan, open orders); it is the whole truth about working time: a day on which a work centre does
 * not work (a weekend, a holiday, a closure of that work centre) has 0, and the engine does not
 * consult the plant calendar for capacity, so a work centre's own shifts (a Saturday shift) count.
 * A work centre without an entry has no capacity on any day. Days before {@code start} have no
 * capacity; from the first day after the horizon on capacity is not known, see the class comment of
 * {@link CtpEngine}.
 *
 * <p>Immutable: the arrays are copied in and never handed out. The routings are checked for nulls
 * here and for unique sequences by the engine, only for the materials a call reaches, so that a
 * model with many routings costs little per call.
 */
public final class CtpCapacity {

  /** Longest horizon in days, as for {@link CapacityEngine}. */
  public static final int MAX_HORIZON_DAYS = CapacityEngine.MAX_HORIZON_DAYS;

  private final LocalDate start;
  private final int horizonDays;
  private final Map<Long, double[]> remaining;
  private final Map<Long, List<LoadOperation>> routings;

  /**
   * Creates the model.
   *
   * @param start the first day of the horizon, normally the promise's {@code today}
   * @param horizonDays days in the horizon, 1 to {@value #MAX_HORIZON_DAYS}
   * @param remainingMinutes per work centre id, the remaining capacity in minutes of each day of
   *     the horizon: {@code horizonDays} finite values, not negative
   * @param routings per made material id, the operations of its routing in any order (run in
   *     ascending sequence; sequences unique within a routing); a made material without an entry,
   *     or with an empty list, needs no capacity. Entries of bought materials are ignored
   * @throws IllegalArgumentException if an argument is null or invalid, naming the work centre or
   *     material concerned
   */
  public CtpCapacity(
      LocalDate start,
      int horizonDays,
      Map<Long, double[]> remainingMinutes,
      Map<Long, List<LoadOperation>> routings) {
    require(start != null, "capacity horizon start is required / 能力计划期起始日期必填");
    if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
      throw new IllegalArgumentException(
          "capacity horizon must be 1.."
              + MAX_HORIZON_DAYS
              + " days, was "
              + horizonDays
              + " / 能力计划期天数必须在 1.."
              + MAX_HORIZON_DAYS
              + " 之间，实际为 "
              + horizonDays);
    }
    require(remainingMinutes != null, "remaining capacity is required / 剩余能力必填");
    require(routings != null, "routings are required / 工艺路线必填");
    Map<Long, double[]> rem = new HashMap<>();
    for (Map.Entry<Long, double[]> e : remainingMinutes.entrySet()) {
      Long wc = e.getKey();
      double[] row = e.getValue();
      require(wc != null, "remaining capacity: null work centre id / 剩余能力：工作中心编号为空");
      if (row == null || row.length != horizonDays) {
        throw new IllegalArgumentException(
            "remaining capacity of work centre "
                + wc
                + " must have "
                + horizonDays
                + " days, had "
                + (row == null ? "none" : row.length)
                + " / 工作中心 "
                + wc
                + " 的剩余能力必须有 "
                + horizonDays
                + " 天");
      }
      for (int i = 0; i < row.length; i++) {
        if (!Double.isFinite(row[i]) || row[i] < 0) {
          throw new IllegalArgumentException(
              "remaining capacity of work centre "
                  + wc
                  + " on "
                  + start.plusDays(i)
                  + " must be finite and >= 0, was "
                  + row[i]
                  + " / 工作中心 "
                  + wc
                  + " 在 "
                  + start.plusDays(i)
                  + " 的剩余能力必须为有限非负数，实际为 "
                  + row[i]);
        }
      }
      rem.put(wc, row.clone());
    }
    Map<Long, List<LoadOperation>> rt = new HashMap<>();
    for (Map.Entry<Long, List<LoadOperation>> e : routings.entrySet()) {
      Long m = e.getKey();
      List<LoadOperation> ops = e.getValue();
      require(m != null, "routings: null material id / 工艺路线：物料编号为空");
      boolean ok = ops != null;
      for (int i = 0; ok && i < ops.size(); i++) {
        ok = ops.get(i) != null;
      }
      require(
          ok,
          "routing of material "
              + m
              + " must be a list without null / 物料 "
              + m
              + " 的工艺路线必填且不能含空工序");
      rt.put(m, List.copyOf(ops));
    }
    this.start = start;
    this.horizonDays = horizonDays;
    this.remaining = rem;
    this.routings = rt;
  }

  /**
   * The first day of the horizon.
   *
   * @return the date
   */
  public LocalDate start() {
    return start;
  }

  /**
   * Days in the horizon.
   *
   * @return 1 to {@value #MAX_HORIZON_DAYS}
   */
  public int horizonDays() {
    return horizonDays;
  }

  /**
   * The remaining capacity of a work centre on a day.
   *
   * @param workCenterId the work centre
   * @param date the day
   * @return minutes; 0 outside the horizon or without an entry
   */
  public double remainingMinutes(long workCenterId, LocalDate date) {
    double[] row = remaining.get(workCenterId);
    long i = date.toEpochDay() - start.toEpochDay();
    return row == null || i < 0 || i >= horizonDays ? 0 : row[(int) i];
  }

  /**
   * The routing of a material.
   *
   * @param materialId the material
   * @return its operations as given (immutable); empty without an entry
   */
  public List<LoadOperation> routing(long materialId) {
    return routings.getOrDefault(materialId, List.of());
  }

  /** The remaining capacity row of a work centre without copying, or null; the engine copies it. */
  double[] row(long workCenterId) {
    return remaining.get(workCenterId);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
