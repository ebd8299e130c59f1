package io.tianshu.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.planning.engine.ForecastConsumption.Consumption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked forecast consumption tables.
 *
 * <p>Base data (material 100): weekly forecasts of 100 on four Mondays.
 *
 * <pre>
 *   forecast id   1           2           3           4
 *   date          Mon 03-02   Mon 03-09   Mon 03-16   Mon 03-23   (2026)
 *   quantity      100         100         100         100
 * </pre>
 *
 * and three order lines, all priority 1:
 *
 * <pre>
 *   order id   11          12          13
 *   date       Fri 03-06   Thu 03-12   Fri 03-13
 *   quantity   30          90          50
 * </pre>
 */
class ForecastConsumerTest {

  static final long MAT = 100;

  static final List<ForecastLine> WEEKLY =
      List.of(
          fc(1, "2026-03-02", 100),
          fc(2, "2026-03-09", 100),
          fc(3, "2026-03-16", 100),
          fc(4, "2026-03-23", 100));

  static final List<SalesOrderLine> ORDERS =
      List.of(
          so(11, "2026-03-06", 30, 1), so(12, "2026-03-12", 90, 1), so(13, "2026-03-13", 50, 1));

  /**
   * Backward 7, forward 0.
   *
   * <pre>
   *   order 11 (03-06) window [02-27, 03-06]: F1 100 → takes 30, F1 = 70
   *   order 12 (03-12) window [03-05, 03-12]: F2 100 → takes 90, F2 = 10
   *   order 13 (03-13) window [03-06, 03-13]: F2  10 → takes 10, F2 = 0; 40 unconsumed
   *   remaining: F1 70, F3 100, F4 100
   * </pre>
   */
  @Test
  void backwardSevenForwardZero() {
    ForecastConsumption r = ForecastConsumer.consume(WEEKLY, ORDERS, 7, 0);

    assertThat(r.consumptions()).containsExactly(c(11, 1, 30), c(12, 2, 90), c(13, 2, 10));
    assertThat(r.unconsumed()).containsExactly(so(13, "2026-03-13", 40, 1));
    assertThat(r.remaining())
        .containsExactly(
            fc(1, "2026-03-02", 70), fc(3, "2026-03-16", 100), fc(4, "2026-03-23", 100));
  }

  /**
   * Backward 0, forward 7.
   *
   * <pre>
   *   order 11 (03-06) backward [03-06]: none; forward (03-06, 03-13]: F2 → takes 30, F2 = 70
   *   order 12 (03-12) backward [03-12]: none; forward (03-12, 03-19]: F3 → takes 90, F3 = 10
   *   order 13 (03-13) backward [03-13]: none; forward (03-13, 03-20]: F3 10 → takes 10; 40 left
   *   remaining: F1 100, F2 70, F4 100
   * </pre>
   */
  @Test
  void backwardZeroForwardSeven() {
    ForecastConsumption r = ForecastConsumer.consume(WEEKLY, ORDERS, 0, 7);

    assertThat(r.consumptions()).containsExactly(c(11, 2, 30), c(12, 3, 90), c(13, 3, 10));
    assertThat(r.unconsumed()).containsExactly(so(13, "2026-03-13", 40, 1));
    assertThat(r.remaining())
        .containsExactly(
            fc(1, "2026-03-02", 100), fc(2, "2026-03-09", 70), fc(4, "2026-03-23", 100));
  }

  /**
   * Backward 3, forward 3.
   *
   * <pre>
   *   order 11 (Fri 03-06) backward [03-03, 03-06]: none (F1 03-02 is 4 days back)
   *                        forward  (03-06, 03-09]: F2 → takes 30, F2 = 70
   *   order 12 (Thu 03-12) backward [03-09, 03-12]: F2 70 → takes 70, F2 = 0
   *                        forward  (03-12, 03-15]: none; 20 unconsumed
   *   order 13 (Fri 03-13) backward [03-10, 03-13]: none
   *                        forward  (03-13, 03-16]: F3 → takes 50, F3 = 50
   *   remaining: F1 100, F3 50, F4 100
   * </pre>
   */
  @Test
  void backwardThreeForwardThree() {
    ForecastConsumption r = ForecastConsumer.consume(WEEKLY, ORDERS, 3, 3);

    assertThat(r.consumptions()).containsExactly(c(11, 2, 30), c(12, 2, 70), c(13, 3, 50));
    assertThat(r.unconsumed()).containsExactly(so(12, "2026-03-12", 20, 1));
    assertThat(r.remaining())
        .containsExactly(
            fc(1, "2026-03-02", 100), fc(3, "2026-03-16", 50), fc(4, "2026-03-23", 100));
  }

