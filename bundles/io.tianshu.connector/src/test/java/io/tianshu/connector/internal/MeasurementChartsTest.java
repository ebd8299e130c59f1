package io.tianshu.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tianshu.connector.MeasurementChart;
import io.tianshu.connector.MeasurementQuery;
import io.tianshu.core.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementChartsTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  private static List<Instant> times(int n) {
    List<Instant> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(T0.plusSeconds(i));
    }
    return l;
  }

  private static MeasurementQuery q(Integer n, Double lsl, Double usl) {
    return MeasurementCharts.normalise(new MeasurementQuery(null, n, null, lsl, usl));
  }

  @Test
  void individualsAndMovingRangeByHand() {
    // 10, 12, 11, 15, 13: mean 12.2; moving ranges 2, 1, 4, 2 -> MR-bar 2.25;
    // limits 12.2 +- 3 * 2.25 / 1.128379 = 6.21797 .. 18.18203; MR UCL 3.267 * 2.25
    MeasurementChart c =
        MeasurementCharts.chart(
            "press1", "diameter", times(5), new double[] {10, 12, 11, 15, 13}, q(null, null, null));
    assertThat(c.chartType()).isEqualTo("I_MR");
    assertThat(c.values()).isEqualTo(5);
    assertThat(c.centerLine()).isCloseTo(12.2, within(1e-12));
    assertThat(c.ucl()).isCloseTo(18.18203, within(1e-5));
    assertThat(c.lcl()).isCloseTo(6.21797, within(1e-5));
    assertThat(c.spreadCenter()).isEqualTo(2.25);
    assertThat(c.spreadUcl()).isCloseTo(7.351, within(3e-3));
    assertThat(c.points())
        .extracting(MeasurementChart.Point::spread)
        .containsExactly(null, 2.0, 1.0, 4.0, 2.0);
    assertThat(c.points().get(4).at()).isEqualTo(T0.plusSeconds(4));
    assertThat(c.outOfControl()).isZero();
    assertThat(c.capability()).isNull();
  }

  @Test
  void aPointBeyondThreeSigmaIsFlagged() {
    double[] v = new double[21];
    for (int i = 0; i < 20; i++) {
      v[i] = i % 2 == 0 ? 10.0 : 10.2; // MR-bar 0.2, sigma 0.177
    }
    v[20] = 13.0;
    MeasurementChart c = MeasurementCharts.chart("m", "s", times(21), v, q(null, null, null));
    // the outlier lifts the mean to (100 + 102 + 13) / 21 = 10.238: every earlier value lies below
    // it, so from the 8th point on Western Electric 4 (8 in a row on one side) holds as well
    assertThat(c.centerLine()).isCloseTo(10.2381, within(1e-4));
    assertThat(c.points().get(20).rules()).containsExactly("WE1");
    for (int i = 0; i < 7; i++) {
      assertThat(c.points().get(i).rules()).isEmpty();
    }
    for (int i = 7; i < 20; i++) {
      assertThat(c.points().get(i).rules()).containsExactly("WE4");
    }
    assertThat(c.outOfControl()).isEqualTo(14);
  }

  @Test
  void xbarRFromConsecutiveValuesDropsTheOldestIncompleteGroup() {
    // 7 values, subgroups of 3: the oldest value (99) is left out; groups {1,2,3} {2,3,4}
    // X-bar 2 and 3 -> X-double-bar 2.5; ranges 2, 2 -> R-bar 2; A2(3) = 1.023 -> 2.5 +- 2.046
    double[] v = {99, 1, 2, 3, 2, 3, 4};
    MeasurementChart c = MeasurementCharts.chart("m", "s", times(7), v, q(3, null, null));
    assertThat(c.chartType()).isEqualTo("XBAR_R");
    assertThat(c.values()).isEqualTo(6);
    assertThat(c.points()).extracting(MeasurementChart.Point::value).containsExactly(2.0, 3.0);
    assertThat(c.points().get(0).at()).isEqualTo(T0.plusSeconds(3));
    assertThat(c.points().get(1).at()).isEqualTo(T0.plusSeconds(6));
    assertThat(c.centerLine()).isCloseTo(2.5, within(1e-12));
    assertThat(c.spreadCenter()).isCloseTo(2.0, within(1e-12));
    assertThat(c.ucl()).isCloseTo(2.5 + 1.023 * 2, within(2e-3));
  }

  @Test
  void capabilityAgainstTwoSidedLimits() {
    // I-MR of 10, 12, 11, 15, 13: sigma within 2.25 / 1.128379 = 1.99401; mean 12.2
    // Cp = (20 - 4) / (6 * 1.99401) = 1.33734; Cpk = min(20 - 12.2, 12.2 - 4) / (3 * 1.99401) =
    // 1.30391
    MeasurementChart c =
        MeasurementCharts.chart(
            "m", "s", times(5), new double[] {10, 12, 11, 15, 13}, q(null, 4.0, 20.0));
    assertThat(c.capability().cp()).isCloseTo(1.33734, within(1e-4));
    assertThat(c.capability().cpk()).isCloseTo(1.30391, within(1e-4));
    // sample standard deviation of the values: sqrt(14.8 / 4) = 1.92354
    assertThat(c.capability().sigmaOverall()).isCloseTo(1.92354, within(1e-5));
  }

  @Test
  void badQueriesListTheirFields() {
    assertThatThrownBy(
            () -> MeasurementCharts.normalise(new MeasurementQuery(1, 11, "ISO", 5.0, 4.0)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(io.tianshu.core.FieldError::field)
                    .containsExactly("last", "subgroupSize", "ruleSet", "usl"));
  }

  @Test
  void tooFewOrConstantValuesCannotBeCharted() {
    assertThatThrownBy(
            () ->
                MeasurementCharts.chart("m", "s", times(1), new double[] {1}, q(null, null, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("a chart needs 2");
    assertThatThrownBy(
            () ->
                MeasurementCharts.chart(
                    "m", "s", times(3), new double[] {5, 5, 5}, q(null, null, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("all values are equal");
  }
}
