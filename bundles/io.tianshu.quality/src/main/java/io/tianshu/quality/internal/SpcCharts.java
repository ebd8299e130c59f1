package io.tianshu.quality.internal;

import io.tianshu.quality.SpcCapability;
import io.tianshu.quality.SpcChart;
import io.tianshu.quality.SpcPoint;
import io.tianshu.quality.spc.Capability;
import io.tianshu.quality.spc.ChartConstants;
import io.tianshu.quality.spc.ChartPoint;
import io.tianshu.quality.spc.ChartType;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Assembles a control chart from inspection results (plain Java): one subgroup per lot in order of
 * recording, the chart type chosen or resolved, limits from the data through the engine ({@link
 * ControlCharts}) or from frozen values, run rules per point and capability.
 *
 * <p>Variables: each lot's measured values are a subgroup. AUTO takes I_MR when every subgroup has
 * one value, else X-bar/R up to subgroups of 10 and X-bar/S above. X-bar charts need subgroups of
 * one size: the most frequent size (the larger on a tie; the frozen size when frozen); lots of
 * another size are skipped. I_MR charts every value as an individual, in the order entered.
 * Attributes: p plots a lot's defects over its sample size (defects counted as defective items), np
 * the defects at the most frequent sample size (others skipped), c the defects per lot, u the
 * defects per sampled unit. The location chart gets the whole rule set; the dispersion chart (R, S,
 * MR) rule 1 only.
 */
final class SpcCharts {
  private SpcCharts() {}

  /** Chart types as stored and accepted; AUTO resolves per kind and data. */
  enum Type {
    AUTO,
    XBAR_R,
    XBAR_S,
    I_MR,
    P,
    NP,
    C,
    U;

    boolean variable() {
      return this == XBAR_R || this == XBAR_S || this == I_MR;
    }

    boolean fitsKind(String kind) {
      return this == AUTO || variable() == "VARIABLE".equals(kind);
    }
  }

  /** Rule sets. */
  enum RuleSet {
    WESTERN_ELECTRIC,
    NELSON;

    Set<RunRule> rules() {
      return this == NELSON ? RunRule.nelson() : RunRule.westernElectric();
    }

    Set<RunRule> beyondLimits() {
      return EnumSet.of(this == NELSON ? RunRule.NELSON1 : RunRule.WE1);
    }
  }

  /**
   * One lot's result of the characteristic.
   *
   * @param values measured values (variables), else empty
   * @param defects defects recorded
   * @param sampleSize the lot's sample size
   */
  record Sample(
      long lotId,
      String lot,
      String supplier,
      Instant recordedAt,
      int sampleSize,
      double[] values,
      int defects) {}

  /**
   * Frozen limits: centre (X-double-bar, X-bar, p-bar — also for np — c-bar, u-bar), spread (R-bar,
   * S-bar, MR-bar; null for attributes), subgroup size (X-bar charts).
   */
  record Frozen(double center, Double spread, Integer subgroupSize) {}

  /** What the chart is of (the identification fields of the result). */
  record Subject(long plantId, long materialId, String characteristic, String kind) {}