  /** Backward 14: order of 150 on Thu 03-12 takes the nearest week first (F2), then F1. */
  @Test
  void backwardTakesNearestFirst() {
    ForecastConsumption r =
        ForecastConsumer.consume(WEEKLY, List.of(so(21, "2026-03-12", 150, 1)), 14, 0);

    assertThat(r.consumptions()).containsExactly(c(21, 2, 100), c(21, 1, 50));
    assertThat(r.unconsumed()).isEmpty();
    assertThat(r.remaining())
        .containsExactly(
            fc(1, "2026-03-02", 50), fc(3, "2026-03-16", 100), fc(4, "2026-03-23", 100));
  }

  /**
   * Backward before forward even when the forward forecast is nearer: order 150 on Sun 03-15 with
   * (7, 7) takes F2 (6 days back) before F3 (1 day ahead); forward then nearest first, so F4 is not
   * touched.
   */
  @Test
  void backwardBeforeForward() {
    ForecastConsumption r =
        ForecastConsumer.consume(WEEKLY, List.of(so(21, "2026-03-15", 150, 1)), 7, 14);

    assertThat(r.consumptions()).containsExactly(c(21, 2, 100), c(21, 3, 50));
    assertThat(r.remaining())
        .containsExactly(
            fc(1, "2026-03-02", 100), fc(3, "2026-03-16", 50), fc(4, "2026-03-23", 100));
  }

  /** Window ends: backward includes the order date and its first day, forward excludes the date. */
  @Test
  void windowEdges() {
    // same day with no window at all
    assertThat(consumedFrom("2026-03-09", 0, 0)).containsExactly(c(1, 2, 30));
    // order on Sun 03-15: backward 6 reaches Mon 03-09 exactly, backward 5 does not
    assertThat(consumedFrom("2026-03-15", 6, 0)).containsExactly(c(1, 2, 30));
    assertThat(consumedFrom("2026-03-15", 5, 0)).isEmpty();
    // order on Sun 03-08: forward 1 reaches Mon 03-09, forward 0 does not
    assertThat(consumedFrom("2026-03-08", 0, 1)).containsExactly(c(1, 2, 30));
    assertThat(consumedFrom("2026-03-08", 0, 0)).isEmpty();
    // order on a forecast date consumes that date's forecast backward, not the next one forward
    assertThat(consumedFrom("2026-03-09", 0, 7)).containsExactly(c(1, 2, 30));
  }

  /** Order of 500 on 03-12 with (7, 7) reaches only F2 and F3: 300 stays unconsumed. */
  @Test
  void orderLargerThanReachableForecast() {
    ForecastConsumption r =
        ForecastConsumer.consume(WEEKLY, List.of(so(31, "2026-03-12", 500, 3)), 7, 7);

    assertThat(r.consumptions()).containsExactly(c(31, 2, 100), c(31, 3, 100));
    assertThat(r.unconsumed()).containsExactly(so(31, "2026-03-12", 300, 3));
    assertThat(r.remaining()).containsExactly(fc(1, "2026-03-02", 100), fc(4, "2026-03-23", 100));
  }

  /** Orders of one material never touch the forecast of another. */
  @Test
  void materialsAreIndependent() {
    List<ForecastLine> forecasts =
        List.of(
            new ForecastLine(1, 100, d("2026-03-09"), 100),
            new ForecastLine(2, 200, d("2026-03-09"), 100));
    List<SalesOrderLine> orders =
        List.of(
            new SalesOrderLine(41, 200, d("2026-03-10"), 180, 1),
            new SalesOrderLine(42, 100, d("2026-03-11"), 30, 1),
            new SalesOrderLine(43, 300, d("2026-03-10"), 10, 1));

    ForecastConsumption r = ForecastConsumer.consume(forecasts, orders, 7, 7);

    // processed by material: 100, then 200, then 300
    assertThat(r.consumptions()).containsExactly(c(42, 1, 30), c(41, 2, 100));
    assertThat(r.unconsumed())
        .containsExactly(
            new SalesOrderLine(41, 200, d("2026-03-10"), 80, 1),
            new SalesOrderLine(43, 300, d("2026-03-10"), 10, 1));
    assertThat(r.remaining()).containsExactly(new ForecastLine(1, 100, d("2026-03-09"), 70));
  }

