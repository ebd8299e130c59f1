package io.tianshu.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tianshu.quality.DefectPareto;
import io.tianshu.quality.SpcChart;
import io.tianshu.quality.SpcPoint;
import io.tianshu.quality.spc.SpecLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Charts assembled from lots, checked on Montgomery's piston-ring inside diameters (Introduction to
 * Statistical Quality Control, table 6.3 and 6.4: 25 Phase I subgroups of 5, then 15 Phase II).
 * Worked by hand: sum of the 25 means 1850.0294 → X-double-bar 74.001176; sum of the ranges 0.569 →
 * R-bar 0.02276; A2 = 3 / (d2 sqrt 5) = 3 / (2.325929 × 2.236068) = 0.576819 → UCL 74.014304, LCL
 * 73.988048 (the book's 74.014 and 73.988); R chart UCL = R-bar (1 + 3 d3 / d2) = 0.02276 × 2.114 =
 * 0.0481.
 */
class SpcChartsTest {

  static final double[][] PISTON_RINGS = {
    {74.030, 74.002, 74.019, 73.992, 74.008},
    {73.995, 73.992, 74.001, 74.011, 74.004},
    {73.988, 74.024, 74.021, 74.005, 74.002},
    {74.002, 73.996, 73.993, 74.015, 74.009},
    {73.992, 74.007, 74.015, 73.989, 74.014},
    {74.009, 73.994, 73.997, 73.985, 73.993},
    {73.995, 74.006, 73.994, 74.000, 74.005},
    {73.985, 74.003, 73.993, 74.015, 73.988},
    {74.008, 73.995, 74.009, 74.005, 74.004},
    {73.998, 74.000, 73.990, 74.007, 73.995},
    {73.994, 73.998, 73.994, 73.995, 73.990},
    {74.004, 74.000, 74.007, 74.000, 73.996},
    {73.983, 74.002, 73.998, 73.997, 74.012},
    {74.006, 73.967, 73.994, 74.000, 73.984},
    {74.012, 74.014, 73.998, 73.999, 74.007},
    {74.000, 73.984, 74.005, 73.998, 73.996},
    {73.994, 74.012, 73.986, 74.005, 74.007},
    {74.006, 74.010, 74.018, 74.003, 74.000},
    {73.984, 74.002, 74.003, 74.005, 73.997},
    {74.000, 74.010, 74.013, 74.020, 74.003},
    {73.988, 74.001, 74.009, 74.005, 73.996},
    {74.004, 73.999, 73.990, 74.006, 74.009},
    {74.010, 73.989, 73.990, 74.009, 74.014},
    {74.015, 74.008, 73.993, 74.000, 74.010},
    {73.982, 73.984, 73.995, 74.017, 74.013},
    {74.012, 74.015, 74.030, 73.986, 74.000},
    {73.995, 74.010, 73.990, 74.015, 74.001},
    {73.987, 73.999, 73.985, 74.000, 73.990},
    {74.008, 74.010, 74.003, 73.991, 74.006},
    {74.003, 74.000, 74.001, 73.986, 73.997},
    {73.994, 74.003, 74.015, 74.020, 74.004},
    {74.008, 74.002, 74.018, 73.995, 74.005},
    {74.001, 74.004, 73.990, 73.996, 73.998},
    {74.015, 74.000, 74.016, 74.025, 74.000},
    {74.030, 74.005, 74.000, 74.016, 74.012},
    {74.001, 73.990, 73.995, 74.010, 74.024},
    {74.015, 74.020, 74.024, 74.005, 74.019},
    {74.035, 74.010, 74.012, 74.015, 74.026},
    {74.017, 74.013, 74.036, 74.025, 74.026},
    {74.010, 74.005, 74.029, 74.000, 74.020}
  };

  private static final SpcCharts.Subject DIAMETER = new SpcCharts.Subject(1, 2, "ID", "VARIABLE");
  private static final SpcCharts.Subject VISUAL = new SpcCharts.Subject(1, 2, "VIS", "ATTRIBUTE");
  private static final SpecLimits SPEC = SpecLimits.twoSided(73.95, 74.05);

  private static List<SpcCharts.Sample> lots(double[][] groups, int from, int to) {
    List<SpcCharts.Sample> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(variable(i + 1, groups[i]));
    }
    return out;
  }

  private static SpcCharts.Sample variable(long lot, double... values) {
    return new SpcCharts.Sample(
        lot, "L" + lot, "S1", Instant.ofEpochSecond(lot * 60), 80, values, 0);
  }

  private static SpcCharts.Sample attribute(long lot, int sampleSize, int defects) {
    return new SpcCharts.Sample(
        lot, "L" + lot, "S1", Instant.ofEpochSecond(lot * 60), sampleSize, new double[0], defects);
  }

  private static Map<Long, List<String>> flagged(List<SpcPoint> points) {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    for (SpcPoint p : points) {
      if (!p.violations().isEmpty()) {
        out.put(p.lotId(), p.violations());
      }
    }
    return out;
  }

  @Test
  void pistonRingsPhaseOne() {
    SpcChart chart =
        SpcCharts.build(
            DIAMETER,
            SpcCharts.Type.AUTO,
            SpcCharts.RuleSet.WESTERN_ELECTRIC,
            null,
            SPEC,
            lots(PISTON_RINGS, 0, 25));
    assertThat(chart.chartType()).isEqualTo("XBAR_R"); // subgroups of 5 ≤ 10
    assertThat(chart.subgroupSize()).isEqualTo(5);
    assertThat(chart.frozen()).isFalse();
    assertThat(chart.points()).hasSize(25);
    assertThat(chart.centerLine()).isCloseTo(74.001176, within(1e-6));
    assertThat(chart.dispersionType()).isEqualTo("RANGE");
    assertThat(chart.dispersionCenter()).isCloseTo(0.02276, within(1e-9));
    SpcPoint first = chart.points().get(0);
    assertThat(first.value()).isCloseTo(74.0102, within(1e-9)); // (74.030 + … + 74.008) / 5
    assertThat(first.ucl()).isCloseTo(74.014304, within(1e-6));
    assertThat(first.lcl()).isCloseTo(73.988048, within(1e-6));
    assertThat(first.lotId()).isEqualTo(1);
    assertThat(first.lot()).isEqualTo("L1");
    assertThat(first.subgroupSize()).isEqualTo(5);
    assertThat(chart.dispersion()).hasSize(25);
    assertThat(chart.dispersion().get(0).value()).isCloseTo(0.038, within(1e-9));
    assertThat(chart.dispersion().get(0).ucl()).isCloseTo(0.0481, within(1e-4));
    assertThat(chart.dispersion().get(0).lcl()).isZero();
    // Montgomery: the process is in control in Phase I; by hand the largest |z| is subgroup
    // 14 at -2.51 sigma (alone beyond 2), no run of 8 on one side
    assertThat(flagged(chart.points())).isEmpty();
    assertThat(flagged(chart.dispersion())).isEmpty();
    // sigma within = R-bar / d2 = 0.009785; overall s of the 125 values = 0.010070
    assertThat(chart.capability().sigmaWithin()).isCloseTo(0.009785, within(1e-6));
    assertThat(chart.capability().sigmaOverall()).isCloseTo(0.010070, within(1e-6));
    assertThat(chart.capability().cp()).isCloseTo(1.7032, within(1e-4)); // 0.1 / (6 × 0.009785)
    assertThat(chart.capability().cpk()).isCloseTo(1.6632, within(1e-4)); // 0.048824 / 0.029356
    assertThat(chart.capability().pp()).isCloseTo(1.6551, within(1e-4));
    assertThat(chart.capability().ppk()).isCloseTo(1.6162, within(1e-4));
    assertThat(chart.skipped()).isEmpty();
  }

  @Test
  void pistonRingsPhaseTwoOnFrozenLimits() {
    SpcChart phaseOne =
        SpcCharts.build(
            DIAMETER,
            SpcCharts.Type.XBAR_R,
            SpcCharts.RuleSet.WESTERN_ELECTRIC,
            null,
            SPEC,
            lots(PISTON_RINGS, 0, 25));
    SpcCharts.Frozen frozen = SpcCharts.freezeOf(phaseOne);
    assertThat(frozen.center()).isCloseTo(74.001176, within(1e-9));
    assertThat(frozen.spread()).isCloseTo(0.02276, within(1e-9));
    assertThat(frozen.subgroupSize()).isEqualTo(5);
    SpcChart chart =
        SpcCharts.build(
            DIAMETER,
            SpcCharts.Type.XBAR_R,
            SpcCharts.RuleSet.WESTERN_ELECTRIC,
            frozen,
            SPEC,
            lots(PISTON_RINGS, 0, 40));
    assertThat(chart.frozen()).isTrue();
    assertThat(chart.points()).hasSize(40);
    assertThat(chart.points().get(39).ucl()).isCloseTo(74.014304, within(1e-6));
    // by hand, z = (mean - 74.001176) / 0.0043762: 34 +2.29, 35 +2.61, 36 +0.65, 37 +3.52,
    // 38 +4.21, 39 +5.08, 40 +2.66 (31 +1.38, 32 +1.01, 33 -0.77): three beyond UCL (the book's
    // 37, 38, 39), 2 of 3 beyond 2 sigma from 35, 4 of 5 beyond 1 sigma at 35 (31, 32, 34, 35)
    // and 38..40; 36 is within 1 sigma, so 37 has only 34, 35, 37 beyond 1 sigma in 33..37
    Map<Long, List<String>> expected = new LinkedHashMap<>();
    expected.put(35L, List.of("WE2", "WE3"));
    expected.put(37L, List.of("WE1", "WE2"));
    expected.put(38L, List.of("WE1", "WE2", "WE3"));
    expected.put(39L, List.of("WE1", "WE2", "WE3"));
    expected.put(40L, List.of("WE2", "WE3"));
    assertThat(flagged(chart.points())).isEqualTo(expected);
    assertThat(flagged(chart.dispersion())).isEmpty(); // largest range 0.044 < 0.0481
    assertThat(SpcReactions.violations(chart, 38)).containsExactly("WE1", "WE2", "WE3");
    assertThat(SpcReactions.violations(chart, 36)).isEmpty();
  }

  @Test
  void xbarSAboveTenAndSubgroupsOfAnotherSizeSkipped() {
    List<SpcCharts.Sample> lots = new ArrayList<>();
    double[] twelve = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    lots.add(variable(1, twelve));
    lots.add(variable(2, twelve));
    lots.add(variable(3, 1, 2, 3)); // the odd one out
    SpcChart chart =
        SpcCharts.build(DIAMETER, SpcCharts.Type.AUTO, SpcCharts.RuleSet.NELSON, null, null, lots);
    assertThat(chart.chartType()).isEqualTo("XBAR_S");
    assertThat(chart.subgroupSize()).isEqualTo(12);
    assertThat(chart.points()).extracting(SpcPoint::lotId).containsExactly(1L, 2L);
    assertThat(chart.skipped())
        .containsExactly(new SpcChart.Skipped(3, "L3", "values 3 differ from the chart's 12"));
    // s of 1..12 = sqrt(13) = 3.605551
    assertThat(chart.dispersionCenter()).isCloseTo(Math.sqrt(13), within(1e-9));
    assertThat(chart.dispersionType()).isEqualTo("STANDARD_DEVIATION");
    assertThat(chart.capability()).isNull(); // no specification limits
    // the most frequent size, the larger on a tie
    assertThat(SpcCharts.mode(new int[] {3, 5, 3, 5})).isEqualTo(5);
    assertThat(SpcCharts.mode(new int[] {3, 5, 3})).isEqualTo(3);
  }

  @Test
  void individualsFromSingleValuesAndFromEveryValue() {
    // 10, 12, 11, 15, 13: mean 12.2, moving ranges 2, 1, 4, 2 → MR-bar 2.25
    List<SpcCharts.Sample> singles =
        List.of(
            variable(1, 10), variable(2, 12), variable(3, 11), variable(4, 15), variable(5, 13));
    SpcChart chart =
        SpcCharts.build(
            DIAMETER,
            SpcCharts.Type.AUTO,
            SpcCharts.RuleSet.WESTERN_ELECTRIC,
            null,
            SpecLimits.upperOnly(20),
            singles);
    assertThat(chart.chartType()).isEqualTo("I_MR");
    assertThat(chart.subgroupSize()).isNull();
    assertThat(chart.centerLine()).isCloseTo(12.2, within(1e-12));
    assertThat(chart.dispersionCenter()).isEqualTo(2.25);
    assertThat(chart.points().get(0).ucl()).isCloseTo(18.18203, within(1e-5));
    assertThat(chart.dispersion()).extracting(SpcPoint::lotId).containsExactly(2L, 3L, 4L, 5L);
    assertThat(chart.capability().cp()).isNull(); // one-sided
    // cpk = (20 - 12.2) / (3 × 2.25 / 1.128379) = 7.8 / 5.982030 = 1.303905
    assertThat(chart.capability().cpk()).isCloseTo(1.303905, within(1e-6));
    // I_MR on lots of two values charts each value, in order, with its lot
    SpcChart pairs =
        SpcCharts.build(
            DIAMETER,
            SpcCharts.Type.I_MR,
            SpcCharts.RuleSet.WESTERN_ELECTRIC,
            null,
            null,
            List.of(variable(7, 10, 12), variable(8, 11, 15)));
    assertThat(pairs.points()).extracting(SpcPoint::lotId).containsExactly(7L, 7L, 8L, 8L);
    assertThat(pairs.points()).extracting(SpcPoint::value).containsExactly(10.0, 12.0, 11.0, 15.0);
    // frozen: X-bar 12, MR-bar 1.128379 → sigma 1, limits 9 and 15; 15.5 is beyond
    SpcChart frozen =
        SpcCharts.build(
            DIAMETER,
            SpcCharts.Type.I_MR,
            SpcCharts.RuleSet.NELSON,
            new SpcCharts.Frozen(12, 1.128379, null),
            null,
            List.of(variable(1, 12), variable(2, 15.5)));
    assertThat(frozen.points().get(1).ucl()).isCloseTo(15, within(1e-6));
    assertThat(frozen.points().get(1).violations()).containsExactly("NELSON1");
    // MR 3.5 vs UCL D4 MR-bar = 3.267 × 1.128379 = 3.686: inside
    assertThat(frozen.dispersion().get(0).violations()).isEmpty();
  }

  @Test
  void attributesCharts() {
    // p: 2/50, 4/100, 40/1000 → p-bar 0.04, limits per point
    List<SpcCharts.Sample> lots =
        List.of(attribute(1, 50, 2), attribute(2, 100, 4), attribute(3, 1000, 40));
    SpcChart p =
        SpcCharts.build(
            VISUAL, SpcCharts.Type.AUTO, SpcCharts.RuleSet.WESTERN_ELECTRIC, null, null, lots);
    assertThat(p.chartType()).isEqualTo("P");
    assertThat(p.centerLine()).isCloseTo(0.04, within(1e-15));
    assertThat(p.points().stream().mapToDouble(SpcPoint::ucl).toArray())
        .containsExactly(new double[] {0.1231384, 0.0987878, 0.0585903}, within(1e-7));
    assertThat(p.points()).extracting(SpcPoint::subgroupSize).containsExactly(50, 100, 1000);
    assertThat(p.dispersion()).isEmpty();
    assertThat(p.capability()).isNull();
    // np at the most frequent sample size 100: 3, 5, 4, 8 → centre 5; the lot of 50 skipped
    List<SpcCharts.Sample> np =
        List.of(
            attribute(1, 100, 3),
            attribute(2, 100, 5),
            attribute(3, 50, 1),
            attribute(4, 100, 4),
            attribute(5, 100, 8));
    SpcChart npChart =
        SpcCharts.build(
            VISUAL, SpcCharts.Type.NP, SpcCharts.RuleSet.WESTERN_ELECTRIC, null, null, np);
    assertThat(npChart.centerLine()).isCloseTo(5, within(1e-12));
    assertThat(npChart.subgroupSize()).isEqualTo(100);
    assertThat(npChart.points().get(3).ucl()).isCloseTo(11.538348, within(1e-6));
    assertThat(npChart.skipped()).extracting(SpcChart.Skipped::lotId).containsExactly(3L);
    // frozen np keeps p-bar: 0.05 → centre 5 again
    assertThat(SpcCharts.freezeOf(npChart).center()).isCloseTo(0.05, within(1e-12));
    // c: 20, 30, 25 → limits 10 and 40; u: 10/2, 30/5, 20/3 → u-bar 6 (units = sample size)
    SpcChart c =
        SpcCharts.build(
            VISUAL,
            SpcCharts.Type.C,
            SpcCharts.RuleSet.WESTERN_ELECTRIC,
            null,
            null,
            List.of(attribute(1, 80, 20), attribute(2, 80, 30), attribute(3, 80, 25)));
    assertThat(c.points()).extracting(SpcPoint::ucl).containsExactly(40.0, 40.0, 40.0);
    SpcChart u =
        SpcCharts.build(
            VISUAL,
            SpcCharts.Type.U,
            SpcCharts.RuleSet.WESTERN_ELECTRIC,
            null,
            null,
            List.of(attribute(1, 2, 10), attribute(2, 5, 30), attribute(3, 3, 20)));
    assertThat(u.centerLine()).isEqualTo(6);
    assertThat(u.points().get(0).ucl()).isCloseTo(11.196152, within(1e-6));
    // frozen p-bar 0.01 with n 100: sigma 0.00995, UCL 0.039850; 5/100 is beyond
    SpcChart frozenP =
        SpcCharts.build(
            VISUAL,
            SpcCharts.Type.P,
            SpcCharts.RuleSet.WESTERN_ELECTRIC,
            new SpcCharts.Frozen(0.01, null, null),
            null,
            List.of(attribute(1, 100, 1), attribute(2, 100, 5)));
    assertThat(frozenP.points().get(1).ucl()).isCloseTo(0.039850, within(1e-6));
    assertThat(flagged(frozenP.points())).isEqualTo(Map.of(2L, List.of("WE1")));
  }

  @Test
  void chartsThatCannotBeDrawn() {
    assertThatThrownBy(
            () ->
                SpcCharts.build(
                    DIAMETER,
                    SpcCharts.Type.AUTO,
                    SpcCharts.RuleSet.WESTERN_ELECTRIC,
                    null,
                    null,
                    List.of()))
        .isInstanceOf(SpcCharts.NoChart.class)
        .hasMessageContaining("no results");
    assertThatThrownBy(
            () ->
                SpcCharts.build(
                    DIAMETER,
                    SpcCharts.Type.XBAR_R,
                    SpcCharts.RuleSet.WESTERN_ELECTRIC,
                    null,
                    null,
                    List.of(variable(1, 3), variable(2, 4))))
        .isInstanceOf(SpcCharts.NoChart.class)
        .hasMessageContaining("use I_MR");
    assertThatThrownBy(
            () ->
                SpcCharts.build(
                    DIAMETER,
                    SpcCharts.Type.I_MR,
                    SpcCharts.RuleSet.WESTERN_ELECTRIC,
                    null,
                    null,
                    List.of(variable(1, 3))))
        .isInstanceOf(SpcCharts.NoChart.class)
        .hasMessageContaining("at least 2");
    assertThat(SpcCharts.Type.P.fitsKind("VARIABLE")).isFalse();
    assertThat(SpcCharts.Type.XBAR_R.fitsKind("ATTRIBUTE")).isFalse();
    assertThat(SpcCharts.Type.AUTO.fitsKind("ATTRIBUTE")).isTrue();
    assertThat(SpcCharts.RuleSet.NELSON.rules()).hasSize(8);
  }

  @Test
  void storedValuesParse() {
    assertThat(SpcStore.parse("74.030 74.002  73.992")).containsExactly(74.030, 74.002, 73.992);
    assertThat(SpcStore.parse(null)).isEmpty();
    assertThat(SpcStore.parse(" ")).isEmpty();
  }

  @Test
  void paretoSharesAndRates() {
    // 12 + 5 + 3 = 20 defects: 0.6, 0.25, 0.15; cumulative 0.6, 0.85, 1; ties by key
    List<DefectPareto.Row> rows =
        QualityFigures.pareto(
            List.of(
                new SpcStore.Category("VIS", "外观", 5),
                new SpcStore.Category("D1", "外径", 12),
                new SpcStore.Category("CRK", "裂纹", 3)));
    assertThat(rows).extracting(DefectPareto.Row::key).containsExactly("D1", "VIS", "CRK");
    assertThat(rows)
        .extracting(DefectPareto.Row::share)
        .containsExactly(
            new BigDecimal("0.6000"), new BigDecimal("0.2500"), new BigDecimal("0.1500"));
    assertThat(rows)
        .extracting(DefectPareto.Row::cumulativeShare)
        .containsExactly(
            new BigDecimal("0.6000"), new BigDecimal("0.8500"), new BigDecimal("1.0000"));
    List<DefectPareto.Row> tie =
        QualityFigures.pareto(
            List.of(new SpcStore.Category("B", "b", 1), new SpcStore.Category("A", "a", 1)));
    assertThat(tie).extracting(DefectPareto.Row::key).containsExactly("A", "B");
    assertThat(QualityFigures.rate(2, 3)).isEqualByComparingTo("0.6667");
    assertThat(QualityFigures.rate(1, 0)).isNull();
    var total =
        QualityFigures.total(
            List.of(
                new SpcStore.Counts("S1", "S1", 3, 3, 2, 1, 1),
                new SpcStore.Counts("S2", "S2", 2, 1, 1, 0, 1)));
    assertThat(total.inspected()).isEqualTo(5);
    assertThat(total.passRate()).isEqualByComparingTo("0.7500");
    assertThat(total.firstPassYield()).isEqualByComparingTo("0.5000");
  }

  @Test
  void ruleSetsFlagBeyondLimitsOnTheDispersionChart() {
    assertThat(SpcCharts.RuleSet.NELSON.beyondLimits())
        .extracting(Enum::name)
        .isEqualTo(List.of("NELSON1"));
    assertThat(Set.copyOf(SpcCharts.RuleSet.WESTERN_ELECTRIC.beyondLimits()).toString())
        .isEqualTo("[WE1]");
  }
}
