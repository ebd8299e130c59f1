package io.tianshu.quality.spc;

/**
 * One plotted point of a control chart with its own limits (limits vary per point on p and u charts
 * with variable sample sizes).
 *
 * @param value the plotted statistic
 * @param centerLine the centre line at this point
 * @param sigma the standard deviation (1 sigma) of the plotted statistic at this point; the run
 *     rule zones are {@code centerLine +- k * sigma}
 * @param lcl lower control limit, {@code centerLine - 3 sigma}, clipped at 0 for a non-negative
 *     statistic
 * @param ucl upper control limit, {@code centerLine + 3 sigma}
 */
public record ChartPoint(double value, double centerLine, double sigma, double lcl, double ucl) {

  /** Validates the components. */
  public ChartPoint {
    if (!Double.isFinite(value)
        || !Double.isFinite(centerLine)
        || !Double.isFinite(lcl)
        || !Double.isFinite(ucl)) {
      throw new IllegalArgumentException("chart point values must be finite");
    }
    if (!(sigma >= 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and >= 0, was " + sigma);
    }
    if (lcl > centerLine || centerLine > ucl) {
      throw new IllegalArgumentException(
          "limits must satisfy lcl <= centre <= ucl, were " + lcl + ", " + centerLine + ", " + ucl);
    }
  }

  /**
   * A point with 3-sigma limits.
   *
   * @param value plotted statistic
   * @param centerLine centre line
   * @param sigma 1 sigma of the statistic
   * @param nonNegative whether to clip the lower limit at 0
   * @return the point
   */
  public static ChartPoint threeSigma(
      double value, double centerLine, double sigma, boolean nonNegative) {
    double lcl = centerLine - 3 * sigma;
    if (nonNegative && lcl < 0) {
      lcl = 0;
    }
    return new ChartPoint(value, centerLine, sigma, lcl, centerLine + 3 * sigma);
  }

  /**
   * Whether the value lies outside the control limits.
   *
   * @return true if beyond a limit
   */
  public boolean outOfControl() {
    return value > ucl || value < lcl;
  }
}
