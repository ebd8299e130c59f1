package io.tianshu.connector;

/**
 * What to chart of a machine's measured values.
 *
 * @param last the newest so many values (default 100, 2..5000)
 * @param subgroupSize 1 for an individuals / moving range chart (default), 2..10 for an X-bar / R
 *     chart of consecutive values (the oldest values that do not fill a subgroup are left out)
 * @param ruleSet WESTERN_ELECTRIC (default) or NELSON
 * @param lsl lower specification limit, optional (for capability)
 * @param usl upper specification limit, optional (for capability)
 */
public record MeasurementQuery(
    Integer last, Integer subgroupSize, String ruleSet, Double lsl, Double usl) {}
