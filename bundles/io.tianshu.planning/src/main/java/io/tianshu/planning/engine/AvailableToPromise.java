package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Discrete available-to-promise with look-ahead, as taught by APICS/ASCM.
 *
 * <p>Buckets: one at the plan start (carrying the on-hand quantity and any supply dated on or
 * before the start) and one at each later date with a positive supply. A committed order belongs to
 * the last bucket dated on or before its due date; orders due before the plan start (past due)
 * count in the first bucket.
 *
 * <p>Per bucket, ATP = supply (plus on-hand in the first) − committed. Then, from the last bucket
 * back to the second, a negative ATP is set to zero and its shortage subtracted from the previous
 * bucket (look-ahead), so later committed orders keep their cover. Only the first bucket can stay
 * negative, when the whole supply is short.
 *
 * <p>The cumulative ATP of bucket k equals {@code min over j >= k} of (cumulative supply −
 * cumulative committed through bucket j): the quantity that can be promised for delivery in bucket
 * k without uncovering any committed order, now or later. It never decreases from bucket to bucket
 * (except that the first may be negative).
 *
 * <p>Comparisons in {@link #earliest} allow a tolerance of {@link #EPSILON}. Instances are
 * immutable.
 */
public final class AvailableToPromise {

  /** Tolerance for comparing quantities. */
  public static final double EPSILON = 1e-9;

  private final long startDay;
  private final long[] day;
  private final double[] cumulative;
  private final List<AtpBucket> buckets;

  private AvailableToPromise(long startDay, long[] day, double[] cumulative, List<AtpBucket> b) {
    this.startDay = startDay;
    this.day = day;
    this.cumulative = cumulative;
    this.buckets = b;
  }

  /**
   * Builds the ATP record.
   *
   * @param start the plan start, date of the first bucket
   * @param onHand the on-hand quantity at the start, finite and not negative
   * @param supplies MPS quantities and scheduled receipts, any order; those dated before the start
   *     count at the start
   * @param committed committed customer orders, any order; past-due ones count at the start
   * @return the ATP record
   */
  public static AvailableToPromise of(
      LocalDate start, double onHand, List<AtpSupply> supplies, List<AtpDemand> committed) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(supplies, "supplies");
    Objects.requireNonNull(committed, "committed");
    if (!Double.isFinite(onHand) || onHand < 0) {
      throw new IllegalArgumentException("on-hand must be finite and >= 0, was " + onHand);
    }
    long startDay = start.toEpochDay();
    TreeMap<Long, Double> supplyByDay = new TreeMap<>();
    supplyByDay.put(startDay, onHand);
    for (AtpSupply s : supplies) {
      Objects.requireNonNull(s, "supply");
      long d = Math.max(startDay, s.date().toEpochDay());
      if (s.quantity() > 0 || d == startDay) {
        supplyByDay.merge(d, s.quantity(), Double::sum);
      }
    }
    int n = supplyByDay.size();
    long[] day = new long[n];
    double[] supply = new double[n];
    int k = 0;
    for (Map.Entry<Long, Double> e : supplyByDay.entrySet()) {
      day[k] = e.getKey();
      supply[k] = e.getValue();
      k++;
    }
    double[] demand = new double[n];
    for (AtpDemand d : committed) {
      Objects.requireNonNull(d, "committed order");
      demand[bucketOf(day, Math.max(startDay, d.date().toEpochDay()))] += d.quantity();
    }

    double[] atp = new double[n];
    for (int i = 0; i < n; i++) {
      atp[i] = supply[i] - demand[i];
    }
    for (int i = n - 1; i > 0; i--) { // look-ahead: carry shortages back
      if (atp[i] < 0) {
        atp[i - 1] += atp[i];
        atp[i] = 0;
      }
    }
    double[] cumulative = new double[n];
    List<AtpBucket> buckets = new ArrayList<>(n);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += atp[i];
      cumulative[i] = sum;
      buckets.add(new AtpBucket(LocalDate.ofEpochDay(day[i]), supply[i], demand[i], atp[i], sum));
    }
    return new AvailableToPromise(startDay, day, cumulative, Collections.unmodifiableList(buckets));
  }

  /**
   * The discrete ATP buckets, in date order; the first is dated at the plan start.
   *
   * @return the buckets, unmodifiable
   */
  public List<AtpBucket> discrete() {
    return buckets;
  }

  /**
   * The cumulative ATP at a date: what can be promised for delivery on that date without taking
   * what committed orders need.
   *
   * @param date the date
   * @return the cumulative ATP of the bucket containing the date; 0 before the plan start
   */
  public double available(LocalDate date) {
    long d = Objects.requireNonNull(date, "date").toEpochDay();
    if (d < startDay) {
      return 0;
    }
    return cumulative[bucketOf(day, d)];
  }

  /**
   * The earliest date on or after {@code requested} (and not before the plan start) for which
   * {@code quantity} can be promised: the cumulative ATP of its bucket, which already reserves what
   * all later committed orders need, covers the quantity.
   *
   * @param quantity the quantity to promise, finite and not negative
   * @param requested the requested date
   * @return the earliest promisable date, or {@code null} if even the last supply bucket cannot
   *     cover it
   */
  public LocalDate earliest(double quantity, LocalDate requested) {
    Objects.requireNonNull(requested, "requested");
    if (!Double.isFinite(quantity) || quantity < 0) {
      throw new IllegalArgumentException("quantity must be finite and >= 0, was " + quantity);
    }
    long r = Math.max(startDay, requested.toEpochDay());
    int k = bucketOf(day, r);
    if (cumulative[k] >= quantity - EPSILON) {
      return LocalDate.ofEpochDay(r);
    }
    for (int i = k + 1; i < day.length; i++) {
      if (cumulative[i] >= quantity - EPSILON) {
        return LocalDate.ofEpochDay(day[i]);
      }
    }
    return null;
  }

  /** Index of the last bucket dated on or before {@code d}; {@code d} is not before the start. */
  private static int bucketOf(long[] day, long d) {
    int l = 0;
    int h = day.length - 1;
    while (l < h) {
      int m = (l + h + 1) >>> 1;
      if (day[m] <= d) {
        l = m;
      } else {
        h = m - 1;
      }
    }
    return l;
  }
}
