package io.tianshu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random networks with a fixed seed, checked against properties and against an independent oracle:
 * the forward pass must be the least and the backward pass the greatest solution of the constraints
 * the class comment of {@link RoutingNetwork} states, found here by plain relaxation until nothing
 * changes (no topological order).
 */
class RoutingNetworkPropertyTest {
  static final int TRIALS = 1500;
  static final double TOL = 1e-6;

  enum Mode {
    PLAIN, // finish-to-start only
    POSITIVE_LAGS, // no overlap, lags >= 0
    ANY // overlaps and lags of both signs
  }

  static List<NetworkOperation> randomDag(Random rnd, int n, Mode mode) {
    List<Integer> numbers = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      numbers.add(k * 10);
    }
    Collections.shuffle(numbers, rnd); // numbers need not follow the flow
    List<List<NetworkLink>> preds = new ArrayList<>();
    boolean[] hasSuccessor = new boolean[n];
    for (int k = 0; k < n; k++) {
      List<NetworkLink> links = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        if (rnd.nextDouble() < 0.35) {
          links.add(link(rnd, numbers.get(j), mode));
          hasSuccessor[j] = true;
        }
      }
      preds.add(links);
    }
    for (int j = 0; j < n - 1; j++) {
      if (!hasSuccessor[j]) {
        preds.get(n - 1).add(link(rnd, numbers.get(j), mode));
      }
    }
    List<NetworkOperation> ops = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      ops.add(
          new NetworkOperation(
              numbers.get(k),
              rnd.nextInt(31),
              rnd.nextInt(51) / 10.0,
              rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(31),
              rnd.nextInt(11),
              preds.get(k)));
    }
    Collections.shuffle(ops, rnd);
    return ops;
  }

  static NetworkLink link(Random rnd, int pred, Mode mode) {
    switch (mode) {
      case PLAIN:
        return new NetworkLink(pred, 0, 0);
      case POSITIVE_LAGS:
        return new NetworkLink(pred, 0, rnd.nextBoolean() ? 0 : rnd.nextInt(60));
      default:
        double overlap = rnd.nextBoolean() ? 0 : rnd.nextDouble() * 99.9;
        int pick = rnd.nextInt(3);
        double lag = pick == 0 ? 0 : pick == 1 ? rnd.nextInt(60) : -rnd.nextInt(80);
        return new NetworkLink(pred, overlap, lag);
    }
  }

  static double quantity(Random rnd) {
    int pick = rnd.nextInt(5);
    return pick == 0 ? 0 : pick == 1 ? rnd.nextDouble() * 10 : 1 + rnd.nextInt(20);
  }

  @Test
  void plainNetworksHaveTheLongestPathAsLeadTime() {
    Random rnd = new Random(20260101L);
    for (int trial = 0; trial < TRIALS; trial++) {
      List<NetworkOperation> ops = randomDag(rnd, 1 + rnd.nextInt(10), Mode.PLAIN);
      double q = quantity(rnd);
      Schedule s = check(ops, q);
      double longest = 0;
      for (double sum : pathSums(ops, q, false)) {
        assertThat(s.leadTime()).isGreaterThanOrEqualTo(sum - TOL);
        longest = Math.max(longest, sum);
      }
      assertThat(s.leadTime()).isCloseTo(longest, within(TOL));
      // The critical path is a longest path.
      double critical = 0;
      Map<Integer, NetworkOperation> byNo = byNo(ops);
      for (int no : s.criticalPath()) {
        critical += byNo.get(no).duration(q);
      }
      assertThat(critical).isCloseTo(longest, within(TOL));
    }
  }

  @Test
  void positiveLagsNeverShortenAnyPath() {
    Random rnd = new Random(42L);
    for (int trial = 0; trial < TRIALS; trial++) {
      List<NetworkOperation> ops = randomDag(rnd, 1 + rnd.nextInt(10), Mode.POSITIVE_LAGS);
      double q = quantity(rnd);
      Schedule s = check(ops, q);
      double longestWithLags = 0;
      for (double sum : pathSums(ops, q, false)) {
        assertThat(s.leadTime()).isGreaterThanOrEqualTo(sum - TOL);
      }
      for (double sum : pathSums(ops, q, true)) {
        longestWithLags = Math.max(longestWithLags, sum);
      }
      assertThat(s.leadTime()).isCloseTo(longestWithLags, within(TOL));
    }
  }

  @Test
  void overlapsAndLagsOfBothSignsStayConsistent() {
    Random rnd = new Random(7L);
    for (int trial = 0; trial < TRIALS; trial++) {
      List<NetworkOperation> ops = randomDag(rnd, 1 + rnd.nextInt(12), Mode.ANY);
      check(ops, quantity(rnd));
    }
  }

  @Test
  void randomGraphsWithCyclesAreReportedAndRejected() {
    Random rnd = new Random(99L);
    for (int trial = 0; trial < TRIALS; trial++) {
      int n = 1 + rnd.nextInt(7);
      List<NetworkOperation> ops = new ArrayList<>();
      Map<Integer, Set<Integer>> edges = new HashMap<>(); // pred -> successors
      for (int k = 1; k <= n; k++) {
        List<NetworkLink> links = new ArrayList<>();
        for (int j = 1; j <= n + 1; j++) { // n + 1 is unknown
          if (j != k && rnd.nextDouble() < 0.3) {
            links.add(new NetworkLink(j * 10, 0, 0));
            if (j <= n) {
              edges.computeIfAbsent(j * 10, x -> new HashSet<>()).add(k * 10);
            }
          }
        }
        ops.add(new NetworkOperation(k * 10, 1, 1, 0, 0, links));
      }
      List<NetworkProblem> problems = RoutingNetwork.validate(ops);
      List<String> cycles = new ArrayList<>();
      boolean capped = false;
      for (NetworkProblem p : problems) {
        if (p.code().equals("cycle") && p.message().startsWith("more than")) {
          capped = true;
        } else if (p.code().equals("cycle")) {
          cycles.add(p.message());
          String path = p.message().substring("cycle ".length(), p.message().indexOf(" / "));
          int[] nodes = Arrays.stream(path.split(" → ")).mapToInt(Integer::parseInt).toArray();
          assertThat(nodes[0]).isEqualTo(nodes[nodes.length - 1]);
          assertThat(Arrays.stream(nodes, 0, nodes.length - 1).distinct().count())
              .isEqualTo(nodes.length - 1);
          assertThat(Arrays.stream(nodes).min().getAsInt()).isEqualTo(nodes[0]);
          for (int i = 0; i + 1 < nodes.length; i++) {
            assertThat(edges.getOrDefault(nodes[i], Set.of())).contains(nodes[i + 1]);
          }
        }
      }
      assertThat(new HashSet<>(cycles)).hasSameSizeAs(cycles);
      assertThat(!cycles.isEmpty()).isEqualTo(hasCycle(n, edges));
      long expected = 0;
      for (int start = 1; start <= n; start++) {
        expected += countCycles(start, start, new boolean[n + 1], edges);
      }
      if (capped) {
        assertThat(cycles).hasSize(RoutingNetwork.MAX_CYCLES);
        assertThat(expected).isGreaterThan(RoutingNetwork.MAX_CYCLES);
      } else {
        assertThat(cycles).hasSize((int) expected); // every elementary cycle exactly once
      }
      if (problems.isEmpty()) {
        assertThat(RoutingNetwork.build(ops).schedule(3).leadTime()).isPositive();
      } else {
        assertThatThrownBy(() -> RoutingNetwork.build(ops))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  /** Brute force: simple cycles whose lowest node is {@code start}, found by plain DFS. */
  static long countCycles(int start, int v, boolean[] onPath, Map<Integer, Set<Integer>> edges) {
    long count = 0;
    onPath[v] = true;
    for (int w : edges.getOrDefault(v * 10, Set.of())) {
      int u = w / 10;
      if (u == start) {
        count++;
      } else if (u > start && !onPath[u]) {
        count += countCycles(start, u, onPath, edges);
      }
    }
    onPath[v] = false;
    return count;
  }

  static boolean hasCycle(int n, Map<Integer, Set<Integer>> edges) {
    int[] state = new int[n + 1];
    for (int v = 1; v <= n; v++) {
      if (state[v] == 0 && cycleFrom(v, edges, state)) {
        return true;
      }
    }
    return false;
  }

  static boolean cycleFrom(int v, Map<Integer, Set<Integer>> edges, int[] state) {
    state[v] = 1;
    for (int w : edges.getOrDefault(v * 10, Set.of())) {
      int u = w / 10;
      if (state[u] == 1 || state[u] == 0 && cycleFrom(u, edges, state)) {
        return true;
      }
    }
    state[v] = 2;
    return false;
  }

  static Map<Integer, NetworkOperation> byNo(List<NetworkOperation> ops) {
    Map<Integer, NetworkOperation> byNo = new HashMap<>();
    for (NetworkOperation op : ops) {
      byNo.put(op.opNo(), op);
    }
    return byNo;
  }

  /** Sum of durations (plus lags when asked) along every path from a start to the final op. */
  static List<Double> pathSums(List<NetworkOperation> ops, double q, boolean withLags) {
    Map<Integer, NetworkOperation> byNo = byNo(ops);
    RoutingNetwork net = RoutingNetwork.build(ops);
    List<Double> sums = new ArrayList<>();
    walk(net.finalOperation(), 0, byNo, q, withLags, sums);
    return sums;
  }

  static void walk(
      int no,
      double after,
      Map<Integer, NetworkOperation> byNo,
      double q,
      boolean withLags,
      List<Double> sums) {
    NetworkOperation op = byNo.get(no);
    double sum = after + op.duration(q);
    if (op.predecessors().isEmpty()) {
      sums.add(sum);
    }
    for (NetworkLink link : op.predecessors()) {
      walk(
          link.predecessorOpNo(),
          sum + (withLags ? link.lagMinutes() : 0),
          byNo,
          q,
          withLags,
          sums);
    }
  }

  /** Invariants every schedule must meet, and agreement with the relaxation oracle. */
  static Schedule check(List<NetworkOperation> ops, double q) {
    assertThat(RoutingNetwork.validate(ops)).isEmpty();
    RoutingNetwork net = RoutingNetwork.build(ops);
    Schedule s = net.schedule(q);
    Oracle oracle = new Oracle(ops, q);
    double lead = s.leadTime();
    assertThat(lead).isCloseTo(oracle.lead, within(TOL));
    int fin = net.finalOperation();
    for (NetworkOperation op : ops) {
      int no = op.opNo();
      int i = oracle.index.get(no);
      assertThat(s.earliestStart(no)).isCloseTo(oracle.es[i], within(TOL));
      assertThat(s.earliestFinish(no)).isCloseTo(oracle.ef[i], within(TOL));
      assertThat(s.latestStart(no)).isCloseTo(oracle.ls[i], within(TOL));
      assertThat(s.latestFinish(no)).isCloseTo(oracle.lf[i], within(TOL));
      assertThat(s.slack(no)).isGreaterThanOrEqualTo(0);
      assertThat(s.earliestStart(no))
          .isGreaterThanOrEqualTo(0)
          .isLessThanOrEqualTo(s.latestStart(no));
      assertThat(s.earliestFinish(no)).isLessThanOrEqualTo(s.latestFinish(no));
      assertThat(s.earliestFinish(no)).isLessThanOrEqualTo(lead);
      assertThat(s.earliestFinish(no) - s.earliestStart(no))
          .isGreaterThanOrEqualTo(op.duration(q) - TOL);
      assertThat(s.load(no)).isCloseTo(op.setupMinutes() + op.runMinutesPerUnit() * q, within(TOL));
    }
    assertThat(s.earliestFinish(fin)).isEqualTo(lead);
    List<Integer> path = s.criticalPath();
    assertThat(net.predecessors(path.get(0))).isEmpty();
    assertThat(path.get(path.size() - 1)).isEqualTo(fin);
    for (int k = 0; k < path.size(); k++) {
      assertThat(s.slack(path.get(k))).isLessThan(1e-9 * Math.max(1, lead));
      if (k > 0) {
        assertThat(net.predecessors(path.get(k))).contains(path.get(k - 1));
      }
    }
    List<Integer> topo = net.topologicalOrder();
    assertThat(topo).hasSize(ops.size()).endsWith(fin);
    for (int k = 0; k < topo.size(); k++) {
      for (int p : net.predecessors(topo.get(k))) {
        assertThat(topo.indexOf(p)).isLessThan(k);
        assertThat(net.successors(p)).contains(topo.get(k));
      }
    }
    return s;
  }

  /** Least and greatest solutions of the scheduling constraints by relaxation to a fixpoint. */
  static final class Oracle {
    final Map<Integer, Integer> index = new HashMap<>();
    final double[] es;
    final double[] ef;
    final double[] ls;
    final double[] lf;
    final double lead;

    Oracle(List<NetworkOperation> ops, double q) {
      int n = ops.size();
      for (int i = 0; i < n; i++) {
        index.put(ops.get(i).opNo(), i);
      }
      es = new double[n];
      ef = new double[n];
      double unit = q > 0 ? 1 : 0;
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int i = 0; i < n; i++) {
          NetworkOperation op = ops.get(i);
          double s = 0;
          double f = 0;
          for (NetworkLink l : op.predecessors()) {
            int p = index.get(l.predecessorOpNo());
            NetworkOperation pred = ops.get(p);
            s = Math.max(s, es[p]);
            s =
                Math.max(
                    s,
                    ef[p]
                        - pred.runMinutesPerUnit() * q * l.overlapPercent() / 100
                        + l.lagMinutes());
            if (l.overlapPercent() > 0 || l.lagMinutes() < 0) {
              f = Math.max(f, ef[p] + op.runMinutesPerUnit() * unit + op.moveMinutes());
            }
          }
          f = Math.max(f, s + op.duration(q));
          if (s > es[i] + 1e-12 || f > ef[i] + 1e-12) {
            es[i] = Math.max(es[i], s);
            ef[i] = Math.max(ef[i], f);
            changed = true;
          }
        }
      }
      double max = 0;
      for (double f : ef) {
        max = Math.max(max, f);
      }
      lead = max;
      ls = new double[n];
      lf = new double[n];
      Arrays.fill(ls, Double.POSITIVE_INFINITY);
      Arrays.fill(lf, Double.POSITIVE_INFINITY);
      for (int i = 0; i < n; i++) {
        if (ef[i] == lead) {
          lf[i] = lead;
        }
      }
      changed = true;
      while (changed) {
        changed = false;
        for (int i = 0; i < n; i++) {
          NetworkOperation op = ops.get(i);
          double s = Math.min(ls[i], lf[i] - op.duration(q));
          if (s < ls[i] - 1e-12) {
            ls[i] = s;
            changed = true;
          }
          for (NetworkLink l : op.predecessors()) {
            int p = index.get(l.predecessorOpNo());
            NetworkOperation pred = ops.get(p);
            double sp = Math.min(ls[p], ls[i]);
            double fp =
                Math.min(
                    lf[p],
                    ls[i]
                        + pred.runMinutesPerUnit() * q * l.overlapPercent() / 100
                        - l.lagMinutes());
            if (l.overlapPercent() > 0 || l.lagMinutes() < 0) {
              fp = Math.min(fp, lf[i] - op.runMinutesPerUnit() * unit - op.moveMinutes());
            }
            if (sp < ls[p] - 1e-12 || fp < lf[p] - 1e-12) {
              ls[p] = Math.min(ls[p], sp);
              lf[p] = Math.min(lf[p], fp);
              changed = true;
            }
          }
        }
      }
    }
  }
}
