package io.tianshu.quality.spc;

/**
 * Control chart constants for a subgroup size {@code n} in 2..25.
 *
 * <p>{@code c4 = sqrt(2 / (n - 1)) * Gamma(n / 2) / Gamma((n - 1) / 2)} is computed exactly (up to
 * double rounding) from the recurrence of the Gamma ratio {@code r(n) = Gamma(n/2) /
 * Gamma((n-1)/2)}: {@code r(2) = 1 / sqrt(pi)} and {@code r(n+1) = ((n-1)/2) / r(n)}.
 *
 * <p>{@code d2 = E[W]} and {@code d3 = sd[W]}, where {@code W} is the range of {@code n}
 * independent standard normal variables, are computed by numerical integration of the range
 * distribution {@code F(w) = n * integral phi(x) (Phi(x + w) - Phi(x))^(n-1) dx}: the inner
 * integral by the trapezoidal rule on {@code [-8, 8]} (spectrally accurate for these smooth,
 * Gaussian-decaying integrands), and {@code E[W] = integral (1 - F(w)) dw}, {@code E[W^2] =
 * integral 2w (1 - F(w)) dw} by Simpson's rule on {@code [0, 12]}, both with step 1/40. {@code Phi}
 * comes from the everywhere-convergent series {@code erf(x) = 2/sqrt(pi) e^(-x^2) sum 2^k x^(2k+1)
 * / (1*3*...*(2k+1))}. The absolute error of d2 and d3 is below 1e-7 (checked against the published
 * tables, which print 3 decimals, and against the exact {@code d2(2) = 2 / sqrt(pi)}).
 *
 * <p>The derived factors: {@code A2 = 3 / (d2 sqrt n)}, {@code A3 = 3 / (c4 sqrt n)}, {@code D3 =
 * max(0, 1 - 3 d3 / d2)}, {@code D4 = 1 + 3 d3 / d2}, {@code B3 = max(0, 1 - 3 sqrt(1 - c4^2) /
 * c4)}, {@code B4 = 1 + 3 sqrt(1 - c4^2) / c4}, {@code E2 = 3 / d2}.
 *
 * @param n subgroup size
 * @param d2 mean of the relative range
 * @param d3 standard deviation of the relative range
 * @param c4 mean of the sample standard deviation of n standard normals
 * @param a2 X-bar chart factor from the mean range
 * @param a3 X-bar chart factor from the mean standard deviation
 * @param d3Factor lower R chart factor D3
 * @param d4Factor upper R chart factor D4
 * @param b3 lower S chart factor
 * @param b4 upper S chart factor
 * @param e2 individuals chart factor from the mean moving range (for a moving range of size n)
 */
public record ChartConstants(
    int n,
    double d2,
    double d3,
    double c4,
    double a2,
    double a3,
    double d3Factor,
    double d4Factor,
    double b3,
    double b4,
    double e2) {

  /** Smallest supported subgroup size. */
  public static final int MIN_N = 2;

  /** Largest supported subgroup size. */
  public static final int MAX_N = 25;

  private static final ChartConstants[] TABLE = compute();

  /** Validates the components. */
  public ChartConstants {
    checkSize(n);
    if (!(d2 > 0) || !(d3 > 0) || !(c4 > 0 && c4 < 1)) {
      throw new IllegalArgumentException("d2, d3 must be positive and c4 in (0, 1)");
    }
  }

  /**
   * The constants for subgroup size {@code n}.
   *
   * @param n subgroup size, 2..25
   * @return the constants
   * @throws IllegalArgumentException if n is out of range
   */
  public static ChartConstants of(int n) {
    checkSize(n);
    return TABLE[n];
  }

  static void checkSize(int n) {
    if (n < MIN_N || n > MAX_N) {
      throw new IllegalArgumentException(
          "subgroup size " + n + " out of range " + MIN_N + ".." + MAX_N);
    }
  }

  private static ChartConstants[] compute() {
    ChartConstants[] table = new ChartConstants[MAX_N + 1];
    double[] c4 = c4Values();
    double[][] range = RangeDistribution.moments(MAX_N);
    for (int n = MIN_N; n <= MAX_N; n++) {
      double d2 = range[n][0];
      double d3 = range[n][1];
      double c = c4[n];
      double sqrtN = Math.sqrt(n);
      double sFactor = 3 * Math.sqrt(1 - c * c) / c;
      table[n] =
          new ChartConstants(
              n,
              d2,
              d3,
              c,
              3 / (d2 * sqrtN),
              3 / (c * sqrtN),
              Math.max(0, 1 - 3 * d3 / d2),
              1 + 3 * d3 / d2,
              Math.max(0, 1 - sFactor),
              1 + sFactor,
              3 / d2);
    }
    return table;
  }

  private static double[] c4Values() {
    double[] c4 = new double[MAX_N + 1];
    double ratio = 1 / Math.sqrt(Math.PI); // Gamma(1) / Gamma(1/2)
    for (int n = MIN_N; n <= MAX_N; n++) {
      c4[n] = Math.sqrt(2.0 / (n - 1)) * ratio;
      ratio = ((n - 1) / 2.0) / ratio; // Gamma((n+1)/2) / Gamma(n/2)
    }
    return c4;
  }
}
