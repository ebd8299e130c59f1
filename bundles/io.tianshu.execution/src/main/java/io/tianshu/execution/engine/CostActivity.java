package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * Labour and machine time booked on one operation at one work centre.
 *
 * @param operation operation (e.g. "0010")
 * @param workCentre work centre
 * @param labourMinutes labour minutes, {@code >= 0}
 * @param labourRatePerHour labour rate, money per hour, {@code >= 0}
 * @param machineMinutes machine minutes, {@code >= 0}
 * @param machineRatePerHour machine rate, money per hour, {@code >= 0}
 */
public record CostActivity(
    String operation,
    String workCentre,
    BigDecimal labourMinutes,
    BigDecimal labourRatePerHour,
    BigDecimal machineMinutes,
    BigDecimal machineRatePerHour) {

  /** Validates the fields. */
  public CostActivity {
    CostChecks.text(operation, "activity.operation");
    CostChecks.text(workCentre, "activity.workCentre");
    CostChecks.nonNegative(labourMinutes, "activity.labourMinutes");
    CostChecks.nonNegative(labourRatePerHour, "activity.labourRatePerHour");
    CostChecks.nonNegative(machineMinutes, "activity.machineMinutes");
    CostChecks.nonNegative(machineRatePerHour, "activity.machineRatePerHour");
  }

  /**
   * Convenience constructor from decimal strings.
   *
   * @param operation operation
   * @param workCentre work centre
   * @param labourMinutes labour minutes
   * @param labourRatePerHour labour rate per hour
   * @param machineMinutes machine minutes
   * @param machineRatePerHour machine rate per hour
   * @return the activity
   */
  public static CostActivity of(
      String operation,
      String workCentre,
      String labourMinutes,
      String labourRatePerHour,
      String machineMinutes,
      String machineRatePerHour) {
    return new CostActivity(
        operation,
        workCentre,
        new BigDecimal(labourMinutes),
        new BigDecimal(labourRatePerHour),
        new BigDecimal(machineMinutes),
        new BigDecimal(machineRatePerHour));
  }
}
