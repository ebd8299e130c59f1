package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random checks with fixed seeds against a day-by-day oracle taken straight from the definition: a
 * quantity q can be promised on day x when, for every day t from x on, everything supplied up to t
 * minus everything committed up to t still leaves q (past-due entries counted at the start).
 * Integer quantities keep all sums exact.
 */
class AvailableToPromisePropertyTest {

  static final LocalDate START = LocalDate.of(2026, 3, 2);

  record Scenario(double onHand, List<AtpSupply> supplies, List<AtpDemand> committed) {
    AvailableToPromise atp() {
      return AvailableToPromise.of(START, onHand, supplies, committed);
    }
  }

  @Test
  void bookingTheEarliestPromiseNeverUncoversCommittedOrders() {
    int promised = 0;
    for (long seed = 1; seed <= 500; seed++) {
      Random rnd = new Random(seed);
      Scenario s = scenario(rnd);
      AvailableToPromise before = s.atp();
      boolean shortBefore = before.discrete().stream().anyMatch(b -> b.cumulativeAtp() < 0);
      for (int k = 0; k < 5; k++) {
        double q = 1 + rnd.nextInt(150);
        LocalDate requested = START.plusDays(rnd.nextInt(80) - 5);
        LocalDate date = before.earliest(q, requested);

        assertThat(date)
            .as("seed %d q %s req %s", seed, q, requested)
            .isEqualTo(oracleEarliest(s, q, requested));
        if (date == null) {
          continue;
        }
        promised++;
        List<AtpDemand> committed = new ArrayList<>(s.committed());
        committed.add(new AtpDemand(date, q));
        List<AtpBucket> after = new Scenario(s.onHand(), s.supplies(), committed).atp().discrete();

        assertThat(after).hasSameSizeAs(before.discrete());
        for (int i = 0; i < after.size(); i++) {
          double was = before.discrete().get(i).cumulativeAtp();
          double now = after.get(i).cumulativeAtp();
          assertThat(now).as("seed %d bucket %d", seed, i).isGreaterThanOrEqualTo(Math.min(was, 0));
          if (!shortBefore) {
            assertThat(now).as("seed %d bucket %d", seed, i).isGreaterThanOrEqualTo(0);
          }
        }
      }
    }
    assertThat(promised).as("scenarios that promised something").isGreaterThan(1000);
  }

  @Test
  void availableAndBucketsMatchTheOracle() {
    for (long seed = 1001; seed <= 1500; seed++) {
      Random rnd = new Random(seed);
      Scenario s = scenario(rnd);
      AvailableToPromise atp = s.atp();
      List<AtpBucket> buckets = atp.discrete();

      double supplied = s.onHand() + s.supplies().stream().mapToDouble(AtpSupply::quantity).sum();
      double committed = s.committed().stream().mapToDouble(AtpDemand::quantity).sum();
      assertThat(buckets.get(0).date()).isEqualTo(START);
      assertThat(buckets.get(buckets.size() - 1).cumulativeAtp())
          .isCloseTo(supplied - committed, within(1e-9));
      assertThat(buckets.stream().mapToDouble(AtpBucket::supply).sum()).isEqualTo(supplied);
      assertThat(buckets.stream().mapToDouble(AtpBucket::committed).sum()).isEqualTo(committed);
      for (int i = 1; i < buckets.size(); i++) {
        assertThat(buckets.get(i).atp()).isGreaterThanOrEqualTo(0);
        assertThat(buckets.get(i).date()).isAfter(buckets.get(i - 1).date());
      }
      for (int day = -3; day <= 75; day++) {
        LocalDate x = START.plusDays(day);
        double expected = day < 0 ? 0 : oracleAvailable(s, x);
        assertThat(atp.available(x)).as("seed %d day %s", seed, x).isEqualTo(expected);
      }
    }
  }

  /** min over t ≥ x of (supplied up to t − committed up to t). */
  private static double oracleAvailable(Scenario s, LocalDate x) {
    long from = x.toEpochDay();
    long to = Math.max(from, horizon(s));
    double min = Double.POSITIVE_INFINITY;
    for (long t = from; t <= to; t++) {
      min = Math.min(min, net(s, t));
    }
    return min;
  }

  private static LocalDate oracleEarliest(Scenario s, double q, LocalDate requested) {
    long from = Math.max(START.toEpochDay(), requested.toEpochDay());
    long to = Math.max(from, horizon(s));
    for (long x = from; x <= to; x++) {
      if (oracleAvailable(s, LocalDate.ofEpochDay(x)) >= q) {
        return LocalDate.ofEpochDay(x);
      }
    }
    return null;
  }

  private static double net(Scenario s, long t) {
    double v = s.onHand();
    for (AtpSupply su : s.supplies()) {
      if (clamp(su.date()) <= t) {
        v += su.quantity();
      }
    }
    for (AtpDemand d : s.committed()) {
      if (clamp(d.date()) <= t) {
        v -= d.quantity();
      }
    }
    return v;
  }

  private static long clamp(LocalDate d) {
    return Math.max(START.toEpochDay(), d.toEpochDay());
  }

  private static long horizon(Scenario s) {
    long h = START.toEpochDay();
    for (AtpSupply su : s.supplies()) {
      h = Math.max(h, su.date().toEpochDay());
    }
    for (AtpDemand d : s.committed()) {
      h = Math.max(h, d.date().toEpochDay());
    }
    return h;
  }

  private static Scenario scenario(Random rnd) {
    double onHand = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(101);
    List<AtpSupply> supplies = new ArrayList<>();
    int ns = rnd.nextInt(7);
    for (int i = 0; i < ns; i++) {
      int offset = rnd.nextInt(3) == 0 ? rnd.nextInt(66) - 5 : 7 * rnd.nextInt(9);
      supplies.add(new AtpSupply(START.plusDays(offset), rnd.nextInt(151)));
    }
    List<AtpDemand> committed = new ArrayList<>();
    int nc = rnd.nextInt(11);
    for (int i = 0; i < nc; i++) {
      committed.add(new AtpDemand(START.plusDays(rnd.nextInt(76) - 5), 1 + rnd.nextInt(60)));
    }
    return new Scenario(onHand, supplies, committed);
  }
}
