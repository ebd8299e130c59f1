package io.tianshu.quality;

import java.time.LocalDate;

/**
 * What to chart: the results of a characteristic (by code) of a material in a plant.
 *
 * @param plantId the plant
 * @param materialId the material
 * @param characteristic the characteristic's code
 * @param supplier only lots of this supplier (null for every supplier)
 * @param from results recorded on or after this day (UTC), optional
 * @param to results recorded on or before this day (UTC), optional
 * @param last only the newest so many lots (default 100, at most 1000)
 * @param chartType AUTO, XBAR_R, XBAR_S, I_MR, P, NP, C or U; null for the characteristic's setting
 * @param ruleSet WESTERN_ELECTRIC or NELSON; null for the characteristic's setting
 */
public record SpcChartQuery(
    Long plantId,
    Long materialId,
    String characteristic,
    String supplier,
    LocalDate from,
    LocalDate to,
    Integer last,
    String chartType,
    String ruleSet) {}