  /** A chart cannot be drawn from the data; the message says why. */
  static final class NoChart extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NoChart(String message) {
      super(message);
    }
  }

  static SpcChart build(
      Subject subject,
      Type requested,
      RuleSet ruleSet,
      Frozen frozen,
      SpecLimits spec,
      List<Sample> samples) {
    if (samples.isEmpty()) {
      throw new NoChart("no results recorded for the characteristic / 该检验特性无检验结果");
    }
    boolean variable = "VARIABLE".equals(subject.kind());
    Type type = resolve(requested, variable, samples);
    List<SpcChart.Skipped> skipped = new ArrayList<>();
    List<Sample> used = new ArrayList<>();
    Integer n = null;
    if (type == Type.XBAR_R || type == Type.XBAR_S) {
      n =
          frozen != null && frozen.subgroupSize() != null
              ? frozen.subgroupSize()
              : modeSize(samples);
      if (n < ChartConstants.MIN_N || n > ChartConstants.MAX_N) {
        throw new NoChart(
            "subgroups of " + n + " values cannot make an X-bar chart (2..25); use I_MR / 子组大小不适用");
      }
      for (Sample s : samples) {
        keep(s, s.values().length, n, "values", used, skipped);
      }
    } else if (type == Type.NP) {
      n = mode(samples.stream().mapToInt(Sample::sampleSize).toArray());
      for (Sample s : samples) {
        keep(s, s.sampleSize(), n, "sample size", used, skipped);
      }
    } else if (type == Type.I_MR) {
      used.addAll(samples);
      if (samples.stream().mapToInt(s -> s.values().length).sum() < 2) {
        throw new NoChart("an I-MR chart needs at least 2 values / 单值图至少需要 2 个值");
      }
    } else {
      used.addAll(samples);
    }
    if (used.isEmpty()) {
      throw new NoChart("no lot fits the chart / 无适用的检验批");
    }
    Charts charts = charts(type, frozen, used, n == null ? 0 : n);
    List<SpcPoint> points =
        points(charts.location(), charts.owners(), charts.sizes(), ruleSet.rules(), used);
    List<SpcPoint> dispersion =
        charts.dispersion() == null
            ? List.of()
            : points(
                charts.dispersion(),
                charts.dispersionOwners(),
                charts.dispersionSizes(),
                ruleSet.beyondLimits(),
                used);
    SpcCapability capability = variable && spec != null ? capability(type, spec, used, n) : null;
    return new SpcChart(
        subject.plantId(),
        subject.materialId(),
        subject.characteristic(),
        subject.kind(),
        type.name(),
        ruleSet.name(),
        frozen != null,
        n,
        charts.location().centerLine(),
        charts.dispersion() == null ? null : charts.dispersion().type().name(),
        charts.dispersion() == null ? null : charts.dispersion().centerLine(),
        points,
        dispersion,
        capability,
        List.copyOf(skipped));
  }

  /** The frozen limits a chart's own limits make (for freezing a baseline). */
  static Frozen freezeOf(SpcChart chart) {
    double center = chart.centerLine();
    if (Type.valueOf(chart.chartType()) == Type.NP) {
      center = center / chart.subgroupSize();
    }
    boolean xbar =
        chart.chartType().equals(Type.XBAR_R.name())
            || chart.chartType().equals(Type.XBAR_S.name());
    return new Frozen(center, chart.dispersionCenter(), xbar ? chart.subgroupSize() : null);
  }

  static Type resolve(Type requested, boolean variable, List<Sample> samples) {
    if (requested != null && requested != Type.AUTO) {
      return requested;
    }
    if (!variable) {
      return Type.P;
    }
    if (samples.stream().allMatch(s -> s.values().length == 1)) {
      return Type.I_MR;
    }
    return modeSize(samples) <= 10 ? Type.XBAR_R : Type.XBAR_S;
  }

  private static void keep(
      Sample s, int size, int n, String what, List<Sample> used, List<SpcChart.Skipped> skipped) {
    if (size == n) {
      used.add(s);
    } else {
      skipped.add(
          new SpcChart.Skipped(
              s.lotId(), s.lot(), what + " " + size + " differ from the chart's " + n));
    }
  }

  private static int modeSize(List<Sample> samples) {
    return mode(samples.stream().mapToInt(s -> s.values().length).toArray());
  }

  /** The most frequent value, the larger on a tie. */
  static int mode(int[] values) {
    Map<Integer, Integer> counts = new HashMap<>();
    int best = values[0];
    for (int v : values) {
      counts.merge(v, 1, Integer::sum);
    }
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      int c = e.getValue();
      int bc = counts.get(best);
      if (c > bc || c == bc && e.getKey() > best) {
        best = e.getKey();
      }
    }
    return best;
  }

  /** The location and dispersion charts with, per point, the index of the sample it belongs to. */
  private record Charts(
      ControlChart location,
      int[] owners,
      int[] sizes,
      ControlChart dispersion,
      int[] dispersionOwners,
      int[] dispersionSizes) {}

  private static Charts charts(Type type, Frozen frozen, List<Sample> used, int n) {
    int m = used.size();
    int[] each = new int[m];
    int[] sizes = new int[m];
    for (int i = 0; i < m; i++) {
      each[i] = i;
      sizes[i] = type.variable() ? used.get(i).values().length : used.get(i).sampleSize();
    }
    switch (type) {
      case XBAR_R, XBAR_S -> {
        double[][] groups = used.stream().map(Sample::values).toArray(double[][]::new);
        VariablesChart v;
        if (frozen == null) {
          v = type == Type.XBAR_R ? ControlCharts.xbarR(groups) : ControlCharts.xbarS(groups);
        } else {
          v = frozenXbar(type, frozen, groups, n);
        }
        return new Charts(v.location(), each, sizes, v.dispersion(), each, sizes);
      }
      case I_MR -> {
        int total = used.stream().mapToInt(s -> s.values().length).sum();
        double[] x = new double[total];
        int[] owners = new int[total];
        int k = 0;
        for (int i = 0; i < m; i++) {
          for (double value : used.get(i).values()) {
            x[k] = value;
            owners[k++] = i;
          }
        }
        VariablesChart v =
            frozen == null ? ControlCharts.individualsMovingRange(x) : frozenImr(frozen, x);
        int[] ones = new int[total];
        java.util.Arrays.fill(ones, 1);
        int[] mrOwners = java.util.Arrays.copyOfRange(owners, 1, total);
        int[] twos = new int[total - 1];
        java.util.Arrays.fill(twos, 2);
        return new Charts(v.location(), owners, ones, v.dispersion(), mrOwners, twos);
      }
      default -> {
        return new Charts(attributes(type, frozen, used, n), each, sizes, null, null, null);
      }
    }
  }

  private static VariablesChart frozenXbar(Type type, Frozen f, double[][] groups, int n) {
    ChartConstants k = ChartConstants.of(n);
    double spread = f.spread();
    double sigma = type == Type.XBAR_R ? spread / k.d2() : spread / k.c4();
    double dispersionSigma =
        type == Type.XBAR_R ? k.d3() * sigma : spread * Math.sqrt(1 - k.c4() * k.c4()) / k.c4();
    List<ChartPoint> loc = new ArrayList<>();
    List<ChartPoint> disp = new ArrayList<>();
    for (double[] g : groups) {
      loc.add(ChartPoint.threeSigma(mean(g), f.center(), sigma / Math.sqrt(n), false));
      double d = type == Type.XBAR_R ? range(g) : sd(g);
      disp.add(ChartPoint.threeSigma(d, spread, dispersionSigma, true));
    }
    return new VariablesChart(
        new ControlChart(ChartType.XBAR, f.center(), loc),
        new ControlChart(
            type == Type.XBAR_R ? ChartType.RANGE : ChartType.STANDARD_DEVIATION, spread, disp),
        sigma);
  }

  private static VariablesChart frozenImr(Frozen f, double[] x) {
    ChartConstants k = ChartConstants.of(2);
    double spread = f.spread();
    double sigma = spread / k.d2();
    List<ChartPoint> loc = new ArrayList<>();
    List<ChartPoint> disp = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      loc.add(ChartPoint.threeSigma(x[i], f.center(), sigma, false));
      if (i > 0) {
        disp.add(ChartPoint.threeSigma(Math.abs(x[i] - x[i - 1]), spread, k.d3() * sigma, true));
      }
    }
    return new VariablesChart(
        new ControlChart(ChartType.INDIVIDUALS, f.center(), loc),
        new ControlChart(ChartType.MOVING_RANGE, spread, disp),
        sigma);
  }

  private static ControlChart attributes(Type type, Frozen f, List<Sample> used, int n) {
    int m = used.size();
    long[] defects = new long[m];
    long[] sizes = new long[m];
    for (int i = 0; i < m; i++) {
      defects[i] = used.get(i).defects();
      sizes[i] = used.get(i).sampleSize();
    }
    if (f == null) {
      return switch (type) {
        case P -> ControlCharts.p(defects, sizes);
        case NP -> ControlCharts.np(defects, n);
        case C -> ControlCharts.c(defects);
        default -> {
          double[] units = new double[m];
          for (int i = 0; i < m; i++) {
            units[i] = sizes[i];
          }
          yield ControlCharts.u(defects, units);
        }
      };
    }
    double c = f.center();
    List<ChartPoint> points = new ArrayList<>();
    double center = type == Type.NP ? n * c : c;
    for (int i = 0; i < m; i++) {
      double value;
      double sigma;
      switch (type) {
        case P -> {
          value = (double) defects[i] / sizes[i];
          sigma = Math.sqrt(c * (1 - c) / sizes[i]);
        }
        case NP -> {
          value = defects[i];
          sigma = Math.sqrt(n * c * (1 - c));
        }
        case C -> {
          value = defects[i];
          sigma = Math.sqrt(c);
        }
        default -> {
          value = (double) defects[i] / sizes[i];
          sigma = Math.sqrt(c / sizes[i]);
        }
      }
      points.add(ChartPoint.threeSigma(value, center, sigma, true));
    }
    ChartType t =
        switch (type) {
          case P -> ChartType.P;
          case NP -> ChartType.NP;
          case C -> ChartType.C;
          default -> ChartType.U;
        };
    return new ControlChart(t, center, points);
  }

  private static List<SpcPoint> points(
      ControlChart chart, int[] owners, int[] sizes, Set<RunRule> rules, List<Sample> used) {
    List<List<String>> flags = new ArrayList<>();
    for (int i = 0; i < chart.points().size(); i++) {
      flags.add(new ArrayList<>());
    }
    for (RuleViolation v : RunRules.evaluate(chart, rules)) {
      flags.get(v.pointIndex()).add(v.rule().name());
    }
    List<SpcPoint> out = new ArrayList<>();
    for (int i = 0; i < chart.points().size(); i++) {
      ChartPoint p = chart.points().get(i);
      Sample s = used.get(owners[i]);
      out.add(
          new SpcPoint(
              i,
              s.lotId(),
              s.lot(),
              s.supplier(),
              s.recordedAt(),
              sizes[i],
              p.value(),
              p.centerLine(),
              p.lcl(),
              p.ucl(),
              List.copyOf(flags.get(i))));
    }
    return out;
  }

  private static SpcCapability capability(
      Type type, SpecLimits spec, List<Sample> used, Integer n) {
    try {
      Capability c;
      if (type == Type.I_MR) {
        double[] all =
            used.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).toArray();
        c = ProcessCapability.fromIndividuals(spec, all);
      } else {
        double[][] groups = used.stream().map(Sample::values).toArray(double[][]::new);
        c =
            ProcessCapability.fromSubgroups(
                spec,
                groups,
                type == Type.XBAR_R
                    ? ProcessCapability.WithinEstimate.RANGE
                    : ProcessCapability.WithinEstimate.STANDARD_DEVIATION);
      }
      return new SpcCapability(
          boxed(spec.lower()),
          boxed(spec.upper()),
          c.mean(),
          c.sigmaWithin(),
          c.sigmaOverall(),
          boxed(c.cp()),
          c.cpk(),
          boxed(c.pp()),
          c.ppk());
    } catch (IllegalArgumentException e) {
      return null; // no spread (all values equal) or too few values: no indices
    }
  }

  private static Double boxed(OptionalDouble d) {
    return d.isPresent() ? d.getAsDouble() : null;
  }

  static double mean(double[] g) {
    double s = 0;
    for (double v : g) {
      s += v;
    }
    return s / g.length;
  }

  static double range(double[] g) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : g) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max - min;
  }

  static double sd(double[] g) {
    double mean = mean(g);
    double ss = 0;
    for (double v : g) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / (g.length - 1));
  }
}
