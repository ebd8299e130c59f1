package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked discrete ATP tables. Week n starts on Monday {@code W(n)}, week 1 = 2026-03-02. */
class AvailableToPromiseTest {

  static LocalDate w(int week) {
    return LocalDate.of(2026, 3, 2).plusWeeks(week - 1);
  }

  static AtpSupply mps(int week, double q) {
    return new AtpSupply(w(week), q);
  }

  static AtpDemand order(int week, double q) {
    return new AtpDemand(w(week), q);
  }

  static AtpBucket bucket(int week, double supply, double committed, double atp, double cum) {
    return new AtpBucket(w(week), supply, committed, atp, cum);
  }

  /**
   * The industrial-pump master schedule of Stevenson, <i>Operations Management</i> (McGraw-Hill),
   * chapter on aggregate planning and master scheduling: 64 pumps on hand, lot size 70, MPS rule
   * "produce when projected on-hand would go negative".
   *
   * <pre>
   *   week                 1    2    3    4    5    6    7    8
   *   forecast            30   30   30   30   40   40   40   40
   *   customer orders     33   20   10    4    2
   *   projected on hand   31    1   41   11   41    1   31   61
   *   MPS                           70        70        70   70
   *   ATP                 11        56        68        70   70
   *
   *   ATP week 1 = 64 − (33 + 20) = 11
   *   ATP week 3 = 70 − (10 + 4)  = 56
   *   ATP week 5 = 70 − 2         = 68
   *   ATP week 7 = 70, week 8 = 70
   *   cumulative ATP             11, 67, 135, 205, 275
   * </pre>
   */
  static final AvailableToPromise STEVENSON =
      AvailableToPromise.of(
          w(1),
          64,
          List.of(mps(3, 70), mps(5, 70), mps(7, 70), mps(8, 70)),
          List.of(order(1, 33), order(2, 20), order(3, 10), order(4, 4), order(5, 2)));

  @Test
  void textbookTable() {
    assertThat(STEVENSON.discrete())
        .containsExactly(
            bucket(1, 64, 53, 11, 11),
            bucket(3, 70, 14, 56, 67),
            bucket(5, 70, 2, 68, 135),
            bucket(7, 70, 0, 70, 205),
            bucket(8, 70, 0, 70, 275));
  }

  /**
   * Look-ahead: on hand 50, MPS 100 in weeks 1, 3, 5 (hand-worked, APICS method).
   *
   * <pre>
   *   week               1    2    3    4    5    6
   *   customer orders   30   30   80   40   20   10
   *   MPS              100       100       100
   *   ATP before look-ahead:  150 − 60 = 90,  100 − 120 = −20,  100 − 30 = 70
   *   ATP with look-ahead:     90 − 20 = 70,  0,                70
   *   cumulative ATP           70,            70,               140
   * </pre>
   *
   * Week 1 may not promise 90: 20 of it are needed by the orders of weeks 3 and 4.
   */
  @Test
  void lookAheadCarriesLaterShortageBack() {
    AvailableToPromise atp =
        AvailableToPromise.of(
            w(1),
            50,
            List.of(mps(1, 100), mps(3, 100), mps(5, 100)),
            List.of(
                order(1, 30),
                order(2, 30),
                order(3, 80),
                order(4, 40),
                order(5, 20),
                order(6, 10)));

    assertThat(atp.discrete())
        .containsExactly(
            bucket(1, 150, 60, 70, 70), bucket(3, 100, 120, 0, 70), bucket(5, 100, 30, 70, 140));
    assertThat(atp.earliest(70, w(1))).isEqualTo(w(1));
    assertThat(atp.earliest(71, w(1))).isEqualTo(w(5));
    assertThat(atp.earliest(71, w(3))).isEqualTo(w(5));
  }

  /**
   * Shortage carried back over two buckets.
   *
   * <pre>
   *   bucket     W1    W2    W3
   *   supply    100    50    50
   *   committed  20    80    90
   *   raw        80   −30   −40
   *   W3 → W2:   80   −70     0
   *   W2 → W1:   10     0     0   cumulative 10, 10, 10
   * </pre>
   */
  @Test
  void lookAheadChainsThroughSeveralBuckets() {
    AvailableToPromise atp =
        AvailableToPromise.of(
            w(1),
            0,
            List.of(mps(1, 100), mps(2, 50), mps(3, 50)),
            List.of(order(1, 20), order(2, 80), order(3, 90)));

    assertThat(atp.discrete())
        .containsExactly(
            bucket(1, 100, 20, 10, 10), bucket(2, 50, 80, 0, 10), bucket(3, 50, 90, 0, 10));
  }

  /**
   * Total short: on hand 20, MPS 50 in week 2, orders 40 (W1) and 60 (W2). Raw −20, −10; the first
   * bucket shows the whole shortage of 30 and nothing can be promised.
   */
  @Test
  void totalShortageShowsInFirstBucket() {
    AvailableToPromise atp =
        AvailableToPromise.of(w(1), 20, List.of(mps(2, 50)), List.of(order(1, 40), order(2, 60)));

    assertThat(atp.discrete())
        .containsExactly(bucket(1, 20, 40, -30, -30), bucket(2, 50, 60, 0, -30));
    assertThat(atp.earliest(1, w(1))).isNull();
    assertThat(atp.available(w(3))).isEqualTo(-30);
  }

