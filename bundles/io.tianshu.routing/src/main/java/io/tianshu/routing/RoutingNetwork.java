package io.tianshu.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A validated routing operation network that schedules lots: lead time, earliest and latest times,
 * slack, critical path and work-centre load, all in working minutes from 0.
 *
 * <h2>Links</h2>
 *
 * When no operation lists a predecessor the routing is linear in ascending operation number (the
 * classic routing: each operation finish-to-start after the previous one). As soon as any operation
 * lists predecessors the links are exactly as given; operations without predecessors are start
 * operations, and exactly one operation (the final one) may be nobody's predecessor.
 *
 * <h2>Scheduling rules</h2>
 *
 * For quantity q, operation i has duration d = queue + setup + run·q + move. Each operation has a
 * start and a finish:
 *
 * <ul>
 *   <li>ES = 0 for start operations.
 *   <li>For each link (predecessor p, overlap o %, lag L): release = EF<sub>p</sub> −
 *       run<sub>p</sub>·q·o/100 + L, and ES<sub>i</sub> ≥ max(release, ES<sub>p</sub>) (never
 *       before the predecessor starts, never before 0).
 *   <li>EF<sub>i</sub> = ES<sub>i</sub> + d<sub>i</sub>, but for an overlapping link (o &gt; 0 or L
 *       &lt; 0) the last piece arrives at EF<sub>p</sub> and still needs one unit of run (none when
 *       q = 0) plus the move: EF<sub>i</sub> ≥ EF<sub>p</sub> + run<sub>i</sub>·[q &gt; 0] +
 *       move<sub>i</sub>.
 *   <li>Lead time = EF of the final operation, which is the largest EF (every link keeps EF
 *       <sub>i</sub> ≥ EF<sub>p</sub>).
 *   <li>The backward pass applies the same constraints in reverse from LF<sub>final</sub> = lead
 *       time: LF<sub>i</sub> = min over successors j of (LS<sub>j</sub> + run<sub>i</sub>·q·o/100 −
 *       L) and, for overlapping links, (LF<sub>j</sub> − run<sub>j</sub>·[q &gt; 0] −
 *       move<sub>j</sub>); LS<sub>i</sub> = min(LF<sub>i</sub> − d<sub>i</sub>, LS<sub>j</sub> of
 *       every successor).
 * </ul>
 *
 * The forward pass is the earliest and the backward pass the latest solution of the same system of
 * constraints, so LS ≥ ES and LF ≥ EF always.
 *
 * <p><b>Two refinements of the original brief</b>, both identical to it in the common case:
 *
 * <ol>
 *   <li>The brief's release is ES<sub>p</sub> + queue<sub>p</sub> + setup<sub>p</sub> +
 *       run<sub>p</sub>·q·(1 − o/100) + move<sub>p</sub> + L. That equals the rule above whenever
 *       EF<sub>p</sub> = ES<sub>p</sub> + d<sub>p</sub>; but when p is itself held back by the
 *       last-piece rule (EF<sub>p</sub> &gt; ES<sub>p</sub> + d<sub>p</sub>) it would let a plain
 *       finish-to-start successor start, and even finish, before p finishes, so the final operation
 *       would no longer have the largest EF. Measuring the overlap back from the real finish keeps
 *       o = 0, L = 0 exactly finish-to-start.
 *   <li>{@link Schedule#slack} is the total slack min(LS − ES, LF − EF). It equals LS − ES unless
 *       the last-piece rule stretches the operation: such an operation can start later without
 *       harm, but not finish later, and with LS − ES alone a last-piece-bound final operation would
 *       not be critical and no zero-slack chain would reach the end.
 * </ol>
 *
 * The critical path follows binding links between zero-slack operations (a link is binding when it
 * determines the successor's ES or EF) from a start operation to the final one; among several it is
 * the one with the lowest operation numbers, compared in order. "Zero" means within 1e-9·max(1,
 * lead time) minutes.
 *
 * <p>After {@link #build} the network is kept in arrays indexed by topological position; {@link
 * #schedule} allocates only the arrays of its result and is safe to call from several threads.
 */
public final class RoutingNetwork {
  /** Cycles listed by {@link #validate} before it gives up counting them. */
  static final int MAX_CYCLES = 50;

  private final int n;
  // Operations by topological position; the final operation is at n - 1.
  private final int[] opNo;
  private final double[] setup;
  private final double[] run;
  private final double[] move;
  private final double[] fixed; // queue + setup + move
  // Links grouped by successor position (CSR): predStart[i]..predStart[i+1]-1, by predecessor no.
  private final int[] predStart;
  private final int[] linkFrom;
  private final int[] linkTo;
  private final double[] linkCut; // overlap as a fraction
  private final double[] linkLag;
  private final boolean[] linkOverlap;
  // The same links grouped by predecessor position, by successor number: indices into link*.
  private final int[] succStart;
  private final int[] succLink;
  // opNo lookup: sorted numbers and their positions.
  private final int[] sortedOpNo;
  private final int[] sortedPos;
  private final List<Integer> topologicalOrder;

  private RoutingNetwork(List<NetworkOperation> ops) {
    n = ops.size();
    boolean linear = ops.stream().allMatch(op -> op.predecessors().isEmpty());
    Map<Integer, Integer> inputIndex = new HashMap<>();
    for (int k = 0; k < n; k++) {
      inputIndex.put(ops.get(k).opNo(), k);
    }
    // Effective links per input index.
    List<List<NetworkLink>> links = new ArrayList<>();
    if (linear) {
      Integer[] ascending = new Integer[n];
      for (int k = 0; k < n; k++) {
        ascending[k] = k;
        links.add(List.of());
      }
      Arrays.sort(ascending, (a, b) -> Integer.compare(ops.get(a).opNo(), ops.get(b).opNo()));
      for (int k = 1; k < n; k++) {
        links.set(ascending[k], List.of(NetworkLink.after(ops.get(ascending[k - 1]).opNo())));
      }
    } else {
      for (NetworkOperation op : ops) {
        links.add(op.predecessors());
      }
    }
    // Kahn's algorithm, lowest operation number first among the ready ones.
    int[] missing = new int[n];
    List<List<Integer>> successorsOf = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      successorsOf.add(new ArrayList<>());
    }
    for (int k = 0; k < n; k++) {
      missing[k] = links.get(k).size();
      for (NetworkLink link : links.get(k)) {
        successorsOf.get(inputIndex.get(link.predecessorOpNo())).add(k);
      }
    }
    PriorityQueue<Integer> ready =
        new PriorityQueue<>((a, b) -> Integer.compare(ops.get(a).opNo(), ops.get(b).opNo()));
    for (int k = 0; k < n; k++) {
      if (missing[k] == 0) {
        ready.add(k);
      }
    }
    int[] order = new int[n];
    int[] position = new int[n];
    for (int t = 0; t < n; t++) {
      int k = ready.remove();
      order[t] = k;
      position[k] = t;
      for (int s : successorsOf.get(k)) {
        if (--missing[s] == 0) {
          ready.add(s);
        }
      }
    }

    opNo = new int[n];
    setup = new double[n];
    run = new double[n];
    move = new double[n];
    fixed = new double[n];
    predStart = new int[n + 1];
    int linkCount = 0;
    for (List<NetworkLink> l : links) {
      linkCount += l.size();
    }
    linkFrom = new int[linkCount];
    linkTo = new int[linkCount];
    linkCut = new double[linkCount];
    linkLag = new double[linkCount];
    linkOverlap = new boolean[linkCount];
    int[] outDegree = new int[n];
    int next = 0;
    for (int t = 0; t < n; t++) {
      NetworkOperation op = ops.get(order[t]);
      opNo[t] = op.opNo();
      setup[t] = op.setupMinutes();
      run[t] = op.runMinutesPerUnit();
      move[t] = op.moveMinutes();
      fixed[t] = op.queueMinutes() + op.setupMinutes() + op.moveMinutes();
      predStart[t] = next;
      List<NetworkLink> sorted = new ArrayList<>(links.get(order[t]));
      sorted.sort((a, b) -> Integer.compare(a.predecessorOpNo(), b.predecessorOpNo()));
      for (NetworkLink link : sorted) {
        int from = position[inputIndex.get(link.predecessorOpNo())];
        linkFrom[next] = from;
        linkTo[next] = t;
        linkCut[next] = link.overlapPercent() / 100.0;
        linkLag[next] = link.lagMinutes();
        linkOverlap[next] = link.overlapping();
        outDegree[from]++;
        next++;
      }
    }
    predStart[n] = next;
    succStart = new int[n + 1];
    for (int t = 0; t < n; t++) {
      succStart[t + 1] = succStart[t] + outDegree[t];
    }
    succLink = new int[linkCount];
    int[] fill = Arrays.copyOf(succStart, n);
    // Successor positions grow with the link index, but order by successor number explicitly.
    Integer[] byTarget = new Integer[linkCount];
    for (int k = 0; k < linkCount; k++) {
      byTarget[k] = k;
    }
    Arrays.sort(byTarget, (a, b) -> Integer.compare(opNo[linkTo[a]], opNo[linkTo[b]]));
    for (int k : byTarget) {
      succLink[fill[linkFrom[k]]++] = k;
    }
    sortedPos = new int[n];
    Integer[] byNumber = new Integer[n];
    for (int t = 0; t < n; t++) {
      byNumber[t] = t;
    }
    Arrays.sort(byNumber, (a, b) -> Integer.compare(opNo[a], opNo[b]));
    sortedOpNo = new int[n];
    for (int r = 0; r < n; r++) {
      sortedPos[r] = byNumber[r];
      sortedOpNo[r] = opNo[byNumber[r]];
    }
    List<Integer> topo = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      topo.add(opNo[t]);
    }
    topologicalOrder = Collections.unmodifiableList(topo);
  }

  /**
   * Builds the network.
   *
   * @throws IllegalArgumentException listing every problem {@link #validate} finds
   */
  public static RoutingNetwork build(List<NetworkOperation> ops) {
    List<NetworkProblem> problems = validate(ops);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          problems.stream().map(NetworkProblem::message).collect(Collectors.joining("; ")));
    }
    return new RoutingNetwork(List.copyOf(ops));
  }

  /**
   * Every problem of the operation list, in input order of the operations, then cycles, then
   * several final operations; empty when {@link #build} would succeed. Codes: {@code empty}, {@code
   * null_operation}, {@code invalid_op_no}, {@code duplicate_op_no}, {@code negative_time} (also
   * for NaN or infinite times), {@code overlap_out_of_range}, {@code invalid_lag} (NaN or
   * infinite), {@code unknown_predecessor}, {@code self_link}, {@code duplicate_link}, {@code
   * cycle} (each elementary cycle once, as a path from its lowest operation back to it; at most
   * {@value #MAX_CYCLES}) and {@code several_ends}.
   */
  public static List<NetworkProblem> validate(List<NetworkOperation> ops) {
    List<NetworkProblem> problems = new ArrayList<>();
    if (ops == null || ops.isEmpty()) {
      problems.add(
          new NetworkProblem(null, -1, "empty", "the routing has no operations / 工艺路线没有工序"));
      return problems;
    }
    Map<Integer, Integer> firstIndex = new HashMap<>();
    boolean linear = true;
    for (int i = 0; i < ops.size(); i++) {
      NetworkOperation op = ops.get(i);
      if (op != null) {
        firstIndex.putIfAbsent(op.opNo(), i);
        linear &= op.predecessors().isEmpty();
      }
    }
    for (int i = 0; i < ops.size(); i++) {
      NetworkOperation op = ops.get(i);
      if (op == null) {
        problems.add(
            new NetworkProblem(
                null, i, "null_operation", "position " + i + " holds no operation / 该位置没有工序"));
        continue;
      }
      int no = op.opNo();
      if (no <= 0) {
        problems.add(
            new NetworkProblem(
                no,
                i,
                "invalid_op_no",
                "operation number " + no + " must be positive / 工序号必须为正整数"));
      }
      int first = firstIndex.get(no);
      if (first != i) {
        problems.add(
            new NetworkProblem(
                no,
                i,
                "duplicate_op_no",
                "operation "
                    + no
                    + " is listed more than once (first at position "
                    + first
                    + ") / 工序号重复"));
      }
      checkTime(problems, no, i, "setup time", "准备时间", op.setupMinutes());
      checkTime(problems, no, i, "run time per unit", "单件加工时间", op.runMinutesPerUnit());
      checkTime(problems, no, i, "queue time", "排队时间", op.queueMinutes());
      checkTime(problems, no, i, "move time", "移动时间", op.moveMinutes());
      Set<Integer> seen = new HashSet<>();
      Set<Integer> repeated = new HashSet<>();
      for (NetworkLink link : op.predecessors()) {
        int pred = link.predecessorOpNo();
        double overlap = link.overlapPercent();
        if (!(overlap >= 0 && overlap < 100)) {
          problems.add(
              new NetworkProblem(
                  no,
                  i,
                  "overlap_out_of_range",
                  "operation "
                      + no
                      + ": overlap "
                      + num(overlap)
                      + " % with predecessor "
                      + pred
                      + " must be at least 0 and below 100 / 重叠百分比必须在 0 到 100 之间（不含 100）"));
        }
        if (!Double.isFinite(link.lagMinutes())) {
          problems.add(
              new NetworkProblem(
                  no,
                  i,
                  "invalid_lag",
                  "operation "
                      + no
                      + ": lag to predecessor "
                      + pred
                      + " must be a finite number of minutes / 滞后时间必须是有限数值"));
        }
        if (pred == no) {
          problems.add(
              new NetworkProblem(
                  no,
                  i,
                  "self_link",
                  "operation " + no + " lists itself as predecessor / 工序不能以自身为前道工序"));
        } else if (!firstIndex.containsKey(pred)) {
          problems.add(
              new NetworkProblem(
                  no,
                  i,
                  "unknown_predecessor",
                  "operation "
                      + no
                      + ": predecessor "
                      + pred
                      + " is not an operation of this routing / 前道工序不存在"));
        }
        if (!seen.add(pred) && repeated.add(pred)) {
          problems.add(
              new NetworkProblem(
                  no,
                  i,
                  "duplicate_link",
                  "operation " + no + " lists predecessor " + pred + " more than once / 前道工序重复"));
        }
      }
    }
    if (!linear) {
      checkGraph(ops, firstIndex, problems);
    }
    return problems;
  }

  /** Cycles and several final operations, on the links between known operations. */
  private static void checkGraph(
      List<NetworkOperation> ops, Map<Integer, Integer> firstIndex, List<NetworkProblem> problems) {
    int[] nodes = firstIndex.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    Map<Integer, Integer> node = new HashMap<>();
    for (int v = 0; v < nodes.length; v++) {
      node.put(nodes[v], v);
    }
    List<TreeSet<Integer>> out = new ArrayList<>();
    for (int v = 0; v < nodes.length; v++) {
      out.add(new TreeSet<>());
    }
    for (NetworkOperation op : ops) {
      if (op == null) {
        continue;
      }
      for (NetworkLink link : op.predecessors()) {
        Integer from = node.get(link.predecessorOpNo());
        if (from != null && link.predecessorOpNo() != op.opNo()) {
          out.get(from).add(node.get(op.opNo()));
        }
      }
    }
    int[][] adj = new int[nodes.length][];
    List<Integer> ends = new ArrayList<>();
    for (int v = 0; v < nodes.length; v++) {
      adj[v] = out.get(v).stream().mapToInt(Integer::intValue).toArray();
      if (adj[v].length == 0) {
        ends.add(nodes[v]);
      }
    }
    List<int[]> cycles = NetworkCycles.find(adj, MAX_CYCLES);
    for (int c = 0; c < Math.min(cycles.size(), MAX_CYCLES); c++) {
      StringBuilder path = new StringBuilder("cycle ");
      for (int v : cycles.get(c)) {
        path.append(nodes[v]).append(" → ");
      }
      path.append(nodes[cycles.get(c)[0]]).append(" / 工序网络存在循环");
      problems.add(new NetworkProblem(null, -1, "cycle", path.toString()));
    }
    if (cycles.size() > MAX_CYCLES) {
      problems.add(
          new NetworkProblem(
              null,
              -1,
              "cycle",
              "more than "
                  + MAX_CYCLES
                  + " cycles; only the first "
                  + MAX_CYCLES
                  + " are listed / 循环过多，仅列出前 "
                  + MAX_CYCLES
                  + " 个"));
    }
    if (ends.size() > 1) {
      problems.add(
          new NetworkProblem(
              null,
              -1,
              "several_ends",
              "operations "
                  + ends.stream().map(String::valueOf).collect(Collectors.joining(", "))
                  + " have no successor; a routing must end in exactly one final operation"
                  + " / 工序网络只能有一个末道工序"));
    }
  }

  private static void checkTime(
      List<NetworkProblem> problems, int no, int index, String what, String chinese, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      problems.add(
          new NetworkProblem(
              no,
              index,
              "negative_time",
              "operation "
                  + no
                  + ": "
                  + what
                  + " "
                  + num(v)
                  + " must be a finite number of minutes ≥ 0 / "
                  + chinese
                  + "不能为负"));
    }
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** Operation numbers in topological order (lowest number first among ready operations). */
  public List<Integer> topologicalOrder() {
    return topologicalOrder;
  }

  /** Effective predecessors of {@code opNo}, ascending (the implied one in a linear routing). */
  public List<Integer> predecessors(int opNo) {
    int t = position(opNo);
    List<Integer> result = new ArrayList<>(predStart[t + 1] - predStart[t]);
    for (int k = predStart[t]; k < predStart[t + 1]; k++) {
      result.add(this.opNo[linkFrom[k]]);
    }
    return Collections.unmodifiableList(result);
  }

  /** Effective successors of {@code opNo}, ascending (the implied one in a linear routing). */
  public List<Integer> successors(int opNo) {
    int t = position(opNo);
    List<Integer> result = new ArrayList<>(succStart[t + 1] - succStart[t]);
    for (int m = succStart[t]; m < succStart[t + 1]; m++) {
      result.add(this.opNo[linkTo[succLink[m]]]);
    }
    return Collections.unmodifiableList(result);
  }

  /** The one operation that is nobody's predecessor. */
  public int finalOperation() {
    return opNo[n - 1];
  }

  /** Number of operations. */
  public int size() {
    return n;
  }

  /**
   * Forward and backward pass for a lot of {@code quantity} units (see the class comment).
   *
   * @throws IllegalArgumentException when the quantity is negative, NaN or infinite
   */
  public Schedule schedule(double quantity) {
    if (!(quantity >= 0) || Double.isInfinite(quantity)) {
      throw new IllegalArgumentException("quantity must be a finite number ≥ 0: " + quantity);
    }
    final double q = quantity;
    final double unit = q > 0 ? 1 : 0;
    double[] es = new double[n];
    double[] ef = new double[n];
    double[] ls = new double[n];
    double[] lf = new double[n];
    for (int i = 0; i < n; i++) {
      double start = 0;
      for (int k = predStart[i]; k < predStart[i + 1]; k++) {
        double release = release(k, q, es, ef);
        if (release > start) {
          start = release;
        }
      }
      double finish = start + fixed[i] + run[i] * q;
      double lastPiece = run[i] * unit + move[i];
      for (int k = predStart[i]; k < predStart[i + 1]; k++) {
        if (linkOverlap[k] && ef[linkFrom[k]] + lastPiece > finish) {
          finish = ef[linkFrom[k]] + lastPiece;
        }
      }
      es[i] = start;
      ef[i] = finish;
    }
    double lead = ef[n - 1];
    for (int i = n - 1; i >= 0; i--) {
      double latestFinish = i == n - 1 ? lead : Double.POSITIVE_INFINITY;
      double latestStart = Double.POSITIVE_INFINITY;
      double runLot = run[i] * q;
      for (int m = succStart[i]; m < succStart[i + 1]; m++) {
        int k = succLink[m];
        int j = linkTo[k];
        double bound = ls[j] + runLot * linkCut[k] - linkLag[k];
        if (bound < latestFinish) {
          latestFinish = bound;
        }
        if (linkOverlap[k]) {
          bound = lf[j] - (run[j] * unit + move[j]);
          if (bound < latestFinish) {
            latestFinish = bound;
          }
        }
        if (ls[j] < latestStart) {
          latestStart = ls[j];
        }
      }
      double bound = latestFinish - (fixed[i] + runLot);
      if (bound < latestStart) {
        latestStart = bound;
      }
      // LS >= ES and LF >= EF hold exactly; max() only absorbs rounding in the last bit.
      lf[i] = Math.max(latestFinish, ef[i]);
      ls[i] = Math.max(latestStart, es[i]);
    }
    return new Schedule(this, q, es, ef, ls, lf);
  }

  /** Earliest start link k allows its successor: max(EF_p − run_p·q·o + L, ES_p). */
  private double release(int k, double q, double[] es, double[] ef) {
    int p = linkFrom[k];
    double release = ef[p] - run[p] * q * linkCut[k] + linkLag[k];
    return release > es[p] ? release : es[p];
  }

  int position(int opNo) {
    int r = Arrays.binarySearch(sortedOpNo, opNo);
    if (r < 0) {
      throw new IllegalArgumentException("operation " + opNo + " is not in this routing");
    }
    return sortedPos[r];
  }

  double load(int position, double quantity) {
    return setup[position] + run[position] * quantity;
  }

  /**
   * Critical path on the event graph (start and finish of every operation): tight edges between
   * events with zero slack, from the start of a start operation to the finish of the final one,
   * choosing the lowest operation number at every step.
   */
  List<Integer> criticalPath(double q, double[] es, double[] ef, double[] ls, double[] lf) {
    double tol = 1e-9 * Math.max(1, Math.abs(ef[n - 1]));
    double unit = q > 0 ? 1 : 0;
    // reachS / reachF: the event is critical and a chain of tight critical edges leads from it
    // to the finish of the final operation.
    boolean[] reachS = new boolean[n];
    boolean[] reachF = new boolean[n];
    for (int i = n - 1; i >= 0; i--) {
      boolean f = i == n - 1;
      boolean s = false;
      if (lf[i] - ef[i] <= tol) {
        for (int m = succStart[i]; m < succStart[i + 1] && !f; m++) {
          int k = succLink[m];
          int j = linkTo[k];
          f =
              reachS[j] && startTight(k, q, es, ef, tol)
                  || reachF[j] && finishTight(k, unit, ef, tol);
        }
      }
      reachF[i] = f;
      if (ls[i] - es[i] <= tol) {
        s = f && ownTight(i, q, es, ef, tol);
        for (int m = succStart[i]; m < succStart[i + 1] && !s; m++) {
          int k = succLink[m];
          s = reachS[linkTo[k]] && sameStartTight(k, es, tol);
        }
      }
      reachS[i] = s;
    }
    int first = -1;
    for (int i = 0; i < n; i++) {
      if (predStart[i] == predStart[i + 1] && reachS[i] && (first < 0 || opNo[i] < opNo[first])) {
        first = i;
      }
    }
    if (first < 0) {
      return fallbackPath(es, ef, ls, lf);
    }
    List<Integer> path = new ArrayList<>();
    int cur = first;
    boolean atStart = true;
    boolean atFinish = false;
    while (true) {
      path.add(opNo[cur]);
      if (atStart && reachF[cur] && ownTight(cur, q, es, ef, tol)) {
        atFinish = true;
      }
      if (cur == n - 1) {
        return Collections.unmodifiableList(path);
      }
      int best = -1;
      boolean bestS = false;
      boolean bestF = false;
      for (int m = succStart[cur]; m < succStart[cur + 1]; m++) {
        int k = succLink[m];
        int j = linkTo[k];
        boolean viaS =
            reachS[j]
                && (atStart && sameStartTight(k, es, tol)
                    || atFinish && startTight(k, q, es, ef, tol));
        boolean viaF = atFinish && reachF[j] && finishTight(k, unit, ef, tol);
        if ((viaS || viaF) && (best < 0 || opNo[j] < opNo[best])) {
          best = j;
          bestS = viaS;
          bestF = viaF;
        }
      }
      if (best < 0) {
        return fallbackPath(es, ef, ls, lf);
      }
      cur = best;
      atStart = bestS;
      atFinish = bestF;
    }
  }

  /** The finish of the link's predecessor releases the successor's start (F_p → S_j tight). */
  private boolean startTight(int k, double q, double[] es, double[] ef, double tol) {
    int p = linkFrom[k];
    return Math.abs(es[linkTo[k]] - (ef[p] - run[p] * q * linkCut[k] + linkLag[k])) <= tol;
  }

  /** The successor may not start before the predecessor starts, and that binds (S_p → S_j). */
  private boolean sameStartTight(int k, double[] es, double tol) {
    return Math.abs(es[linkTo[k]] - es[linkFrom[k]]) <= tol;
  }

  /** The last piece of an overlapping link determines the successor's finish (F_p → F_j). */
  private boolean finishTight(int k, double unit, double[] ef, double tol) {
    int j = linkTo[k];
    return linkOverlap[k] && Math.abs(ef[j] - (ef[linkFrom[k]] + run[j] * unit + move[j])) <= tol;
  }

  /** The operation's own duration determines its finish (S_i → F_i). */
  private boolean ownTight(int i, double q, double[] es, double[] ef, double tol) {
    return Math.abs(ef[i] - (es[i] + fixed[i] + run[i] * q)) <= tol;
  }

  /** Only for rounding accidents: back from the final operation along the least slack. */
  private List<Integer> fallbackPath(double[] es, double[] ef, double[] ls, double[] lf) {
    List<Integer> path = new ArrayList<>();
    int cur = n - 1;
    path.add(opNo[cur]);
    while (predStart[cur] < predStart[cur + 1]) {
      int best = -1;
      double bestSlack = Double.POSITIVE_INFINITY;
      for (int k = predStart[cur]; k < predStart[cur + 1]; k++) {
        int p = linkFrom[k];
        double slack = Math.min(ls[p] - es[p], lf[p] - ef[p]);
        if (slack < bestSlack || slack == bestSlack && opNo[p] < opNo[best]) {
          best = p;
          bestSlack = slack;
        }
      }
      cur = best;
      path.add(opNo[cur]);
    }
    Collections.reverse(path);
    return Collections.unmodifiableList(path);
  }
}
