package io.tianshu.planning.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.TianshuException;
import io.tianshu.resource.CapacityDay;
import io.tianshu.resource.ResourceService;
import java.time.LocalDate;

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
}
