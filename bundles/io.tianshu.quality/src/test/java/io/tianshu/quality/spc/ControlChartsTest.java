package io.tianshu.quality.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked charts. Expected limits use the printed 3-decimal table constants, so they are
 * compared within one unit of the third decimal times the statistic they multiply.
 */
class ControlChartsTest {

  private static final double[][] SUBGROUPS = {{1, 2, 3, 4, 5}, {2, 3, 4, 5, 6}, {3, 4, 5, 6, 8}};

  @Test
  void xbarR() {
    // means 3, 4, 5.2 -> 4.066667; ranges 4, 4, 5 -> R-bar 4.333333
    VariablesChart chart = ControlCharts.xbarR(SUBGROUPS);
    double rBar = 13.0 / 3;
    double tol = 1e-3 * rBar;
    ControlChart xbar = chart.location();
    assertThat(xbar.type()).isEqualTo(ChartType.XBAR);
    assertThat(xbar.values()).containsExactly(new double[] {3, 4, 5.2}, within(1e-12));
    assertThat(xbar.centerLine()).isCloseTo(12.2 / 3, within(1e-12));
    for (ChartPoint p : xbar.points()) {
      assertThat(p.ucl()).isCloseTo(12.2 / 3 + 0.577 * rBar, within(tol)); // 6.567
      assertThat(p.lcl()).isCloseTo(12.2 / 3 - 0.577 * rBar, within(tol)); // 1.566
    }
    ControlChart range = chart.dispersion();
    assertThat(range.type()).isEqualTo(ChartType.RANGE);
    assertThat(range.values()).containsExactly(4, 4, 5);
    assertThat(range.centerLine()).isCloseTo(rBar, within(1e-12));
    assertThat(range.upperLimits()[0]).isCloseTo(2.114 * rBar, within(tol)); // 9.161
    assertThat(range.lowerLimits()).containsExactly(0, 0, 0); // D3 = 0 for n = 5
    assertThat(chart.sigmaWithin()).isCloseTo(rBar / 2.326, within(1e-3));
    assertThat(xbar.outOfControlPoints()).isEmpty();
  }

  @Test
  void xbarS() {
    // s = sqrt(2.5) = 1.581139 twice and sqrt(14.8 / 4) = 1.923538 -> S-bar 1.695272
    VariablesChart chart = ControlCharts.xbarS(SUBGROUPS);
    double sBar = (2 * Math.sqrt(2.5) + Math.sqrt(3.7)) / 3;
    assertThat(sBar).isCloseTo(1.695272, within(1e-6));
    double tol = 1e-3 * sBar;
    ControlChart s = chart.dispersion();
    assertThat(s.type()).isEqualTo(ChartType.STANDARD_DEVIATION);
    assertThat(s.values())
        .containsExactly(
            new double[] {Math.sqrt(2.5), Math.sqrt(2.5), Math.sqrt(3.7)}, within(1e-12));
    assertThat(s.centerLine()).isCloseTo(sBar, within(1e-12));
    assertThat(s.upperLimits()[2]).isCloseTo(2.089 * sBar, within(tol)); // 3.541
    assertThat(s.lowerLimits()[2]).isZero(); // B3 = 0 for n = 5
    ControlChart xbar = chart.location();
    assertThat(xbar.upperLimits()[1]).isCloseTo(12.2 / 3 + 1.427 * sBar, within(tol)); // 6.486
    assertThat(xbar.lowerLimits()[1]).isCloseTo(12.2 / 3 - 1.427 * sBar, within(tol)); // 1.648
    assertThat(chart.sigmaWithin()).isCloseTo(sBar / 0.9400, within(1e-4)); // 1.8035
  }

