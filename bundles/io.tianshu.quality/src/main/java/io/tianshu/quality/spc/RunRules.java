package io.tianshu.quality.spc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Evaluates {@link RunRule}s on a control chart; see {@link RunRule} for the conventions. */
public final class RunRules {

  private RunRules() {}

  /**
   * Evaluates the rules on a chart, with zones from each point's centre line and sigma.
   *
   * @param chart the chart
   * @param rules the rules to evaluate
   * @return the violations, ordered by point index and then by rule
   */
  public static List<RuleViolation> evaluate(ControlChart chart, Set<RunRule> rules) {
    Objects.requireNonNull(chart, "chart");
    List<ChartPoint> points = chart.points();
    double[] z = new double[points.size()];
    double[] values = new double[points.size()];
    for (int i = 0; i < z.length; i++) {
      ChartPoint p = points.get(i);
      values[i] = p.value();
      double deviation = p.value() - p.centerLine();
      if (p.sigma() > 0) {
        z[i] = deviation / p.sigma();
      } else {
        z[i] = deviation == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, deviation);
      }
    }
    return evaluate(values, z, rules);
  }

  /**
   * Evaluates the rules on values with a constant centre line and sigma.
   *
   * @param values plotted values
   * @param centerLine centre line
   * @param sigma 1 sigma of the plotted statistic, positive
   * @param rules the rules to evaluate
   * @return the violations, ordered by point index and then by rule
   */
  public static List<RuleViolation> evaluate(
      double[] values, double centerLine, double sigma, Set<RunRule> rules) {
    Objects.requireNonNull(values, "values");
    if (!(sigma > 0) || !Double.isFinite(sigma) || !Double.isFinite(centerLine)) {
      throw new IllegalArgumentException("sigma must be positive and finite, centre line finite");
    }
    double[] z = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("value at " + i + " is not finite: " + values[i]);
      }
      z[i] = (values[i] - centerLine) / sigma;
    }
    return evaluate(values.clone(), z, rules);
  }

  private static List<RuleViolation> evaluate(double[] values, double[] z, Set<RunRule> rules) {
    Objects.requireNonNull(rules, "rules");
    Set<RunRule> set = rules.isEmpty() ? EnumSet.noneOf(RunRule.class) : EnumSet.copyOf(rules);
    List<RuleViolation> result = new ArrayList<>();
    for (int i = 0; i < z.length; i++) {
      for (RunRule rule : set) {
        if (flagged(rule, values, z, i)) {
          result.add(new RuleViolation(i, rule));
        }
      }
    }
    return List.copyOf(result);
  }

  private static boolean flagged(RunRule rule, double[] values, double[] z, int i) {
    return switch (rule) {
      case WE1, NELSON1 -> Math.abs(z[i]) > 3;
      case WE2, NELSON5 -> mOfK(z, i, 2, 3, 2);
      case WE3, NELSON6 -> mOfK(z, i, 4, 5, 1);
      case WE4 -> sameSide(z, i, 8);
      case NELSON2 -> sameSide(z, i, 9);
      case NELSON3 -> trend(values, i, 6);
      case NELSON4 -> alternating(values, i, 14);
      case NELSON7 -> run(z, i, 15, v -> Math.abs(v) < 1);
      case NELSON8 -> run(z, i, 8, v -> Math.abs(v) > 1);
    };
  }

  /** At least m of the k points ending at i beyond the limit on the side of point i, i included. */
  private static boolean mOfK(double[] z, int i, int m, int k, double limit) {
    double side = Math.signum(z[i]);
    if (side == 0 || Math.abs(z[i]) <= limit || i + 1 < m) {
      return false;
    }
    int count = 0;
    for (int j = Math.max(0, i - k + 1); j <= i; j++) {
      if (z[j] * side > limit) {
        count++;
      }
    }
    return count >= m;
  }

  private static boolean sameSide(double[] z, int i, int length) {
    if (i + 1 < length) {
      return false;
    }
    double side = Math.signum(z[i]);
    if (side == 0) {
      return false;
    }
    for (int j = i - length + 1; j <= i; j++) {
      if (Math.signum(z[j]) != side) {
        return false;
      }
    }
    return true;
  }

  private static boolean trend(double[] values, int i, int length) {
    if (i + 1 < length) {
      return false;
    }
    boolean increasing = true;
    boolean decreasing = true;
    for (int j = i - length + 2; j <= i; j++) {
      increasing &= values[j] > values[j - 1];
      decreasing &= values[j] < values[j - 1];
    }
    return increasing || decreasing;
  }

  private static boolean alternating(double[] values, int i, int length) {
    if (i + 1 < length) {
      return false;
    }
    double previous = 0;
    for (int j = i - length + 2; j <= i; j++) {
      double step = Math.signum(values[j] - values[j - 1]);
      if (step == 0 || step == previous) {
        return false;
      }
      previous = step;
    }
    return true;
  }

  private static boolean run(
      double[] z, int i, int length, java.util.function.DoublePredicate test) {
    if (i + 1 < length) {
      return false;
    }
    for (int j = i - length + 1; j <= i; j++) {
      if (!test.test(z[j])) {
        return false;
      }
    }
    return true;
  }
}
