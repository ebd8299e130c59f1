package io.tianshu.quality.spc;

import java.util.Objects;
import java.util.OptionalDouble;

/** Computes {@link Capability} indices from estimates or from data. */
public final class ProcessCapability {

  /** How the within-subgroup standard deviation is estimated from subgroups. */
  public enum WithinEstimate {
    /** R-bar / d2. */
    RANGE,
    /** S-bar / c4. */
    STANDARD_DEVIATION
  }

  private ProcessCapability() {}

  /**
   * Indices from given estimates.
   *
   * @param spec specification limits
   * @param mean process mean, finite
   * @param sigmaWithin within standard deviation, positive
   * @param sigmaOverall overall standard deviation, positive
   * @return the indices
   */
  public static Capability of(
      SpecLimits spec, double mean, double sigmaWithin, double sigmaOverall) {
    Objects.requireNonNull(spec, "spec");
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("mean must be finite");
    }
    if (!(sigmaWithin > 0) || !Double.isFinite(sigmaWithin)) {
      throw new IllegalArgumentException(
          "within standard deviation must be positive and finite, was " + sigmaWithin);
    }
    if (!(sigmaOverall > 0) || !Double.isFinite(sigmaOverall)) {
      throw new IllegalArgumentException(
          "overall standard deviation must be positive and finite, was " + sigmaOverall);
    }
    OptionalDouble cpu = upper(spec, mean, sigmaWithin);
    OptionalDouble cpl = lower(spec, mean, sigmaWithin);
    OptionalDouble ppu = upper(spec, mean, sigmaOverall);
    OptionalDouble ppl = lower(spec, mean, sigmaOverall);
    return new Capability(
        spec,
        mean,
        sigmaWithin,
        sigmaOverall,
        potential(spec, sigmaWithin),
        cpu,
        cpl,
        min(cpu, cpl),
        potential(spec, sigmaOverall),
        ppu,
        ppl,
        min(ppu, ppl));
  }

  /**
   * Indices from subgroups of equal size 2..25: mean the grand mean, sigma within R-bar/d2 or
   * S-bar/c4, sigma overall the sample standard deviation (divisor N - 1) of all values.
   *
   * @param spec specification limits
   * @param subgroups subgroups of equal size
   * @param within how to estimate sigma within
   * @return the indices
   */
  public static Capability fromSubgroups(
      SpecLimits spec, double[][] subgroups, WithinEstimate within) {
    Objects.requireNonNull(within, "within");
    VariablesChart chart =
        within == WithinEstimate.RANGE
            ? ControlCharts.xbarR(subgroups)
            : ControlCharts.xbarS(subgroups);
    int n = subgroups[0].length;
    double[] all = new double[subgroups.length * n];
    for (int i = 0; i < subgroups.length; i++) {
      System.arraycopy(subgroups[i], 0, all, i * n, n);
    }
    return of(
        spec,
        chart.location().centerLine(),
        chart.sigmaWithin(),
        ControlCharts.sampleStandardDeviation(all));
  }

  /**
   * Indices from individuals: sigma within MR-bar / d2(2), sigma overall the sample standard
   * deviation.
   *
   * @param spec specification limits
   * @param values at least two individual values
   * @return the indices
   */
  public static Capability fromIndividuals(SpecLimits spec, double[] values) {
    VariablesChart chart = ControlCharts.individualsMovingRange(values);
    return of(
        spec,
        chart.location().centerLine(),
        chart.sigmaWithin(),
        ControlCharts.sampleStandardDeviation(values));
  }

  private static OptionalDouble potential(SpecLimits spec, double sigma) {
    return spec.twoSided()
        ? OptionalDouble.of((spec.upper().getAsDouble() - spec.lower().getAsDouble()) / (6 * sigma))
        : OptionalDouble.empty();
  }

  private static OptionalDouble upper(SpecLimits spec, double mean, double sigma) {
    return spec.upper().isPresent()
        ? OptionalDouble.of((spec.upper().getAsDouble() - mean) / (3 * sigma))
        : OptionalDouble.empty();
  }

  private static OptionalDouble lower(SpecLimits spec, double mean, double sigma) {
    return spec.lower().isPresent()
        ? OptionalDouble.of((mean - spec.lower().getAsDouble()) / (3 * sigma))
        : OptionalDouble.empty();
  }

  private static double min(OptionalDouble a, OptionalDouble b) {
    if (a.isPresent() && b.isPresent()) {
      return Math.min(a.getAsDouble(), b.getAsDouble());
    }
    return a.isPresent() ? a.getAsDouble() : b.getAsDouble();
  }
}
