package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * One overhead absorption rule, e.g. variable overhead at 12 per labour hour and fixed overhead at
 * 40 % of direct cost. Several rules add up.
 *
 * @param name unique name of the rule (e.g. "variable", "fixed")
 * @param base what the rate is applied to
 * @param rate rate used for the actual cost: money per hour for the hour bases, percent for the
 *     cost bases; {@code >= 0}
 * @param standardRate rate in the standard cost, same unit as {@code rate}; {@code >= 0}. The
 *     difference between the two gives the spending variance.
 */
public record CostOverheadRule(
    String name, CostOverheadBase base, BigDecimal rate, BigDecimal standardRate) {

  /** Validates the fields. */
  public CostOverheadRule {
    CostChecks.text(name, "overheadRule.name");
    CostChecks.required(base, "overheadRule.base");
    CostChecks.nonNegative(rate, "overheadRule.rate");
    CostChecks.nonNegative(standardRate, "overheadRule.standardRate");
  }

  /**
   * A rule whose actual rate equals the standard rate (predetermined absorption rate).
   *
   * @param name rule name
   * @param base base
   * @param rate rate per hour or percent
   * @return the rule
   */
  public static CostOverheadRule of(String name, CostOverheadBase base, String rate) {
    return new CostOverheadRule(name, base, new BigDecimal(rate), new BigDecimal(rate));
  }
}