  /**
   * Same day: priority 1 consumes before priority 5 regardless of id; equal priority goes by id; an
   * earlier date goes first whatever its priority.
   *
   * <pre>
   *   forecast F2 100 on 03-09, window (7, 0)
   *   order 23 prio 9 qty 50 on 03-09 → first (earlier date): takes 50, F2 = 50
   *   order 22 prio 1 qty 30 on 03-10 → takes 30, F2 = 20
   *   order 24 prio 1 qty 10 on 03-10 → takes 10, F2 = 10   (same priority, higher id)
   *   order 21 prio 5 qty 80 on 03-10 → takes 10, 70 unconsumed
   * </pre>
   */
  @Test
  void priorityOrdersLinesOfTheSameDay() {
    List<SalesOrderLine> orders =
        List.of(
            so(21, "2026-03-10", 80, 5),
            so(24, "2026-03-10", 10, 1),
            so(22, "2026-03-10", 30, 1),
            so(23, "2026-03-09", 50, 9));

    ForecastConsumption r =
        ForecastConsumer.consume(List.of(fc(2, "2026-03-09", 100)), orders, 7, 0);

    assertThat(r.consumptions())
        .containsExactly(c(23, 2, 50), c(22, 2, 30), c(24, 2, 10), c(21, 2, 10));
    assertThat(r.unconsumed()).containsExactly(so(21, "2026-03-10", 70, 5));
    assertThat(r.remaining()).isEmpty();
  }

  /** Forecast lines sharing a date are consumed in ascending id, backward and forward alike. */
  @Test
  void sameDateForecastsInIdOrder() {
    List<ForecastLine> forecasts =
        List.of(
            fc(7, "2026-03-09", 50),
            fc(5, "2026-03-09", 50),
            fc(9, "2026-03-16", 50),
            fc(8, "2026-03-16", 50));

    ForecastConsumption backward =
        ForecastConsumer.consume(forecasts, List.of(so(1, "2026-03-10", 60, 1)), 7, 0);
    ForecastConsumption forward =
        ForecastConsumer.consume(forecasts, List.of(so(1, "2026-03-15", 60, 1)), 0, 7);

    assertThat(backward.consumptions()).containsExactly(c(1, 5, 50), c(1, 7, 10));
    assertThat(forward.consumptions()).containsExactly(c(1, 8, 50), c(1, 9, 10));
  }

  /** Zero quantities: nothing consumed, nothing reported; zero forecast is dropped. */
  @Test
  void zeroQuantities() {
    ForecastConsumption r =
        ForecastConsumer.consume(
            List.of(fc(1, "2026-03-09", 0), fc(2, "2026-03-16", 10)),
            List.of(so(1, "2026-03-10", 0, 1)),
            7,
            7);

    assertThat(r.consumptions()).isEmpty();
    assertThat(r.unconsumed()).isEmpty();
    assertThat(r.remaining()).containsExactly(fc(2, "2026-03-16", 10));
  }

  /** Decimal quantities leave no dust: 0.3 consumed by 0.1 and 0.2 is gone. */
  @Test
  void decimalQuantitiesLeaveNoDust() {
    ForecastConsumption r =
        ForecastConsumer.consume(
            List.of(fc(1, "2026-03-09", 0.3)),
            List.of(so(1, "2026-03-09", 0.1, 1), so(2, "2026-03-10", 0.2, 1)),
            7,
            0);

    assertThat(r.remaining()).isEmpty();
    assertThat(r.unconsumed()).isEmpty();
    assertThat(r.consumptions()).hasSize(2);
  }

  @Test
  void noForecastAtAll() {
    ForecastConsumption r = ForecastConsumer.consume(List.of(), ORDERS, 7, 7);

    assertThat(r.consumptions()).isEmpty();
    assertThat(r.remaining()).isEmpty();
    assertThat(r.unconsumed()).containsExactlyElementsOf(ORDERS);
  }

  @Test
  void rejectsInvalidInput() {
    assertThatThrownBy(() -> ForecastConsumer.consume(WEEKLY, ORDERS, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ForecastConsumer.consume(WEEKLY, ORDERS, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fc(1, "2026-03-09", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> so(1, "2026-03-09", Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ForecastLine(1, 1, null, 1))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void resultListsAreImmutable() {
    ForecastConsumption r = ForecastConsumer.consume(WEEKLY, ORDERS, 7, 0);

    assertThatThrownBy(() -> r.remaining().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.consumptions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static List<Consumption> consumedFrom(String orderDate, int back, int fwd) {
    return ForecastConsumer.consume(WEEKLY, List.of(so(1, orderDate, 30, 1)), back, fwd)
        .consumptions();
  }

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static ForecastLine fc(long id, String date, double quantity) {
    return new ForecastLine(id, MAT, d(date), quantity);
  }

  static SalesOrderLine so(long id, String date, double quantity, int priority) {
    return new SalesOrderLine(id, MAT, d(date), quantity, priority);
  }

  static Consumption c(long order, long forecast, double quantity) {
    return new Consumption(order, forecast, quantity);
  }
}
