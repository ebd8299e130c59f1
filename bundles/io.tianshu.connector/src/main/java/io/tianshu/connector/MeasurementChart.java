package io.tianshu.connector;

import java.time.Instant;
import java.util.List;

/**
 * A control chart of one measured signal of a machine: I-MR (subgroup size 1) or X-bar / R of
 * consecutive values, with the run rules each point violates and, when specification limits were
 * given, the capability.
 *
 * @param machine the machine
 * @param signal the measured signal
 * @param chartType I_MR or XBAR_R
 * @param subgroupSize 1 for I-MR
 * @param values how many measured values the chart holds
 * @param centerLine the location chart's centre (mean of the values, or X-double-bar)
 * @param lcl the location chart's lower control limit
 * @param ucl the location chart's upper control limit
 * @param spreadCenter MR-bar or R-bar
 * @param spreadLcl the spread chart's lower control limit
 * @param spreadUcl the spread chart's upper control limit
 * @param sigmaWithin the within (short-term) standard deviation estimate
 * @param ruleSet WESTERN_ELECTRIC or NELSON
 * @param outOfControl how many points violate a rule
 * @param points the points, oldest first
 * @param capability indices, null without specification limits
 */
public record MeasurementChart(
    String machine,
    String signal,
    String chartType,
    int subgroupSize,
    int values,
    double centerLine,
    double lcl,
    double ucl,
    double spreadCenter,
    double spreadLcl,
    double spreadUcl,
    double sigmaWithin,
    String ruleSet,
    int outOfControl,
    List<Point> points,
    Capability capability) {

  /**
   * One plotted point.
   *
   * @param at when the (last) value of the point was measured
   * @param value the individual value or subgroup mean
   * @param spread the moving range (null for the first individual) or the subgroup range
   * @param rules the run rules the location point violates (e.g. WE1), empty when in control
   */
  public record Point(Instant at, double value, Double spread, List<String> rules) {}

  /**
   * Capability against the given limits (Cp and Pp only for two-sided limits).
   *
   * @param lsl lower specification limit or null
   * @param usl upper specification limit or null
   * @param mean process mean
   * @param sigmaOverall sample standard deviation of the individual values
   * @param cp (USL - LSL) / 6 sigma within
   * @param cpk min(CPU, CPL) with sigma within
   * @param pp (USL - LSL) / 6 sigma overall
   * @param ppk min(PPU, PPL) with sigma overall
   */
  public record Capability(
      Double lsl,
      Double usl,
      double mean,
      double sigmaOverall,
      Double cp,
      double cpk,
      Double pp,
      double ppk) {}
}
