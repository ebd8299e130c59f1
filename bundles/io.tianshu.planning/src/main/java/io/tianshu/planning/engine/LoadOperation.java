package io.tianshu.planning.engine;

/**
 * One operation of a routing for capacity requirements planning, see {@link CapacityEngine}.
 *
 * @param sequence the operation number; operations run in ascending sequence, unique within a
 *     routing
 * @param workCenterId the work centre loaded
 * @param setupMinutes setup minutes per order, finite and not negative
 * @param runMinutesPerUnit run minutes per unit of the order quantity, finite and not negative
 */
public record LoadOperation(
    int sequence, long workCenterId, double setupMinutes, double runMinutesPerUnit) {

  /** Checks the times. */
  public LoadOperation {
    if (!Double.isFinite(setupMinutes)
        || setupMinutes < 0
        || !Double.isFinite(runMinutesPerUnit)
        || runMinutesPerUnit < 0) {
      throw new IllegalArgumentException(
          "operation "
              + sequence
              + " at work centre "
              + workCenterId
              + ": setup and run minutes must be finite and >= 0, were "
              + setupMinutes
              + " and "
              + runMinutesPerUnit
              + " / 工序 "
              + sequence
              + "（工作中心 "
              + workCenterId
              + "）：准备和加工分钟数必须为有限非负数，实际为 "
              + setupMinutes
              + " 和 "
              + runMinutesPerUnit);
    }
  }

  /**
   * The work content of this operation for an order.
   *
   * @param quantity the order quantity
   * @return setup + run × quantity, in minutes
   */
  public double work(double quantity) {
    return setupMinutes + runMinutesPerUnit * quantity;
  }
}