  @Test
  void xbarRWithPositiveLowerRangeLimit() {
    // n = 7: D3 = 0.076, D4 = 1.924; two subgroups with ranges 6 and 8 -> R-bar 7
    double[][] groups = {{0, 1, 2, 3, 4, 5, 6}, {0, 1, 2, 3, 4, 5, 8}};
    ControlChart range = ControlCharts.xbarR(groups).dispersion();
    assertThat(range.centerLine()).isEqualTo(7);
    assertThat(range.lowerLimits()[0]).isCloseTo(0.076 * 7, within(7e-3)); // 0.532
    assertThat(range.upperLimits()[0]).isCloseTo(1.924 * 7, within(7e-3)); // 13.468
  }

  @Test
  void individualsMovingRange() {
    // 10, 12, 11, 15, 13: mean 12.2; moving ranges 2, 1, 4, 2 -> MR-bar 2.25
    VariablesChart chart = ControlCharts.individualsMovingRange(new double[] {10, 12, 11, 15, 13});
    ControlChart i = chart.location();
    assertThat(i.type()).isEqualTo(ChartType.INDIVIDUALS);
    assertThat(i.values()).containsExactly(10, 12, 11, 15, 13);
    assertThat(i.centerLine()).isCloseTo(12.2, within(1e-12));
    // E2 = 3 / d2(2) = 3 / 1.128379 = 2.65868 (the table's 2.660 is 3 / 1.128 from the rounded d2)
    assertThat(i.upperLimits()[0]).isCloseTo(18.18203, within(1e-5)); // 12.2 + 2.65868 * 2.25
    assertThat(i.lowerLimits()[0]).isCloseTo(6.21797, within(1e-5));
    ControlChart mr = chart.dispersion();
    assertThat(mr.type()).isEqualTo(ChartType.MOVING_RANGE);
    assertThat(mr.values()).containsExactly(2, 1, 4, 2);
    assertThat(mr.centerLine()).isEqualTo(2.25);
    assertThat(mr.upperLimits()[0]).isCloseTo(3.267 * 2.25, within(2.25e-3)); // 7.351
    assertThat(mr.lowerLimits()[0]).isZero();
    assertThat(chart.sigmaWithin()).isCloseTo(2.25 / 1.128, within(1e-3)); // 1.9947
  }

  @Test
  void pChartWithVariableSampleSizesHasPerPointLimits() {
    // 2/50, 4/100, 40/1000: p-bar = 46/1150 = 0.04
    ControlChart p = ControlCharts.p(new long[] {2, 4, 40}, new long[] {50, 100, 1000});
    assertThat(p.type()).isEqualTo(ChartType.P);
    assertThat(p.centerLine()).isCloseTo(0.04, within(1e-15));
    assertThat(p.values()).containsExactly(new double[] {0.04, 0.04, 0.04}, within(1e-15));
    // sigma_i = sqrt(0.04 * 0.96 / n_i): 0.0277128, 0.0195959, 0.0061968
    assertThat(p.upperLimits())
        .containsExactly(new double[] {0.1231384, 0.0987878, 0.0585903}, within(1e-7));
    assertThat(p.lowerLimits()).containsExactly(new double[] {0, 0, 0.0214097}, within(1e-7));
    assertThat(p.points().get(2).sigma()).isCloseTo(0.0061968, within(1e-7));
  }

  @Test
  void npChart() {
    // 3, 5, 4, 8 defectives in samples of 100: p-bar 0.05, centre 5, sigma sqrt(4.75) = 2.179449
    ControlChart np = ControlCharts.np(new long[] {3, 5, 4, 8}, 100);
    assertThat(np.type()).isEqualTo(ChartType.NP);
    assertThat(np.centerLine()).isCloseTo(5, within(1e-12));
    assertThat(np.values()).containsExactly(3, 5, 4, 8);
    assertThat(np.upperLimits()[3]).isCloseTo(11.538348, within(1e-6));
    assertThat(np.lowerLimits()[3]).isZero(); // 5 - 6.538 < 0 clipped
  }

