package io.tianshu.quality;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How a characteristic of a plan is charted and what a rule violation does.
 *
 * @param planId the plan
 * @param characteristic the characteristic's code
 * @param kind VARIABLE or ATTRIBUTE
 * @param chartType AUTO, XBAR_R, XBAR_S, I_MR, P, NP, C or U
 * @param ruleSet WESTERN_ELECTRIC or NELSON
 * @param reaction NONE, HOLD or NONCONFORMANCE
 * @param frozenCenter the frozen centre line (X-double-bar, X-bar, p-bar, c-bar, u-bar), or null
 * @param frozenSpread the frozen R-bar, S-bar or MR-bar, or null
 * @param frozenSubgroupSize the subgroup size the frozen X-bar limits hold for, or null
 * @param frozenAt when frozen
 * @param frozenBy who froze them
 * @param updatedAt when last put (null: the defaults, never put)
 * @param updatedBy who put it
 * @param version 0 when never put
 */
public record SpcSetting(
    long planId,
    String characteristic,
    String kind,
    String chartType,
    String ruleSet,
    String reaction,
    BigDecimal frozenCenter,
    BigDecimal frozenSpread,
    Integer frozenSubgroupSize,
    Instant frozenAt,
    String frozenBy,
    Instant updatedAt,
    String updatedBy,
    long version) {}