  /**
   * A backlog in week 1 covered by week 2's MPS: ATP −50, then 100; cumulative −50, 50. Week 2 can
   * still promise 50.
   */
  @Test
  void backlogCoveredByLaterSupply() {
    AvailableToPromise atp =
        AvailableToPromise.of(w(1), 0, List.of(mps(2, 100)), List.of(order(1, 50)));

    assertThat(atp.discrete())
        .containsExactly(bucket(1, 0, 50, -50, -50), bucket(2, 100, 0, 100, 50));
    assertThat(atp.earliest(50, w(1))).isEqualTo(w(2));
    assertThat(atp.earliest(51, w(1))).isNull();
  }

  @Test
  void earliestOnTheTextbookTable() {
    assertThat(STEVENSON.earliest(11, w(1))).isEqualTo(w(1));
    assertThat(STEVENSON.earliest(11.5, w(1))).isEqualTo(w(3));
    // requested mid-bucket: the date itself when its bucket suffices
    assertThat(STEVENSON.earliest(10, w(2).plusDays(2))).isEqualTo(w(2).plusDays(2));
    assertThat(STEVENSON.earliest(60, w(2))).isEqualTo(w(3));
    assertThat(STEVENSON.earliest(67, w(4))).isEqualTo(w(4));
    assertThat(STEVENSON.earliest(100, w(1))).isEqualTo(w(5));
    assertThat(STEVENSON.earliest(136, w(1))).isEqualTo(w(7));
    assertThat(STEVENSON.earliest(275, w(1))).isEqualTo(w(8));
    assertThat(STEVENSON.earliest(275, w(10))).isEqualTo(w(10));
    // before the plan start: no earlier than the start
    assertThat(STEVENSON.earliest(5, w(1).minusDays(10))).isEqualTo(w(1));
    assertThat(STEVENSON.earliest(0, w(2))).isEqualTo(w(2));
  }

  @Test
  void promiseThatDoesNotFit() {
    assertThat(STEVENSON.earliest(276, w(1))).isNull();
    assertThat(STEVENSON.earliest(1000, w(9))).isNull();
  }

  @Test
  void availableIsCumulativeAtpOfTheBucket() {
    assertThat(STEVENSON.available(w(1))).isEqualTo(11);
    assertThat(STEVENSON.available(w(2).plusDays(4))).isEqualTo(11);
    assertThat(STEVENSON.available(w(3))).isEqualTo(67);
    assertThat(STEVENSON.available(w(4))).isEqualTo(67);
    assertThat(STEVENSON.available(w(6))).isEqualTo(135);
    assertThat(STEVENSON.available(w(7))).isEqualTo(205);
    assertThat(STEVENSON.available(w(8))).isEqualTo(275);
    assertThat(STEVENSON.available(w(30))).isEqualTo(275);
    assertThat(STEVENSON.available(w(1).minusDays(1))).isZero();
  }

  /**
   * Promising 100 in week 5 and booking it takes 32 from week 3's ATP (look-ahead) and leaves every
   * cumulative ATP non-negative.
   *
   * <pre>
   *   raw        11   56   70 − 102 = −32   70   70
   *   look-ahead 11   24   0                70   70
   *   cumulative 11   35   35              105  175
   * </pre>
   */
  @Test
  void bookingAPromiseConsumesAtp() {
    LocalDate promised = STEVENSON.earliest(100, w(4));
    assertThat(promised).isEqualTo(w(5));
    List<AtpDemand> committed =
        new ArrayList<>(
            List.of(order(1, 33), order(2, 20), order(3, 10), order(4, 4), order(5, 2)));
    committed.add(new AtpDemand(promised, 100));

    AvailableToPromise after =
        AvailableToPromise.of(
            w(1), 64, List.of(mps(3, 70), mps(5, 70), mps(7, 70), mps(8, 70)), committed);

    assertThat(after.discrete())
        .containsExactly(
            bucket(1, 64, 53, 11, 11),
            bucket(3, 70, 14, 24, 35),
            bucket(5, 70, 102, 0, 35),
            bucket(7, 70, 0, 70, 105),
            bucket(8, 70, 0, 70, 175));
  }

  /**
   * Supplies dated before the start and past-due orders count in the first bucket; supplies on the
   * start date join the on-hand; zero supplies open no bucket.
   */
  @Test
  void pastDueAndStartDateEntriesJoinTheFirstBucket() {
    AvailableToPromise atp =
        AvailableToPromise.of(
            w(2),
            10,
            List.of(mps(1, 5), mps(2, 20), mps(3, 0), mps(4, 40)),
            List.of(order(1, 8), order(3, 7), order(5, 30)));

    assertThat(atp.discrete())
        .containsExactly(new AtpBucket(w(2), 35, 15, 20, 20), new AtpBucket(w(4), 40, 30, 10, 30));
  }

  @Test
  void noSuppliesAtAll() {
    AvailableToPromise atp = AvailableToPromise.of(w(1), 25, List.of(), List.of(order(3, 5)));

    assertThat(atp.discrete()).containsExactly(bucket(1, 25, 5, 20, 20));
    assertThat(atp.earliest(20, w(1))).isEqualTo(w(1));
    assertThat(atp.earliest(21, w(1))).isNull();
  }

  @Test
  void rejectsInvalidInput() {
    assertThatThrownBy(() -> AvailableToPromise.of(w(1), -1, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AtpSupply(w(1), -5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AtpDemand(w(1), Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> STEVENSON.earliest(-1, w(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> STEVENSON.discrete().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
