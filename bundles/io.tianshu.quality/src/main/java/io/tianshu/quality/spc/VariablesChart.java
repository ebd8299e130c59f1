package io.tianshu.quality.spc;

import java.util.Objects;

/**
 * A pair of variables charts: location (X-bar or individuals) and dispersion (R, S or moving
 * range).
 *
 * @param location the X-bar or individuals chart
 * @param dispersion the R, S or moving range chart
 * @param sigmaWithin the within-subgroup process standard deviation estimate (R-bar/d2, S-bar/c4 or
 *     MR-bar/d2(2))
 */
public record VariablesChart(ControlChart location, ControlChart dispersion, double sigmaWithin) {

  /** Validates. */
  public VariablesChart {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(dispersion, "dispersion");
    if (!(sigmaWithin >= 0) || !Double.isFinite(sigmaWithin)) {
      throw new IllegalArgumentException("sigmaWithin must be finite and >= 0");
    }
  }
}
