package io.tianshu.quality.spc;

import java.util.List;
import java.util.Objects;

/**
 * A control chart: centre line and plotted points with per-point limits.
 *
 * @param type what is plotted
 * @param centerLine the centre line
 * @param points the plotted points in order, at least one
 */
public record ControlChart(ChartType type, double centerLine, List<ChartPoint> points) {

  /** Validates and copies. */
  public ControlChart {
    Objects.requireNonNull(type, "type");
    points = List.copyOf(Objects.requireNonNull(points, "points"));
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a control chart needs at least one point");
    }
    if (!Double.isFinite(centerLine)) {
      throw new IllegalArgumentException("centre line must be finite");
    }
  }

  /**
   * The plotted values.
   *
   * @return a fresh array of the point values
   */
  public double[] values() {
    return points.stream().mapToDouble(ChartPoint::value).toArray();
  }

  /**
   * The upper control limits.
   *
   * @return a fresh array of the per-point UCLs
   */
  public double[] upperLimits() {
    return points.stream().mapToDouble(ChartPoint::ucl).toArray();
  }

  /**
   * The lower control limits.
   *
   * @return a fresh array of the per-point LCLs
   */
  public double[] lowerLimits() {
    return points.stream().mapToDouble(ChartPoint::lcl).toArray();
  }

  /**
   * Indices of points beyond the control limits.
   *
   * @return indices in ascending order
   */
  public List<Integer> outOfControlPoints() {
    return java.util.stream.IntStream.range(0, points.size())
        .filter(i -> points.get(i).outOfControl())
        .boxed()
        .toList();
  }
}
