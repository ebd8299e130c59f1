package io.tianshu.quality.spc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds control charts from data, with 3-sigma limits estimated from the data (Phase I).
 *
 * <p>Variables charts: X-bar/R and X-bar/S from subgroups of equal size 2..25, I-MR from
 * individuals (moving range of 2). Attributes charts: p (proportion defective, per-point limits for
 * variable sample sizes), np (number defective, constant sample size), c (defects, constant area of
 * opportunity) and u (defects per unit, per-point limits for variable numbers of units). Lower
 * limits of ranges, standard deviations, proportions and counts are clipped at 0.
 */
public final class ControlCharts {

  private ControlCharts() {}

  /**
   * X-bar and R charts. Centre lines X-double-bar and R-bar; X-bar limits {@code X-double-bar +- A2
   * R-bar}, R limits {@code D3 R-bar, D4 R-bar}; sigma within {@code R-bar / d2}.
   *
   * @param subgroups at least one subgroup, all of the same size 2..25
   * @return the charts
   */
  public static VariablesChart xbarR(double[][] subgroups) {
    int n = checkSubgroups(subgroups, "X-bar/R");
    ChartConstants k = ChartConstants.of(n);
    int m = subgroups.length;
    double[] means = new double[m];
    double[] ranges = new double[m];
    for (int i = 0; i < m; i++) {
      means[i] = mean(subgroups[i]);
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : subgroups[i]) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      ranges[i] = max - min;
    }
    double grandMean = mean(means);
    double rBar = mean(ranges);
    double sigma = rBar / k.d2();
    ControlChart xbar = chart(ChartType.XBAR, grandMean, means, sigma / Math.sqrt(n));
    ControlChart range = chart(ChartType.RANGE, rBar, ranges, k.d3() * sigma);
    return new VariablesChart(xbar, range, sigma);
  }

  /**
   * X-bar and S charts. Centre lines X-double-bar and S-bar; X-bar limits {@code X-double-bar +- A3
   * S-bar}, S limits {@code B3 S-bar, B4 S-bar}; sigma within {@code S-bar / c4}.
   *
   * @param subgroups at least one subgroup, all of the same size 2..25
   * @return the charts
   */
  public static VariablesChart xbarS(double[][] subgroups) {
    int n = checkSubgroups(subgroups, "X-bar/S");
    ChartConstants k = ChartConstants.of(n);
    int m = subgroups.length;
    double[] means = new double[m];
    double[] sds = new double[m];
    for (int i = 0; i < m; i++) {
      means[i] = mean(subgroups[i]);
      sds[i] = sampleStandardDeviation(subgroups[i]);
    }
    double grandMean = mean(means);
    double sBar = mean(sds);
    double sigma = sBar / k.c4();
    ControlChart xbar = chart(ChartType.XBAR, grandMean, means, sigma / Math.sqrt(n));
    double c4 = k.c4();
    ControlChart sd =
        chart(ChartType.STANDARD_DEVIATION, sBar, sds, sBar * Math.sqrt(1 - c4 * c4) / c4);
    return new VariablesChart(xbar, sd, sigma);
  }

  /**
   * Individuals and moving range charts (moving range of two). Centre lines X-bar and MR-bar;
   * individuals limits {@code X-bar +- E2 MR-bar} with {@code E2 = 3 / d2(2)}, moving range limits
   * {@code 0, D4(2) MR-bar}; sigma within {@code MR-bar / d2(2)}. The moving range chart has one
   * point fewer than the individuals chart; its point i is {@code |x[i+1] - x[i]|}.
   *
   * @param values at least two finite individual values
   * @return the charts
   */
  public static VariablesChart individualsMovingRange(double[] values) {
    Objects.requireNonNull(values, "values");
    if (values.length < 2) {
      throw new IllegalArgumentException(
          "I-MR needs at least 2 individual values, got " + values.length);
    }
    checkFinite(values, "individual value");
    ChartConstants k = ChartConstants.of(2);
    double[] movingRanges = new double[values.length - 1];
    for (int i = 1; i < values.length; i++) {
      movingRanges[i - 1] = Math.abs(values[i] - values[i - 1]);
    }
    double mrBar = mean(movingRanges);
    double sigma = mrBar / k.d2();
    ControlChart individuals = chart(ChartType.INDIVIDUALS, mean(values), values, sigma);
    ControlChart mr = chart(ChartType.MOVING_RANGE, mrBar, movingRanges, k.d3() * sigma);
    return new VariablesChart(individuals, mr, sigma);
  }

  /**
   * p chart: proportion defective {@code p_i = d_i / n_i}, centre {@code p-bar = sum d / sum n},
   * limits {@code p-bar +- 3 sqrt(p-bar (1 - p-bar) / n_i)} per point (LCL clipped at 0; the UCL is
   * not clipped at 1).
   *
   * @param defectives number of defective items per sample, each 0..n_i
   * @param sampleSizes sample sizes, each positive
   * @return the chart
   */
  public static ControlChart p(long[] defectives, long[] sampleSizes) {
    checkAttributes(defectives, sampleSizes);
    double totalDefective = 0;
    double totalSize = 0;
    for (int i = 0; i < defectives.length; i++) {
      totalDefective += defectives[i];
      totalSize += sampleSizes[i];
    }
    double pBar = totalDefective / totalSize;
    List<ChartPoint> points = new ArrayList<>(defectives.length);
    for (int i = 0; i < defectives.length; i++) {
      double sigma = Math.sqrt(pBar * (1 - pBar) / sampleSizes[i]);
      points.add(ChartPoint.threeSigma((double) defectives[i] / sampleSizes[i], pBar, sigma, true));
    }
    return new ControlChart(ChartType.P, pBar, points);
  }

  /**
   * np chart: number defective with a constant sample size n; centre {@code n p-bar}, limits {@code
   * n p-bar +- 3 sqrt(n p-bar (1 - p-bar))} (LCL clipped at 0).
   *
   * @param defectives number of defective items per sample, each 0..sampleSize
   * @param sampleSize the common sample size, positive
   * @return the chart
   */
  public static ControlChart np(long[] defectives, long sampleSize) {
    Objects.requireNonNull(defectives, "defectives");
    long[] sizes = new long[defectives.length];
    java.util.Arrays.fill(sizes, sampleSize);
    checkAttributes(defectives, sizes);
    double pBar = 0;
    for (long d : defectives) {
      pBar += d;
    }
    pBar /= (double) sampleSize * defectives.length;
    double center = sampleSize * pBar;
    double sigma = Math.sqrt(center * (1 - pBar));
    double[] values = new double[defectives.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = defectives[i];
    }
    return chart(ChartType.NP, center, values, sigma);
  }

  /**
   * c chart: defects per sample with a constant area of opportunity; centre c-bar, limits {@code
   * c-bar +- 3 sqrt(c-bar)} (LCL clipped at 0).
   *
   * @param defects number of defects per sample, each >= 0
   * @return the chart
   */
  public static ControlChart c(long[] defects) {
    Objects.requireNonNull(defects, "defects");
    if (defects.length == 0) {
      throw new IllegalArgumentException("a c chart needs at least one sample");
    }
    double[] values = new double[defects.length];
    for (int i = 0; i < defects.length; i++) {
      if (defects[i] < 0) {
        throw new IllegalArgumentException(
            "defect count must be >= 0, was " + defects[i] + " at point " + i);
      }
      values[i] = defects[i];
    }
    double cBar = mean(values);
    return chart(ChartType.C, cBar, values, Math.sqrt(cBar));
  }

  /**
   * u chart: defects per unit {@code u_i = c_i / a_i}, centre {@code u-bar = sum c / sum a}, limits
   * {@code u-bar +- 3 sqrt(u-bar / a_i)} per point (LCL clipped at 0).
   *
   * @param defects number of defects per sample, each >= 0
   * @param units number of inspection units per sample, each positive and finite (need not be an
   *     integer)
   * @return the chart
   */
  public static ControlChart u(long[] defects, double[] units) {
    Objects.requireNonNull(defects, "defects");
    Objects.requireNonNull(units, "units");
    if (defects.length == 0) {
      throw new IllegalArgumentException("a u chart needs at least one sample");
    }
    if (defects.length != units.length) {
      throw new IllegalArgumentException(
          "defects and units differ in length: " + defects.length + " vs " + units.length);
    }
    double totalDefects = 0;
    double totalUnits = 0;
    for (int i = 0; i < defects.length; i++) {
      if (defects[i] < 0) {
        throw new IllegalArgumentException(
            "defect count must be >= 0, was " + defects[i] + " at point " + i);
      }
      if (!(units[i] > 0) || !Double.isFinite(units[i])) {
        throw new IllegalArgumentException(
            "units must be positive and finite, was " + units[i] + " at point " + i);
      }
      totalDefects += defects[i];
      totalUnits += units[i];
    }
    double uBar = totalDefects / totalUnits;
    List<ChartPoint> points = new ArrayList<>(defects.length);
    for (int i = 0; i < defects.length; i++) {
      points.add(
          ChartPoint.threeSigma(defects[i] / units[i], uBar, Math.sqrt(uBar / units[i]), true));
    }
    return new ControlChart(ChartType.U, uBar, points);
  }

  private static ControlChart chart(ChartType type, double center, double[] values, double sigma) {
    List<ChartPoint> points = new ArrayList<>(values.length);
    for (double v : values) {
      points.add(ChartPoint.threeSigma(v, center, sigma, type.nonNegative()));
    }
    return new ControlChart(type, center, points);
  }

  private static int checkSubgroups(double[][] subgroups, String chart) {
    Objects.requireNonNull(subgroups, "subgroups");
    if (subgroups.length == 0) {
      throw new IllegalArgumentException(chart + " needs at least one subgroup");
    }
    int n = -1;
    for (int i = 0; i < subgroups.length; i++) {
      double[] subgroup = subgroups[i];
      if (subgroup == null) {
        throw new IllegalArgumentException("subgroup " + i + " is null");
      }
      if (i == 0) {
        n = subgroup.length;
        if (n < ChartConstants.MIN_N || n > ChartConstants.MAX_N) {
          throw new IllegalArgumentException(
              "subgroup size "
                  + n
                  + " out of range "
                  + ChartConstants.MIN_N
                  + ".."
                  + ChartConstants.MAX_N);
        }
      } else if (subgroup.length != n) {
        throw new IllegalArgumentException(
            chart
                + " needs subgroups of equal size: subgroup 0 has "
                + n
                + " values, subgroup "
                + i
                + " has "
                + subgroup.length);
      }
      checkFinite(subgroup, "value in subgroup " + i);
    }
    return n;
  }

  private static void checkAttributes(long[] defectives, long[] sampleSizes) {
    Objects.requireNonNull(defectives, "defectives");
    Objects.requireNonNull(sampleSizes, "sampleSizes");
    if (defectives.length == 0) {
      throw new IllegalArgumentException("an attributes chart needs at least one sample");
    }
    if (defectives.length != sampleSizes.length) {
      throw new IllegalArgumentException(
          "defectives and sample sizes differ in length: "
              + defectives.length
              + " vs "
              + sampleSizes.length);
    }
    for (int i = 0; i < defectives.length; i++) {
      if (sampleSizes[i] <= 0) {
        throw new IllegalArgumentException(
            "sample size must be positive, was " + sampleSizes[i] + " at point " + i);
      }
      if (defectives[i] < 0) {
        throw new IllegalArgumentException(
            "defectives must be >= 0, was " + defectives[i] + " at point " + i);
      }
      if (defectives[i] > sampleSizes[i]) {
        throw new IllegalArgumentException(
            "proportion defective > 1 at point "
                + i
                + ": "
                + defectives[i]
                + " defectives in a sample of "
                + sampleSizes[i]);
      }
    }
  }

  private static void checkFinite(double[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(what + " at " + i + " is not finite: " + values[i]);
      }
    }
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  static double sampleStandardDeviation(double[] values) {
    double mean = mean(values);
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / (values.length - 1));
  }
}