  @Test
  void cChart() {
    // 20, 30, 25: c-bar 25, sigma 5 -> limits 10 and 40
    ControlChart c = ControlCharts.c(new long[] {20, 30, 25});
    assertThat(c.type()).isEqualTo(ChartType.C);
    assertThat(c.centerLine()).isEqualTo(25);
    assertThat(c.upperLimits()).containsExactly(40, 40, 40);
    assertThat(c.lowerLimits()).containsExactly(10, 10, 10);
    // c-bar 2: LCL 2 - 3 sqrt 2 < 0 -> 0
    ControlChart small = ControlCharts.c(new long[] {1, 3, 2, 2});
    assertThat(small.lowerLimits()[0]).isZero();
    assertThat(small.upperLimits()[0]).isCloseTo(2 + 3 * Math.sqrt(2), within(1e-12));
  }

  @Test
  void uChartWithVariableUnits() {
    // 10/2, 30/5, 20/3 defects per unit; u-bar = 60 / 10 = 6; sigma_i = sqrt(6 / a_i)
    ControlChart u = ControlCharts.u(new long[] {10, 30, 20}, new double[] {2, 5, 3});
    assertThat(u.type()).isEqualTo(ChartType.U);
    assertThat(u.centerLine()).isEqualTo(6);
    assertThat(u.values()).containsExactly(new double[] {5, 6, 20.0 / 3}, within(1e-12));
    assertThat(u.upperLimits())
        .containsExactly(new double[] {11.196152, 9.286335, 10.242641}, within(1e-6));
    assertThat(u.lowerLimits())
        .containsExactly(new double[] {0.803848, 2.713665, 1.757359}, within(1e-6));
  }

  @Test
  void pointsBeyondTheLimitsAreReported() {
    ControlChart c = ControlCharts.c(new long[] {25, 25, 25, 25, 25, 25, 25, 25, 25, 60});
    // c-bar 28.5, UCL 28.5 + 3 sqrt 28.5 = 44.52
    assertThat(c.outOfControlPoints()).containsExactly(9);
  }

  @Test
  void chartsAreImmutable() {
    ControlChart c = ControlCharts.c(new long[] {20, 30, 25});
    List<ChartPoint> points = c.points();
    assertThatThrownBy(() -> points.add(points.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    double[] values = c.values();
    values[0] = 99;
    assertThat(c.values()[0]).isEqualTo(20);
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> ControlCharts.xbarR(new double[][] {{1, 2, 3}, {1, 2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "X-bar/R needs subgroups of equal size: subgroup 0 has 3 values, subgroup 1 has 2");
    assertThatThrownBy(() -> ControlCharts.xbarS(new double[][] {{1}, {2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subgroup size 1 out of range 2..25");
    assertThatThrownBy(() -> ControlCharts.xbarR(new double[][] {new double[26]}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subgroup size 26 out of range 2..25");
    assertThatThrownBy(() -> ControlCharts.xbarR(new double[0][]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one subgroup");
    assertThatThrownBy(() -> ControlCharts.xbarR(new double[][] {{1, Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not finite");
    assertThatThrownBy(() -> ControlCharts.individualsMovingRange(new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> ControlCharts.p(new long[] {3, 12}, new long[] {10, 10}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("proportion defective > 1 at point 1: 12 defectives in a sample of 10");
    assertThatThrownBy(() -> ControlCharts.p(new long[] {-1}, new long[] {10}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defectives must be >= 0");
    assertThatThrownBy(() -> ControlCharts.p(new long[] {1}, new long[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample size must be positive");
    assertThatThrownBy(() -> ControlCharts.p(new long[] {1, 2}, new long[] {10}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differ in length");
    assertThatThrownBy(() -> ControlCharts.np(new long[] {11}, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proportion defective > 1");
    assertThatThrownBy(() -> ControlCharts.c(new long[] {1, -2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("defect count must be >= 0, was -2 at point 1");
    assertThatThrownBy(() -> ControlCharts.u(new long[] {1}, new double[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("units must be positive");
    assertThatThrownBy(() -> new ChartPoint(1, 0, 1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lcl <= centre <= ucl");
  }
}
