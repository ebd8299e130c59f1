package io.tianshu.connector;

import io.tianshu.core.CallerContext;
import java.util.List;

/**
 * The machines configured in any connector (OPC UA, Modbus, ...), in the plants the caller may
 * read, and what their signals recorded.
 */
public interface MachineConnectorService {
  List<MachineInfo> machines(CallerContext caller);

  /**
   * A control chart of a machine's measured signal (VIEWER in the machine's plant): not found when
   * the machine is not configured or not in the caller's plants; 400 for a bad query or when the
   * signal has fewer values than one chart needs.
   */
  MeasurementChart measurementChart(
      CallerContext caller, String machine, String signal, MeasurementQuery query);

  /**
   * The machine's state history over [from, to) (VIEWER in its plant): spans clipped to the period
   * and seconds per state. Not found as for charts; 400 when from is not before to, or the period
   * is longer than 366 days.
   */
  MachineStateHistory stateHistory(
      CallerContext caller, String machine, java.time.Instant from, java.time.Instant to);
}
