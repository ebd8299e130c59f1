package io.tianshu.planning.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.TianshuException;
import io.tianshu.planning.engine.CapacityEngine;
import io.tianshu.planning.engine.CapacityReport;
import io.tianshu.planning.engine.LoadOperation;
import io.tianshu.planning.engine.LoadOrder;
import io.tianshu.resource.CapacityDay;
import io.tianshu.resource.ResourceService;
import io.tianshu.resource.WorkCalendar;
import io.tianshu.routing.RoutingOperation;
import io.tianshu.routing.RoutingService;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Work-centre capacity as capacity planning and order promising read it. */
final class WorkCentres {
  private WorkCentres() {}

  /** Mean available minutes of the work centre's working days in the window; 0 when unknown. */
  static double minutesPerWorkingDay(
      ResourceService resources,
      CallerContext caller,
      long workCenterId,
      LocalDate from,
      LocalDate to) {
    try {
      double sum = 0;
      int days = 0;
      for (CapacityDay d : resources.capacityDays(caller, workCenterId, from, to)) {
        if (d.availableMinutes() > 0) {
          sum += d.availableMinutes();
          days++;
        }
      }
      return days == 0 ? 0 : sum / days;
    } catch (TianshuException e) {
      return 0; // no calendar: the engine loads each operation on one day
    }
  }

  /**
   * A material's own routing operations (outsourced ones are a supplier's capacity, not the
   * plant's) in effect on the date; empty without a routing.
   */
  static List<LoadOperation> operations(
      RoutingService routings,
      CallerContext caller,
      long materialId,
      long plantId,
      LocalDate date) {
    List<LoadOperation> ops = new ArrayList<>();
    try {
      for (RoutingOperation op :
          routings.effective(caller, materialId, plantId, date).operations()) {
        if (!op.outsourced()) {
          ops.add(
              new LoadOperation(
                  op.opNo(),
                  op.workCenterId(),
                  op.setupMinutes() == null ? 0 : op.setupMinutes().doubleValue(),
                  op.runMinutes() == null ? 0 : op.runMinutes().doubleValue()));
        }
      }
    } catch (NotFoundException e) {
      // no routing: nothing to load
    }
    return ops;
  }

  /**
   * Capacity load of {@code orders} of a plant through the routings in effect on {@code start}
   * (backward infinite loading, see {@link CapacityEngine}), against each work centre's mean
   * minutes per working day in the horizon.
   */
  static CapacityReport load(
      RoutingService routings,
      ResourceService resources,
      CallerContext caller,
      long plantId,
      List<LoadOrder> orders,
      WorkCalendar calendar,
      LocalDate start,
      int horizonDays,
      int bucketDays) {
    LocalDate end = start.plusDays(horizonDays - 1L);
    Map<Long, List<LoadOperation>> routed = new HashMap<>();
    Map<Long, Double> perDay = new HashMap<>();
    for (LoadOrder o : orders) {
      routed.computeIfAbsent(
          o.materialId(),
          m -> {
            List<LoadOperation> ops = operations(routings, caller, m, plantId, start);
            for (LoadOperation op : ops) {
              perDay.computeIfAbsent(
                  op.workCenterId(), wc -> minutesPerWorkingDay(resources, caller, wc, start, end));
            }
            return ops;
          });
    }
    routed.values().removeIf(List::isEmpty); // reported unrouted
    return CapacityEngine.load(orders, routed, perDay, calendar, start, horizonDays, bucketDays);
  }

  /** Available minutes of each day of [from, to] of a work centre; null without a calendar. */
  static double[] availableMinutes(
      ResourceService resources,
      CallerContext caller,
      long workCenterId,
      LocalDate from,
      LocalDate to) {
    try {
      double[] out = new double[(int) ChronoUnit.DAYS.between(from, to) + 1];
      for (CapacityDay d : resources.capacityDays(caller, workCenterId, from, to)) {
        int i = (int) ChronoUnit.DAYS.between(from, d.date());
        if (i >= 0 && i < out.length) {
          out[i] = d.availableMinutes();
        }
      }
      return out;
    } catch (TianshuException e) {
      return null;
    }
  }
}
