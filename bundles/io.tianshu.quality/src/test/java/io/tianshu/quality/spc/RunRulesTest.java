package io.tianshu.quality.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-made sequences in sigma units (centre 0, sigma 1), each triggering exactly one rule of its
 * family (Western Electric or Nelson) at exactly one point.
 */
class RunRulesTest {

  private static List<RuleViolation> nelson(double... z) {
    return RunRules.evaluate(z, 0, 1, RunRule.nelson());
  }

  private static List<RuleViolation> we(double... z) {
    return RunRules.evaluate(z, 0, 1, RunRule.westernElectric());
  }

  private static double[] repeat(double value, int count) {
    double[] z = new double[count];
    java.util.Arrays.fill(z, value);
    return z;
  }

  private static double[] alternate(int count) {
    double[] z = new double[count];
    for (int i = 0; i < count; i++) {
      z[i] = i % 2 == 0 ? 0.5 : -0.5;
    }
    return z;
  }

  private static RuleViolation at(int index, RunRule rule) {
    return new RuleViolation(index, rule);
  }

  @Test
  void beyondThreeSigma() {
    double[] z = {0.5, -0.5, 0.5, 3.5, -0.5};
    assertThat(nelson(z)).containsExactly(at(3, RunRule.NELSON1));
    assertThat(we(z)).containsExactly(at(3, RunRule.WE1));
    assertThat(nelson(0.5, -3.01, 0.5)).containsExactly(at(1, RunRule.NELSON1));
    assertThat(nelson(0.5, 3.0, 0.5)).isEmpty(); // exactly on the limit is not beyond
  }

  @Test
  void twoOfThreeBeyondTwoSigma() {
    double[] z = {0.5, 2.5, -0.5, 2.5};
    assertThat(nelson(z)).containsExactly(at(3, RunRule.NELSON5));
    assertThat(we(z)).containsExactly(at(3, RunRule.WE2));
    // opposite sides do not count
    assertThat(nelson(0.5, 2.5, -2.5, 0.5)).isEmpty();
    // the lower side
    assertThat(nelson(-2.5, -2.5)).containsExactly(at(1, RunRule.NELSON5));
  }

  @Test
  void fourOfFiveBeyondOneSigma() {
    double[] z = {1.5, 1.5, 0.5, 1.5, 1.5};
    assertThat(nelson(z)).containsExactly(at(4, RunRule.NELSON6));
    assertThat(we(z)).containsExactly(at(4, RunRule.WE3));
  }

  @Test
  void eightOnOneSideIsWesternElectricFour() {
    double[] z = repeat(0.5, 8);
    assertThat(we(z)).containsExactly(at(7, RunRule.WE4));
    assertThat(nelson(z)).isEmpty();
  }

  @Test
  void nineOnOneSideIsNelsonTwo() {
    double[] z = repeat(-0.5, 9);
    assertThat(nelson(z)).containsExactly(at(8, RunRule.NELSON2));
    // a point on the centre line breaks the run
    double[] broken = repeat(-0.5, 9);
    broken[4] = 0;
    assertThat(nelson(broken)).isEmpty();
    // flagged at every point that completes a run
    assertThat(nelson(repeat(0.5, 10)))
        .containsExactly(at(8, RunRule.NELSON2), at(9, RunRule.NELSON2));
  }

  @Test
  void sixIncreasingOrDecreasing() {
    assertThat(nelson(-0.3, -0.2, -0.1, 0.1, 0.2, 0.3)).containsExactly(at(5, RunRule.NELSON3));
    assertThat(nelson(0.3, 0.2, 0.1, -0.1, -0.2, -0.3)).containsExactly(at(5, RunRule.NELSON3));
    assertThat(nelson(-0.3, -0.2, -0.1, 0.1, 0.1, 0.3)).isEmpty(); // a tie breaks the trend
    assertThat(we(-0.3, -0.2, -0.1, 0.1, 0.2, 0.3)).isEmpty();
  }

