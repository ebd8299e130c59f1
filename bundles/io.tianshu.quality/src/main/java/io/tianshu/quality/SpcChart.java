package io.tianshu.quality;

import java.util.List;

/**
 * A control chart from inspection results.
 *
 * @param plantId the plant
 * @param materialId the material
 * @param characteristic the characteristic's code
 * @param kind VARIABLE or ATTRIBUTE
 * @param chartType XBAR_R, XBAR_S, I_MR, P, NP, C or U
 * @param ruleSet WESTERN_ELECTRIC or NELSON
 * @param frozen whether the limits are the characteristic's frozen limits (else from these data)
 * @param subgroupSize the subgroup size of an X-bar chart (np: the sample size), else null
 * @param centerLine centre line of the location chart (X-double-bar, X-bar, p-bar, n p-bar, c-bar
 *     or u-bar)
 * @param dispersionType RANGE, STANDARD_DEVIATION or MOVING_RANGE for variables, null otherwise
 * @param dispersionCenter R-bar, S-bar or MR-bar, null for attributes
 * @param points the location chart (X-bar, individuals, p, np, c or u)
 * @param dispersion the R, S or moving range chart; empty for attributes (rule 1 only)
 * @param capability Cp, Cpk, Pp, Ppk of a variable with specification limits, else null
 * @param skipped lots left out, with the reason
 */
public record SpcChart(
    long plantId,
    long materialId,
    String characteristic,
    String kind,
    String chartType,
    String ruleSet,
    boolean frozen,
    Integer subgroupSize,
    double centerLine,
    String dispersionType,
    Double dispersionCenter,
    List<SpcPoint> points,
    List<SpcPoint> dispersion,
    SpcCapability capability,
    List<Skipped> skipped) {

  /**
   * A lot left out of the chart.
   *
   * @param lotId the lot
   * @param lot the lot number
   * @param reason why
   */
  public record Skipped(long lotId, String lot, String reason) {}
}
