package io.tianshu.quality.spc;

/**
 * Moments of the range of n standard normals by numerical integration; see {@link ChartConstants}.
 */
final class RangeDistribution {

  private static final int STEPS_PER_UNIT = 40;
  private static final double H = 1.0 / STEPS_PER_UNIT;
  private static final int X_HALF = 8 * STEPS_PER_UNIT; // x in [-8, 8]
  private static final int W_STEPS = 12 * STEPS_PER_UNIT; // w in [0, 12], even for Simpson
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  private RangeDistribution() {}

  /**
   * {@code result[n] = {d2, d3}} for n in 2..maxN.
   *
   * @param maxN largest n
   * @return the moments, indexed by n
   */
  static double[][] moments(int maxN) {
    // Phi on the grid k*H for k in -X_HALF .. X_HALF + W_STEPS
    int offset = X_HALF;
    double[] cdf = new double[2 * X_HALF + W_STEPS + 1];
    for (int k = 0; k < cdf.length; k++) {
      cdf[k] = cdf((k - offset) * H);
    }
    double[] pdf = new double[2 * X_HALF + 1];
    for (int i = 0; i < pdf.length; i++) {
      double x = (i - offset) * H;
      pdf[i] = Math.exp(-0.5 * x * x) / SQRT_2PI;
    }
    double[][] result = new double[maxN + 1][];
    double[] tail = new double[W_STEPS + 1];
    for (int n = 2; n <= maxN; n++) {
      for (int j = 0; j <= W_STEPS; j++) {
        double sum = 0;
        for (int i = 0; i < pdf.length; i++) {
          double p = cdf[i + j] - cdf[i];
          sum += pdf[i] * power(p, n - 1);
        }
        tail[j] = 1 - n * sum * H; // 1 - F(w_j)
      }
      double mean = 0;
      double second = 0;
      for (int j = 0; j <= W_STEPS; j++) {
        double weight = (j == 0 || j == W_STEPS) ? 1 : (j % 2 == 1 ? 4 : 2);
        mean += weight * tail[j];
        second += weight * 2 * (j * H) * tail[j];
      }
      mean *= H / 3;
      second *= H / 3;
      result[n] = new double[] {mean, Math.sqrt(second - mean * mean)};
    }
    return result;
  }

  private static double power(double base, int exponent) {
    double result = 1;
    for (int e = 0; e < exponent; e++) {
      result *= base;
    }
    return result;
  }

  /**
   * The standard normal distribution function, from the series of erf with positive terms; exact to
   * a few ulps of 1 in absolute terms, which is what the integration needs.
   *
   * @param z argument
   * @return Phi(z)
   */
  static double cdf(double z) {
    if (z > 9) {
      return 1;
    }
    if (z < -9) {
      return 0;
    }
    double x = Math.abs(z) / Math.sqrt(2);
    double term = x;
    double sum = x;
    for (int k = 1; k < 1000; k++) {
      term *= 2 * x * x / (2 * k + 1);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    double erf = 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }
}
