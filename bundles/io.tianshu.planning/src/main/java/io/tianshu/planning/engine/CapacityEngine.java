package io.tianshu.planning.engine;

import io.tianshu.resource.WorkCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Capacity requirements planning (CRP, 能力需求计划) with infinite loading, and rough-cut capacity
 * planning (RCCP, 粗能力计划) with a bill of resources.
 *
 * <p>Buckets: the horizon is the days {@code [start, start + horizonDays)}; bucket k starts on
 * {@code start + k × bucketDays} (1 = daily, 7 = weekly starting on the weekday of {@code start});
 * the last bucket may be cut short by the end of the horizon. A work centre's capacity in a bucket
 * is its capacity minutes per working day × the working days of the calendar in the bucket.
 *
 * <p>CRP rules ({@link #load}):
 *
 * <ul>
 *   <li>Each order is scheduled backward through its material's routing, operations in descending
 *       sequence, with infinite loading (other orders do not matter). The last operation ends on
 *       the due date, or the last working day before it when the due date does not work.
 *   <li>An operation lasts {@code max(1, ceil(work / capacity per day))} working days, work = setup
 *       + run × quantity; without a capacity entry (or with capacity 0) it lasts 1 day. Its work is
 *       spread evenly over its working days. The operation before it ends on the working day before
 *       it starts.
 *   <li>Load on days before {@code start} is past due: it is added to the first bucket and reported
 *       as {@link WorkCenterLoad#pastDue()}. Load on or after the end of the horizon is dropped and
 *       summed in {@link CapacityReport#beyondHorizon()}. So for every loaded order the bucket
 *       loads plus the beyond-horizon minutes add up to its work content.
 *   <li>Orders whose material has no routing (or an empty one) are not loaded but listed in {@link
 *       CapacityReport#unroutedOrders()}. The release date is not used for scheduling; an order
 *       whose scheduled start falls before it is listed in {@link
 *       CapacityReport#startsBeforeRelease()}: its routing does not fit the MRP lead time.
 * </ul>
 *
 * <p>RCCP rules ({@link #roughCut}): each order loads quantity × minutes per unit on every work
 * centre of its material's bill of resources, entirely in the bucket of its due date (past due and
 * beyond the horizon as above). No scheduling, so no order starts before its release.
 *
 * <p>An overload is a bucket whose load exceeds its capacity by more than {@link #TOLERANCE}
 * minutes. Loads are accumulated in input order into one {@code double[]} per work centre, so the
 * same input gives the same report. CRP runs in O(P × (B + log W)) for P operations loaded, B
 * buckets and W work centres (calendar look-ups are O(1)).
 */
public final class CapacityEngine {

  /** Load may exceed capacity by this many minutes before it counts as an overload. */
  public static final double TOLERANCE = 1e-6;

  /** Largest horizon in days. */
  public static final int MAX_HORIZON_DAYS = 3660;

  /** Longest operation in working days; a longer one points at broken master data. */
  public static final int MAX_OPERATION_DAYS = 36_600;

  /** Slack when rounding an operation's duration up, so 3.0000000001 days count as 3. */
  private static final double DAY_EPSILON = 1e-9;

  private CapacityEngine() {}

  /**
   * Capacity requirements planning: backward-schedules the orders through their routings and loads
   * the work centres, see the class comment.
   *
   * @param orders planned and open orders, any order
   * @param routings the operations per material id, any order within a routing; sequences unique
   *     within a routing
   * @param capacityPerDay capacity minutes per working day per work centre id, finite and not
   *     negative; a work centre without an entry has capacity 0
   * @param calendar the working calendar of the plant
   * @param start the first day of the horizon and of the first bucket
   * @param horizonDays days in the horizon, 1 to {@value #MAX_HORIZON_DAYS}
   * @param bucketDays days per bucket, 1 to {@value #MAX_HORIZON_DAYS}
   * @return the load report
   * @throws IllegalArgumentException if an argument is invalid, naming the order, material or work
   *     centre concerned, or an operation would last more than {@value #MAX_OPERATION_DAYS} working
   *     days
   * @throws IllegalStateException from the calendar when it has no working day near a date
   */
  public static CapacityReport load(
      List<LoadOrder> orders,
      Map<Long, List<LoadOperation>> routings,
      Map<Long, Double> capacityPerDay,
      WorkCalendar calendar,
      LocalDate start,
      int horizonDays,
      int bucketDays) {
    require(orders != null, "orders are required / 订单列表必填");
    require(routings != null, "routings are required / 工艺路线必填");
    Grid g = new Grid(capacityPerDay, calendar, start, horizonDays, bucketDays);
    Map<Long, LoadOperation[]> backward = new HashMap<>();
    for (Map.Entry<Long, List<LoadOperation>> e : routings.entrySet()) {
      backward.put(e.getKey(), backward(e.getKey(), e.getValue()));
    }
    List<Long> unrouted = new ArrayList<>();
    List<Long> early = new ArrayList<>();
    int n = 0;
    for (LoadOrder o : orders) {
      n++;
      require(o != null, "load order #" + n + " is null / 第 " + n + " 个负荷订单为空");
      LoadOperation[] ops = backward.get(o.materialId());
      if (ops == null || ops.length == 0) {
        unrouted.add(o.orderId());
        continue;
      }
      LocalDate end = calendar.onOrBefore(o.dueDate());
      LocalDate opStart = end;
      for (LoadOperation op : ops) {
        double work = op.work(o.quantity());
        double cap = g.capacityPerDay(op.workCenterId());
        double days = cap > 0 ? Math.ceil(work / cap - DAY_EPSILON) : 1;
        if (!(days <= MAX_OPERATION_DAYS)) {
          throw new IllegalArgumentException(
              "order "
                  + o.orderId()
                  + ", operation "
                  + op.sequence()
                  + " at work centre "
                  + op.workCenterId()
                  + ": "
                  + work
                  + " minutes at "
                  + cap
                  + " minutes per day need more than "
                  + MAX_OPERATION_DAYS
                  + " working days / 订单 "
                  + o.orderId()
                  + " 工序 "
                  + op.sequence()
                  + "（工作中心 "
                  + op.workCenterId()
                  + "）：所需工作日超过 "
                  + MAX_OPERATION_DAYS);
        }
        int d = Math.max(1, (int) days);
        opStart = d == 1 ? end : calendar.plusWorkingDays(end, -(d - 1));
        g.spread(op.workCenterId(), work, d, opStart.toEpochDay(), end.toEpochDay() + 1);
        end = calendar.plusWorkingDays(opStart, -1);
      }
      if (opStart.isBefore(o.releaseDate())) {
        early.add(o.orderId());
      }
    }
    return g.report(unrouted, early);
  }

  /**
   * Rough-cut capacity planning: loads each order's quantity × minutes per unit of its bill of
   * resources into the bucket of its due date, see the class comment.
   *
   * @param mpsOrders master production schedule orders of end items, any order
   * @param billOfResources per end-item material id: minutes per unit of the end item per work
   *     centre id, finite and not negative
   * @param capacityPerDay capacity minutes per working day per work centre id, finite and not
   *     negative; a work centre without an entry has capacity 0
   * @param calendar the working calendar of the plant
   * @param start the first day of the horizon and of the first bucket
   * @param horizonDays days in the horizon, 1 to {@value #MAX_HORIZON_DAYS}
   * @param bucketDays days per bucket, 1 to {@value #MAX_HORIZON_DAYS}
   * @return the load report; {@link CapacityReport#startsBeforeRelease()} is empty
   * @throws IllegalArgumentException if an argument is invalid, naming the order, material or work
   *     centre concerned
   */
  public static CapacityReport roughCut(
      List<LoadOrder> mpsOrders,
      Map<Long, Map<Long, Double>> billOfResources,
      Map<Long, Double> capacityPerDay,
      WorkCalendar calendar,
      LocalDate start,
      int horizonDays,
      int bucketDays) {
    require(mpsOrders != null, "MPS orders are required / 主生产计划订单必填");
    require(billOfResources != null, "bill of resources is required / 资源清单必填");
    Grid g = new Grid(capacityPerDay, calendar, start, horizonDays, bucketDays);
    Map<Long, long[]> centres = new HashMap<>();
    Map<Long, double[]> minutes = new HashMap<>();
    for (Map.Entry<Long, Map<Long, Double>> e : billOfResources.entrySet()) {
      Long m = e.getKey();
      require(m != null, "bill of resources: null material id / 资源清单：物料编号为空");
      require(
          e.getValue() != null,
          "bill of resources of material " + m + " is null / 物料 " + m + " 的资源清单为空");
      TreeMap<Long, Double> sorted = new TreeMap<>();
      for (Map.Entry<Long, Double> r : e.getValue().entrySet()) {
        Long wc = r.getKey();
        Double v = r.getValue();
        require(
            wc != null,
            "bill of resources of material "
                + m
                + ": null work centre id / 物料 "
                + m
                + " 的资源清单：工作中心编号为空");
        if (v == null || !Double.isFinite(v) || v < 0) {
          throw new IllegalArgumentException(
              "bill of resources of material "
                  + m
                  + ", work centre "
                  + wc
                  + ": minutes per unit must be finite and >= 0, was "
                  + v
                  + " / 物料 "
                  + m
                  + " 的资源清单（工作中心 "
                  + wc
                  + "）：单位分钟数必须为有限非负数，实际为 "
                  + v);
        }
        sorted.put(wc, v);
      }
      long[] ids = new long[sorted.size()];
      double[] per = new double[sorted.size()];
      int k = 0;
      for (Map.Entry<Long, Double> r : sorted.entrySet()) {
        ids[k] = r.getKey();
        per[k++] = r.getValue();
      }
      centres.put(m, ids);
      minutes.put(m, per);
    }
    List<Long> unrouted = new ArrayList<>();
    int n = 0;
    for (LoadOrder o : mpsOrders) {
      n++;
      require(o != null, "MPS order #" + n + " is null / 第 " + n + " 个主计划订单为空");
      long[] ids = centres.get(o.materialId());
      if (ids == null || ids.length == 0) {
        unrouted.add(o.orderId());
        continue;
      }
      double[] per = minutes.get(o.materialId());
      long due = o.dueDate().toEpochDay();
      for (int k = 0; k < ids.length; k++) {
        g.put(ids[k], per[k] * o.quantity(), due);
      }
    }
    return g.report(unrouted, List.of());
  }

  /** The operations of a routing in descending sequence, checked. */
  private static LoadOperation[] backward(Long material, List<LoadOperation> routing) {
    require(material != null, "routings: null material id / 工艺路线：物料编号为空");
    require(
        routing != null,
        "routing of material " + material + " is null / 物料 " + material + " 的工艺路线为空");
    LoadOperation[] ops = routing.toArray(new LoadOperation[0]);
    for (LoadOperation op : ops) {
      require(
          op != null,
          "routing of material "
              + material
              + " has a null operation / 物料 "
              + material
              + " 的工艺路线含空工序");
    }
    Arrays.sort(ops, Comparator.comparingInt(LoadOperation::sequence).reversed());
    for (int i = 1; i < ops.length; i++) {
      if (ops[i].sequence() == ops[i - 1].sequence()) {
        throw new IllegalArgumentException(
            "routing of material "
                + material
                + ": operation sequence "
                + ops[i].sequence()
                + " appears twice / 物料 "
                + material
                + " 的工艺路线：工序号 "
                + ops[i].sequence()
                + " 重复");
      }
    }
    return ops;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The buckets and the per-work-centre accumulators of one run. */
  private static final class Grid {
    private final WorkCalendar calendar;
    private final Map<Long, Double> capacity;
    private final long first; // epoch day of start
    private final long end; // epoch day after the horizon
    private final int bucketDays;
    private final int buckets;
    private final TreeMap<Long, double[]> load = new TreeMap<>(); // [buckets] = past due
    private double beyond;

    Grid(
        Map<Long, Double> capacityPerDay,
        WorkCalendar calendar,
        LocalDate start,
        int horizonDays,
        int bucketDays) {
      require(capacityPerDay != null, "capacity per day is required / 日能力必填");
      require(calendar != null, "calendar is required / 工作日历必填");
      require(start != null, "start is required / 起始日期必填");
      if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
        throw new IllegalArgumentException(
            "horizonDays must be 1.."
                + MAX_HORIZON_DAYS
                + ", was "
                + horizonDays
                + " / 计划期天数必须在 1.."
                + MAX_HORIZON_DAYS
                + " 之间，实际为 "
                + horizonDays);
      }
      if (bucketDays < 1 || bucketDays > MAX_HORIZON_DAYS) {
        throw new IllegalArgumentException(
            "bucketDays must be 1.."
                + MAX_HORIZON_DAYS
                + ", was "
                + bucketDays
                + " / 时段天数必须在 1.."
                + MAX_HORIZON_DAYS
                + " 之间，实际为 "
                + bucketDays);
      }
      for (Map.Entry<Long, Double> e : capacityPerDay.entrySet()) {
        Long wc = e.getKey();
        Double v = e.getValue();
        require(wc != null, "capacity per day: null work centre id / 日能力：工作中心编号为空");
        if (v == null || !Double.isFinite(v) || v < 0) {
          throw new IllegalArgumentException(
              "capacity per day of work centre "
                  + wc
                  + " must be finite and >= 0, was "
                  + v
                  + " / 工作中心 "
                  + wc
                  + " 的日能力必须为有限非负数，实际为 "
                  + v);
        }
      }
      this.calendar = calendar;
      this.capacity = capacityPerDay;
      this.first = start.toEpochDay();
      this.end = first + horizonDays;
      this.bucketDays = bucketDays;
      this.buckets = (horizonDays + bucketDays - 1) / bucketDays;
      for (Long wc : capacityPerDay.keySet()) {
        load.put(wc, new double[buckets + 1]);
      }
    }

    double capacityPerDay(long workCenterId) {
      Double c = capacity.get(workCenterId);
      return c == null ? 0 : c;
    }

    private double[] row(long workCenterId) {
      return load.computeIfAbsent(workCenterId, k -> new double[buckets + 1]);
    }

    /** Spreads {@code work} evenly over the {@code days} working days in [from, to). */
    void spread(long workCenterId, double work, int days, long from, long to) {
      double[] row = row(workCenterId);
      double per = work / days;
      if (from < first) {
        int before = calendar.workingDaysBetween(day(from), day(Math.min(to, first)));
        row[0] += per * before;
        row[buckets] += per * before;
      }
      if (to > end) {
        beyond += per * calendar.workingDaysBetween(day(Math.max(from, end)), day(to));
      }
      long lo = Math.max(from, first);
      long hi = Math.min(to, end);
      if (lo < hi) {
        int b0 = (int) ((lo - first) / bucketDays);
        int b1 = (int) ((hi - 1 - first) / bucketDays);
        for (int b = b0; b <= b1; b++) {
          long bs = first + (long) b * bucketDays;
          long a = Math.max(bs, lo);
          long z = Math.min(bs + bucketDays, hi);
          int count = calendar.workingDaysBetween(day(a), day(z));
          if (count > 0) {
            row[b] += per * count;
          }
        }
      }
    }

    /** Puts {@code minutes} entirely on the bucket of epoch day {@code due}. */
    void put(long workCenterId, double minutes, long due) {
      double[] row = row(workCenterId);
      if (due < first) {
        row[0] += minutes;
        row[buckets] += minutes;
      } else if (due >= end) {
        beyond += minutes;
      } else {
        row[(int) ((due - first) / bucketDays)] += minutes;
      }
    }

    CapacityReport report(List<Long> unrouted, List<Long> early) {
      List<LocalDate> starts = new ArrayList<>(buckets);
      int[] workingDays = new int[buckets];
      for (int b = 0; b < buckets; b++) {
        long bs = first + (long) b * bucketDays;
        starts.add(day(bs));
        workingDays[b] = calendar.workingDaysBetween(day(bs), day(Math.min(bs + bucketDays, end)));
      }
      List<WorkCenterLoad> centres = new ArrayList<>(load.size());
      List<Overload> overloads = new ArrayList<>();
      for (Map.Entry<Long, double[]> e : load.entrySet()) {
        long wc = e.getKey();
        double[] row = e.getValue();
        double perDay = capacityPerDay(wc);
        double[] cap = new double[buckets];
        for (int b = 0; b < buckets; b++) {
          cap[b] = perDay * workingDays[b];
          if (row[b] > cap[b] + TOLERANCE) {
            overloads.add(
                new Overload(
                    wc,
                    starts.get(b),
                    row[b],
                    cap[b],
                    cap[b] > 0 ? row[b] / cap[b] * 100 : Double.POSITIVE_INFINITY));
          }
        }
        centres.add(new WorkCenterLoad(wc, Arrays.copyOf(row, buckets), cap, row[buckets]));
      }
      return new CapacityReport(starts, centres, overloads, unrouted, early, beyond);
    }

    private static LocalDate day(long epochDay) {
      return LocalDate.ofEpochDay(epochDay);
    }
  }
}
