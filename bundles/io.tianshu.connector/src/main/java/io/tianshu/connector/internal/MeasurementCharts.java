package io.tianshu.connector.internal;

import io.tianshu.connector.MeasurementChart;
import io.tianshu.connector.MeasurementChart.Point;
import io.tianshu.connector.MeasurementQuery;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.quality.spc.Capability;
import io.tianshu.quality.spc.ChartPoint;
import io.tianshu.quality.spc.ControlChart;
import io.tianshu.quality.spc.ControlCharts;
import io.tianshu.quality.spc.ProcessCapability;
import io.tianshu.quality.spc.RuleViolation;
import io.tianshu.quality.spc.RunRule;
import io.tianshu.quality.spc.RunRules;
import io.tianshu.quality.spc.SpecLimits;
import io.tianshu.quality.spc.VariablesChart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Control charts of a machine's measured values (plain Java, on the quality bundle's SPC engine): a
 * measured signal is a stream of individual values, charted I-MR, or X-bar / R over consecutive
 * values when a subgroup size is given; run rules per point; capability against limits given with
 * the query.
 */
final class MeasurementCharts {
  static final int DEFAULT_LAST = 100;
  static final int MAX_LAST = 5000;

  private MeasurementCharts() {}

  /** The validated query with defaults; throws ValidationException listing the bad fields. */
  static MeasurementQuery normalise(MeasurementQuery q) {
    MeasurementQuery query = q == null ? new MeasurementQuery(null, null, null, null, null) : q;
    int last = query.last() == null ? DEFAULT_LAST : query.last();
    int n = query.subgroupSize() == null ? 1 : query.subgroupSize();
    String ruleSet =
        query.ruleSet() == null || query.ruleSet().isBlank()
            ? "WESTERN_ELECTRIC"
            : query.ruleSet().trim().toUpperCase(Locale.ROOT);
    Validation v = new Validation();
    if (last < 2 || last > MAX_LAST) {
      v.add("last", "range", "last must be 2.." + MAX_LAST + " / last 须在 2.." + MAX_LAST + " 之间");
    }
    if (n < 1 || n > 10) {
      v.add("subgroupSize", "range", "subgroupSize must be 1..10 / 子组大小须在 1..10 之间");
    }
    if (!ruleSet.equals("WESTERN_ELECTRIC") && !ruleSet.equals("NELSON")) {
      v.add(
          "ruleSet",
          "invalid",
          "ruleSet must be WESTERN_ELECTRIC or NELSON / 判异规则须为 WESTERN_ELECTRIC 或 NELSON");
    }
    if (query.lsl() != null && !Double.isFinite(query.lsl())) {
      v.add("lsl", "invalid", "lsl must be a number / 规格下限须为数字");
    }
    if (query.usl() != null && !Double.isFinite(query.usl())) {
      v.add("usl", "invalid", "usl must be a number / 规格上限须为数字");
    }
    if (query.lsl() != null && query.usl() != null && !(query.lsl() < query.usl())) {
      v.add("usl", "order", "usl must be above lsl / 规格上限须大于下限");
    }
    v.throwIfInvalid();
    return new MeasurementQuery(last, n, ruleSet, query.lsl(), query.usl());
  }

  /**
   * The chart of values measured at {@code at}, oldest first, for a normalised query.
   *
   * @throws ValidationException when there are too few values for one chart, or all are equal
   */
  static MeasurementChart chart(
      String machine, String signal, List<Instant> at, double[] values, MeasurementQuery q) {
    int n = q.subgroupSize();
    Set<RunRule> rules =
        q.ruleSet().equals("NELSON") ? RunRule.nelson() : RunRule.westernElectric();
    int skip = n == 1 ? 0 : values.length % n;
    int groups = (values.length - skip) / n;
    if (n == 1 ? values.length < 2 : groups < 2) {
      throw new ValidationException(
          "signal",
          "too_few_values",
          "'"
              + signal
              + "' has "
              + values.length
              + " values, a chart needs "
              + (n == 1 ? 2 : 2 * n)
              + " / 测量值不足以作图");
    }
    try {
      VariablesChart chart;
      double[][] subgroups = null;
      if (n == 1) {
        chart = ControlCharts.individualsMovingRange(values);
      } else {
        subgroups = new double[groups][n];
        for (int g = 0; g < groups; g++) {
          System.arraycopy(values, skip + g * n, subgroups[g], 0, n);
        }
        chart = ControlCharts.xbarR(subgroups);
      }
      if (!(chart.sigmaWithin() > 0)) {
        throw new IllegalArgumentException("all values are equal");
      }
      ControlChart location = chart.location();
      ControlChart spread = chart.dispersion();
      List<List<String>> violated = new ArrayList<>();
      for (int i = 0; i < location.points().size(); i++) {
        violated.add(new ArrayList<>());
      }
      int outOfControl = 0;
      for (RuleViolation rv : RunRules.evaluate(location, rules)) {
        List<String> l = violated.get(rv.pointIndex());
        if (l.isEmpty()) {
          outOfControl++;
        }
        l.add(rv.rule().name());
      }
      List<Point> points = new ArrayList<>();
      for (int i = 0; i < location.points().size(); i++) {
        Double s;
        if (n == 1) {
          s = i == 0 ? null : spread.points().get(i - 1).value();
        } else {
          s = spread.points().get(i).value();
        }
        Instant when = n == 1 ? at.get(i) : at.get(skip + i * n + n - 1);
        points.add(
            new Point(when, location.points().get(i).value(), s, List.copyOf(violated.get(i))));
      }
      ChartPoint l0 = location.points().get(0);
      ChartPoint s0 = spread.points().get(0);
      return new MeasurementChart(
          machine,
          signal,
          n == 1 ? "I_MR" : "XBAR_R",
          n,
          values.length - skip,
          location.centerLine(),
          l0.lcl(),
          l0.ucl(),
          spread.centerLine(),
          s0.lcl(),
          s0.ucl(),
          chart.sigmaWithin(),
          q.ruleSet(),
          outOfControl,
          List.copyOf(points),
          capability(q, values, subgroups));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          "signal", "not_chartable", "'" + signal + "': " + e.getMessage() + " / 无法作图");
    }
  }

  private static MeasurementChart.Capability capability(
      MeasurementQuery q, double[] values, double[][] subgroups) {
    if (q.lsl() == null && q.usl() == null) {
      return null;
    }
    SpecLimits spec =
        q.lsl() != null && q.usl() != null
            ? SpecLimits.twoSided(q.lsl(), q.usl())
            : q.usl() != null ? SpecLimits.upperOnly(q.usl()) : SpecLimits.lowerOnly(q.lsl());
    Capability c =
        subgroups == null
            ? ProcessCapability.fromIndividuals(spec, values)
            : ProcessCapability.fromSubgroups(
                spec, subgroups, ProcessCapability.WithinEstimate.RANGE);
    return new MeasurementChart.Capability(
        q.lsl(),
        q.usl(),
        c.mean(),
        c.sigmaOverall(),
        c.cp().isPresent() ? c.cp().getAsDouble() : null,
        c.cpk(),
        c.pp().isPresent() ? c.pp().getAsDouble() : null,
        c.ppk());
  }
}