  @Test
  void fourteenAlternating() {
    assertThat(nelson(alternate(14))).containsExactly(at(13, RunRule.NELSON4));
    assertThat(nelson(alternate(13))).isEmpty();
    assertThat(we(alternate(14))).isEmpty();
  }

  @Test
  void fifteenWithinOneSigma() {
    double[] z = new double[15];
    for (int i = 0; i < z.length; i++) {
      z[i] = (i / 2) % 2 == 0 ? 0.5 : -0.5; // 0.5, 0.5, -0.5, -0.5, ...
    }
    assertThat(nelson(z)).containsExactly(at(14, RunRule.NELSON7));
    assertThat(we(z)).isEmpty();
  }

  @Test
  void eightBeyondOneSigmaEitherSide() {
    double[] z = {1.5, 1.5, -1.5, -1.5, 1.5, 1.5, -1.5, -1.5};
    assertThat(nelson(z)).containsExactly(at(7, RunRule.NELSON8));
    assertThat(we(z)).isEmpty();
  }

  @Test
  void aSequenceThatTriggersNothing() {
    double[] z = {
      0.3, -0.8, 1.2, 0.1, -1.4, -0.2, 0.9, 2.1, -0.6, 0.4, -1.1, 0.7, 0.2, -0.3, 1.6, -2.2, 0.5,
      0.0, -0.9, 1.3
    };
    Set<RunRule> all = java.util.EnumSet.allOf(RunRule.class);
    assertThat(RunRules.evaluate(z, 0, 1, all)).isEmpty();
  }

  @Test
  void onAChartZonesComeFromEachPointsCentreAndSigma() {
    // c chart with c-bar 25, sigma 5: 41 is beyond 3 sigma (UCL 40)
    long[] counts = {25, 26, 24, 41, 25, 24};
    ControlChart c = ControlCharts.c(counts);
    // c-bar = 165/6 = 27.5, sigma = sqrt(27.5) = 5.244, UCL 43.23: 41 is within 3 sigma but
    // (41 - 27.5) / 5.244 = 2.57 > 2, a single point beyond 2 sigma triggers nothing
    assertThat(RunRules.evaluate(c, RunRule.nelson())).isEmpty();
    // p chart with per-point sigma: p-bar = 150 / 2250 = 0.066667. The same proportion 0.10 is
    // within the limits of a sample of 50 (UCL 0.066667 + 3 * 0.035277 = 0.1725) but beyond those
    // of a sample of 1000 (UCL 0.066667 + 3 * 0.007888 = 0.0903); 37 / 1000 = 0.037 is below that
    // sample's LCL 0.0430.
    ControlChart p =
        ControlCharts.p(new long[] {5, 4, 37, 100, 4}, new long[] {50, 100, 1000, 1000, 100});
    List<Integer> flagged = new ArrayList<>();
    for (RuleViolation v : RunRules.evaluate(p, Set.of(RunRule.NELSON1))) {
      flagged.add(v.pointIndex());
    }
    assertThat(p.values()[0]).isEqualTo(0.1);
    assertThat(p.values()[3]).isEqualTo(0.1);
    assertThat(p.upperLimits()[0]).isCloseTo(0.1725, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(p.upperLimits()[3]).isCloseTo(0.0903, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(p.lowerLimits()[2]).isCloseTo(0.0430, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(flagged).containsExactly(2, 3);
    assertThat(p.outOfControlPoints()).containsExactly(2, 3);
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> RunRules.evaluate(new double[] {1}, 0, 0, RunRule.nelson()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sigma must be positive");
    assertThatThrownBy(() -> RunRules.evaluate(new double[] {Double.NaN}, 0, 1, RunRule.nelson()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not finite");
    assertThat(RunRules.evaluate(new double[] {9}, 0, 1, Set.of())).isEmpty();
  }
}
