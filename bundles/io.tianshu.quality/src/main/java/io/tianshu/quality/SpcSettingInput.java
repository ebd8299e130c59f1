package io.tianshu.quality;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A characteristic's SPC setting as put. Frozen limits either come from a baseline ({@code freeze}
 * true: the chart of the plan's lots recorded from {@code baselineFrom} to {@code baselineTo}, with
 * limits from those data), or are given ({@code frozenCenter}, {@code frozenSpread} for variables,
 * {@code frozenSubgroupSize} for X-bar charts); otherwise limits come from the charted data.
 *
 * @param chartType AUTO (default), XBAR_R, XBAR_S, I_MR, P, NP, C or U
 * @param ruleSet WESTERN_ELECTRIC (default) or NELSON
 * @param reaction NONE (default), HOLD or NONCONFORMANCE
 * @param freeze freeze the limits from the baseline period
 * @param baselineFrom first day of the baseline (UTC), optional
 * @param baselineTo last day of the baseline (UTC), optional
 * @param frozenCenter given centre line
 * @param frozenSpread given R-bar, S-bar or MR-bar
 * @param frozenSubgroupSize given subgroup size of X-bar limits
 * @param version the setting's version, for a change (optional)
 */
public record SpcSettingInput(
    String chartType,
    String ruleSet,
    String reaction,
    Boolean freeze,
    LocalDate baselineFrom,
    LocalDate baselineTo,
    BigDecimal frozenCenter,
    BigDecimal frozenSpread,
    Integer frozenSubgroupSize,
    Long version) {}
