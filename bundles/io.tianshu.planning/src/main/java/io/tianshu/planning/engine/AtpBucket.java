package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * One discrete ATP bucket: from its date up to the day before the next bucket's date (the last
 * bucket is open-ended).
 *
 * @param date the bucket date: the plan start for the first bucket, otherwise a supply date
 * @param supply the supply on that date; for the first bucket including the on-hand quantity
 * @param committed the committed orders due in the bucket
 * @param atp the discrete available-to-promise after look-ahead: {@code supply − committed}, less
 *     the shortages of later buckets carried back; never negative except in the first bucket when
 *     the total supply cannot cover the committed orders
 * @param cumulativeAtp the running sum of {@code atp} up to and including this bucket
 */
public record AtpBucket(
    LocalDate date, double supply, double committed, double atp, double cumulativeAtp) {}
