package io.tianshu.planning.engine;

import io.tianshu.resource.WorkCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Capable-to-promise (CTP, 可承诺能力): the date an order line can be delivered, from the
 * available-to-promise of its material and, for what is missing, from making it out of its
 * components or buying it within the lead times. Pure, deterministic and in memory.
 *
 * <h2>Rules</h2>
 *
 * <p>A <em>requirement</em> is (material m, quantity q, need date d) with d not before {@code
 * today}. A line is the requirement (its material, its quantity, the later of its requested date
 * and {@code today}); its promised date is the requirement's date. Lines are promised in list
 * order, and what a line takes stays taken: later lines see less.
 *
 * <ol>
 *   <li><b>Free quantity.</b> ATP(m, d) is the cumulative available-to-promise at d of {@link
 *       AvailableToPromise#of AvailableToPromise.of(today, onHand, supplies, committed)} of m, less
 *       {@code taken(m)}: what earlier requirements of this call (earlier lines, and earlier
 *       branches of this line's structure) already took from m's ATP. The ATP part is {@code a =
 *       min(q, max(0, ATP(m, d)))}, the shortfall {@code s = q − a}. When {@code s} is zero
 *       (tolerance {@link #EPSILON} × max(1, q)) the requirement takes q and is ready on d.
 *   <li><b>Bought</b> ({@code make == false}): the shortfall arrives on {@code max(d,
 *       plusWorkingDays(onOrAfter(today), leadTime))}.
 *   <li><b>Made</b> ({@code make == true}): the release date is {@code r0 = plusWorkingDays(d,
 *       −leadTime)} (d itself for lead time 0) and {@code r = max(r0, today)}. Each component c, in
 *       list order, is the requirement (c, s × quantityPer, r), resolved by these same rules,
 *       giving its ready date; the production can start on {@code st} = the latest of r and the
 *       components' ready dates. The shortfall is ready on d when {@code st == r0} (all components
 *       in time, and in time for the lead time), else on {@code max(d, plusWorkingDays(st,
 *       leadTime))}. A made item without components needs only its lead time.
 *   <li><b>Make or buy date</b> {@code D} = the shortfall's ready date (never before d, the ATP
 *       part being there on d). This path takes a from m and what the component requirements took.
 *   <li><b>Waiting instead.</b> {@code E = earliest(taken(m) + q, d)} of m's {@link
 *       AvailableToPromise#earliest ATP}: the first date its planned supply covers the whole
 *       quantity. If E exists and is strictly before D, the requirement is ready on E instead: what
 *       the make or buy path took (from m and from all components below) is given back and the
 *       requirement takes the whole q from m. On a tie the make or buy path is kept.
 * </ol>
 *
 * <h2>Capacity</h2>
 *
 * <p>With a {@link CtpCapacity} (the overload with five arguments) a made shortfall also needs the
 * work of its material's routing; without one, or for a made material without routing, the rules
 * above are all. Let {@code R} be the ready date of rule 3 and st the production start. The
 * operations run in ascending sequence; operation k has the work {@code w_k = setup + run × s}
 * minutes ({@link LoadOperation#work}) at its work centre and starts on {@code s_1 = st}, {@code
 * s_(k+1) = f_k}. It takes the work centre's remaining capacity day by day from {@code s_k} on,
 * each day as much as is left (all of it, or what the operation still needs), and finishes on
 * {@code f_k}, the day it takes its last minute; an operation without work ({@code w_k} ≤ {@link
 * CapacityEngine#TOLERANCE}) finishes on {@code s_k} and needs no capacity. So a day's capacity is
 * shared by consecutive operations, and an operation never finishes before the one before it. The
 * shortfall is ready on {@code max(R, f_last)}: the lead time stays the least throughput time, and
 * the work, started as soon as the components are there, can only make the date later.
 *
 * <ul>
 *   <li><b>Days.</b> The capacity model is the truth about working time: a day without capacity (a
 *       weekend, a holiday, or a day the released plan already fills) is skipped because it has
 *       none, not because of the calendar, so a work centre's own shifts count. Days before the
 *       horizon have no capacity.
 *   <li><b>Beyond the horizon.</b> Work that does not fit into the horizon is done on the first day
 *       after it (or on {@code s_k} when that is later): capacity there is not known, so the
 *       promise is a lower bound, "not promisable within the horizon", marked by {@link
 *       CtpBottleneck#beyondHorizon()} when it sets the date. A production starting after the
 *       horizon is not capacity checked.
 *   <li><b>Consumed.</b> What a requirement takes from the remaining capacity stays taken for the
 *       later requirements of the call, like the materials' {@code taken}; when the requirement
 *       waits for planned supply instead (rule 5) the capacity taken by its make path, and by the
 *       make paths of all components below, is given back.
 *   <li><b>Unlimited capacity</b> on every day from today (a horizon reaching past every start)
 *       gives {@code f_last = st} ≤ R, hence the results of the rules without capacity. Less
 *       remaining capacity on any day never makes {@code f_last} earlier for the same start, and a
 *       later start never does either, so a requirement whose structure is a tree with work centres
 *       of its own is never promised earlier with less capacity. Requirements that share work
 *       centres or materials are served greedily in order, so less capacity for an earlier one can
 *       leave more for a later one (as less stock can).
 * </ul>
 *
 * <p><b>Constraints</b> ({@link CtpResult#constraints()}): empty when the line is ready on its need
 * date. Otherwise the critical path: the line's material (with its shortfall s, or q − a when
 * waiting for supply, and its ready date), then, when it is made and was not waited for, the
 * component with the latest ready date (the first in list order on ties) if that component was
 * itself late for the release date, and so on downwards. A requirement late only because its
 * release date lay before today ends the path: its own lead time set the date. When capacity set a
 * made material's date ({@code f_last > R}), its entry carries the {@link CtpBottleneck}: the
 * operation with the most days from its start to its finish ({@code f_k − s_k}, the first in
 * sequence on ties), whose work centre was full on {@code [s_k, f_k)}; the path still goes on to a
 * late component, which delayed the start.
 *
 * <p><b>Checks.</b> Every material reachable from the lines through the components must be in
 * {@code items}, under its own id; a cycle in the components is refused naming the path ({@code
 * "component cycle: 1 -> 2 -> 1 / …"}), and so is a structure deeper than {@value #MAX_DEPTH}
 * levels (the line's material being level 1). All checks are done before anything is promised.
 *
 * <p><b>Implementation.</b> The reachable materials get dense indexes (in order of discovery: lines
 * in list order, components depth first in list order); each material's {@link AvailableToPromise}
 * is built once per call, when first needed. Requirements are resolved depth first; the taken
 * quantities live in an array with an undo log, so the waiting alternative rolls a whole subtree
 * back in time proportional to what it took. The work is proportional to the number of (line, path
 * in the structure) pairs that have a shortfall, plus their components. With capacity, each work
 * centre's remaining minutes are one {@code double[]} copied when first loaded, changed in place
 * with an undo log like {@code taken}, and each work centre remembers the first day of the horizon
 * not yet used up, so loading skips a full front of days at once; an operation costs the days it
 * scans.
 */
public final class CtpEngine {

  /** Tolerance for comparing quantities, relative to quantities above 1. */
  public static final double EPSILON = AvailableToPromise.EPSILON;

  /** Deepest accepted structure, in levels; the line's material is level 1. */
  public static final int MAX_DEPTH = 64;

  private CtpEngine() {}

  /**
   * Promises the lines; see the class comment for the rules.
   *
   * @param items the items by material id; only the materials reachable from the lines are used
   * @param lines the order lines, in priority order (the first is served first)
   * @param calendar the work calendar for lead-time offsets
   * @param today the date of the promise; nothing is ready before it
   * @return one result per line, in the order of {@code lines}
   * @throws IllegalArgumentException if an argument or a line is null, a material is not in {@code
   *     items} (naming it), an item is filed under another id, the components form a cycle (naming
   *     the path) or the structure is deeper than {@value #MAX_DEPTH} levels
   * @throws IllegalStateException if the calendar has no working day where one is needed
   */
  public static List<CtpResult> promise(
      Map<Long, CtpItem> items, List<CtpLine> lines, WorkCalendar calendar, LocalDate today) {
    return promise(items, lines, calendar, today, null);
  }

  /**
   * Promises the lines checking components and capacity; see the class comment for the rules.
   * Without a capacity model the same as {@link #promise(Map, List, WorkCalendar, LocalDate)}.
   *
   * @param items the items by material id; only the materials reachable from the lines are used
   * @param lines the order lines, in priority order (the first is served first)
   * @param calendar the work calendar for lead-time offsets
   * @param today the date of the promise; nothing is ready before it
   * @param capacity the routings and remaining work-centre capacity, or null for none
   * @return one result per line, in the order of {@code lines}
   * @throws IllegalArgumentException as for the overload without capacity, and if the routing of a
   *     reachable made material repeats an operation sequence (naming the material)
   * @throws IllegalStateException if the calendar has no working day where one is needed
   */
  public static List<CtpResult> promise(
      Map<Long, CtpItem> items,
      List<CtpLine> lines,
      WorkCalendar calendar,
      LocalDate today,
      CtpCapacity capacity) {
    require(items != null, "items are required / 物料表必填");
    require(lines != null, "lines are required / 订单行列表必填");
    require(calendar != null, "calendar is required / 工作日历必填");
    require(today != null, "today is required / 承诺日期必填");
    CtpLine[] l = new CtpLine[lines.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = lines.get(i);
      require(l[i] != null, "CTP line #" + (i + 1) + " is null / 第 " + (i + 1) + " 个 CTP 订单行为空");
    }
    Run run = new Run(items, calendar, today, capacity);
    int[] root = new int[l.length];
    long[] path = new long[MAX_DEPTH];
    for (int i = 0; i < l.length; i++) {
      root[i] = run.visit(l[i].materialId(), path, 0);
    }
    run.freeze();

    List<CtpResult> results = new ArrayList<>(l.length);
    long todayDay = today.toEpochDay();
    for (int i = 0; i < l.length; i++) {
      CtpLine line = l[i];
      long need = Math.max(todayDay, line.requested().toEpochDay());
      Node n = run.resolve(root[i], line.quantity(), need);
      run.commit();
      LocalDate promised = LocalDate.ofEpochDay(n.day);
      List<CtpShortage> constraints = new ArrayList<>();
      for (Node c = n; c != null && c.late; c = c.next) {
        constraints.add(
            new CtpShortage(
                c.materialId, c.shortQuantity, LocalDate.ofEpochDay(c.day), c.bottleneck));
      }
      results.add(
          new CtpResult(
              line.id(),
              line.materialId(),
              line.quantity(),
              line.requested(),
              promised,
              !promised.isAfter(line.requested()),
              constraints));
    }
    return results;
  }

  /**
   * A resolved requirement: its ready day; if late (ready after its need day), its material, the
   * quantity short on the need day, the next node of the critical path (or null) and the bottleneck
   * when capacity set the day (or null).
   */
  private record Node(
      long day,
      boolean late,
      long materialId,
      double shortQuantity,
      Node next,
      CtpBottleneck bottleneck) {

    Node(long day, boolean late, long materialId, double shortQuantity, Node next) {
      this(day, late, materialId, shortQuantity, next, null);
    }
  }

  /** The state of one call. */
  private static final class Run {
    private final Map<Long, CtpItem> items;
    private final WorkCalendar calendar;
    private final LocalDate today;
    private final long todayDay;

    // discovery (validation) state
    private final Map<Long, Integer> index = new HashMap<>();
    private final List<CtpItem> found = new ArrayList<>();
    private final List<int[]> foundChildren = new ArrayList<>();
    private int[] height = new int[16]; // levels of the structure below and including; 0 = open

    // dense per-material state, after freeze()
    private CtpItem[] item;
    private int[][] children;
    private double[][] per;
    private AvailableToPromise[] atp;
    private long[] buyDay;
    private double[] taken;

    // undo log of taken: material index and previous value
    private int[] undoIndex = new int[64];
    private double[] undoValue = new double[64];
    private int undoSize;

    // capacity model (null: none); per material its operations in sequence, null without routing
    private final CtpCapacity capacity;
    private long capStart; // epoch day of the horizon's first day
    private long capEnd; // epoch day after the horizon
    private LoadOperation[][] ops;
    private int[][] opCentre; // dense work-centre index per operation
    private final Map<Long, Integer> centreIndex = new HashMap<>();
    private final List<Long> centreIds = new ArrayList<>();
    private double[][] remaining; // per work centre, copied from the model when first loaded
    private int[] firstFree; // per work centre: every earlier day of the horizon is used up

    // undo log of remaining: work centre, day and previous value
    private int[] capUndoCentre = new int[64];
    private int[] capUndoDay = new int[64];
    private double[] capUndoValue = new double[64];
    private int capUndoSize;

    // the bottleneck of the last load(): operation index, its start and finish, unplaced work
    private int neckOp;
    private long neckFrom;
    private long neckFinish;
    private double neckWork;
    private double neckUnplaced;
    // the unplaced work of the last finishDay()
    private double unplaced;

    Run(Map<Long, CtpItem> items, WorkCalendar calendar, LocalDate today, CtpCapacity capacity) {
      this.items = items;
      this.calendar = calendar;
      this.today = today;
      this.todayDay = today.toEpochDay();
      this.capacity = capacity;
    }

    /**
     * Finds or registers material {@code id} reached at {@code depth} (0 = a line's material)
     * through {@code path[0..depth)}, checking its structure below; returns its dense index.
     */
    int visit(long id, long[] path, int depth) {
      Integer known = index.get(id);
      if (known != null) {
        int h = height[known];
        if (h == 0) {
          throw cycle(path, depth, id);
        }
        if (depth + h > MAX_DEPTH) {
          throw tooDeep(path, depth, id);
        }
        return known;
      }
      if (depth >= MAX_DEPTH) {
        throw tooDeep(path, depth, id);
      }
      CtpItem it = items.get(id);
      if (it == null) {
        throw new IllegalArgumentException(
            "material "
                + id
                + " is not in the items (path "
                + pathText(path, 0, depth, id)
                + ") / 物料 "
                + id
                + " 不在物料表中（路径 "
                + pathText(path, 0, depth, id)
                + "）");
      }
      if (it.materialId() != id) {
        throw new IllegalArgumentException(
            "item of material "
                + it.materialId()
                + " is filed under id "
                + id
                + " / 物料 "
                + it.materialId()
                + " 的数据登记在编号 "
                + id
                + " 下");
      }
      int k = found.size();
      index.put(id, k);
      found.add(it);
      foundChildren.add(null);
      if (k == height.length) {
        height = Arrays.copyOf(height, 2 * k);
      }
      path[depth] = id;
      List<CtpComponent> comps = it.components();
      int[] ch = new int[comps.size()];
      int h = 0;
      for (int i = 0; i < ch.length; i++) {
        ch[i] = visit(comps.get(i).materialId(), path, depth + 1);
        h = Math.max(h, height[ch[i]]);
      }
      foundChildren.set(k, ch);
      height[k] = h + 1;
      return k;
    }

    /** Moves the discovered materials into dense arrays. */
    void freeze() {
      int n = found.size();
      item = found.toArray(new CtpItem[0]);
      children = foundChildren.toArray(new int[0][]);
      per = new double[n][];
      for (int k = 0; k < n; k++) {
        List<CtpComponent> comps = item[k].components();
        per[k] = new double[comps.size()];
        for (int i = 0; i < per[k].length; i++) {
          per[k][i] = comps.get(i).quantityPer();
        }
      }
      atp = new AvailableToPromise[n];
      buyDay = new long[n];
      Arrays.fill(buyDay, Long.MIN_VALUE);
      taken = new double[n];
      if (capacity != null) {
        freezeCapacity(n);
      }
    }

    /** Sorts and checks the routings of the reachable made materials, indexes their centres. */
    private void freezeCapacity(int n) {
      capStart = capacity.start().toEpochDay();
      capEnd = capStart + capacity.horizonDays();
      ops = new LoadOperation[n][];
      opCentre = new int[n][];
      for (int k = 0; k < n; k++) {
        if (!item[k].make()) {
          continue; // a bought item's routing, if any, is the supplier's business
        }
        long m = item[k].materialId();
        LoadOperation[] o = capacity.routing(m).toArray(new LoadOperation[0]);
        if (o.length == 0) {
          continue;
        }
        Arrays.sort(o, Comparator.comparingInt(LoadOperation::sequence));
        int[] wc = new int[o.length];
        for (int i = 0; i < o.length; i++) {
          if (i > 0 && o[i].sequence() == o[i - 1].sequence()) {
            throw new IllegalArgumentException(
                "routing of material "
                    + m
                    + ": operation sequence "
                    + o[i].sequence()
                    + " appears twice / 物料 "
                    + m
                    + " 的工艺路线：工序号 "
                    + o[i].sequence()
                    + " 重复");
          }
          Integer c = centreIndex.get(o[i].workCenterId());
          if (c == null) {
            c = centreIds.size();
            centreIndex.put(o[i].workCenterId(), c);
            centreIds.add(o[i].workCenterId());
          }
          wc[i] = c;
        }
        ops[k] = o;
        opCentre[k] = wc;
      }
      remaining = new double[centreIds.size()][];
      firstFree = new int[centreIds.size()];
    }

    /** Resolves the requirement (material k, quantity q, need day) by the rules of the class. */
    Node resolve(int k, double q, long need) {
      CtpItem it = item[k];
      AvailableToPromise a0 = atp(k);
      LocalDate needDate = LocalDate.ofEpochDay(need);
      double before = taken[k];
      int capMark = capUndoSize;
      double free = a0.available(needDate) - before;
      if (free >= q - EPSILON * Math.max(1, q)) {
        take(k, q);
        return new Node(need, false, it.materialId(), 0, null);
      }
      double a = Math.max(0, free);
      double s = q - a;
      int mark = undoSize;
      if (a > 0) {
        take(k, a);
      }
      long day;
      Node critical = null;
      CtpBottleneck neck = null;
      int lead = it.leadTimeDays();
      if (!it.make()) {
        day = Math.max(need, buyDay(k));
      } else {
        long r0 = lead == 0 ? need : calendar.plusWorkingDays(needDate, -lead).toEpochDay();
        long r = Math.max(r0, todayDay);
        long start = r;
        int[] ch = children[k];
        for (int i = 0; i < ch.length; i++) {
          Node c = resolve(ch[i], s * per[k][i], r);
          if (c.day > start) {
            start = c.day;
            critical = c;
          }
        }
        day =
            start == r0
                ? need
                : Math.max(
                    need, calendar.plusWorkingDays(LocalDate.ofEpochDay(start), lead).toEpochDay());
        if (ops != null && ops[k] != null) {
          long finish = load(k, s, start);
          if (finish > day) {
            day = finish;
            LoadOperation op = ops[k][neckOp];
            neck =
                new CtpBottleneck(
                    op.workCenterId(),
                    op.sequence(),
                    neckWork,
                    LocalDate.ofEpochDay(neckFrom),
                    LocalDate.ofEpochDay(neckFinish),
                    neckUnplaced);
          }
        }
      }
      LocalDate wait = a0.earliest(before + q, needDate);
      if (wait != null && wait.toEpochDay() < day) {
        rollback(mark, capMark);
        take(k, q);
        long w = wait.toEpochDay();
        return new Node(w, w > need, it.materialId(), s, null);
      }
      return new Node(day, day > need, it.materialId(), s, critical, neck);
    }

    /**
     * Loads the operations of made material k for quantity s forward from day {@code start}, in
     * sequence, each starting on the day the one before finished; returns the day the last one
     * finished and leaves the operation that took the most days in the neck fields (the first on
     * ties).
     */
    private long load(int k, double s, long start) {
      LoadOperation[] o = ops[k];
      int[] wc = opCentre[k];
      long day = start;
      long longest = -1;
      for (int i = 0; i < o.length; i++) {
        double w = o[i].work(s);
        long f = finishDay(wc[i], w, day);
        if (f - day > longest) {
          longest = f - day;
          neckOp = i;
          neckFrom = day;
          neckFinish = f;
          neckWork = w;
          neckUnplaced = unplaced;
        }
        day = f;
      }
      return day;
    }

    /**
     * Takes {@code work} minutes from work centre c's remaining capacity, day by day from day
     * {@code from}: returns the day the last minute is taken, {@code from} itself when there is no
     * work. Work that does not fit into the horizon is left in {@link #unplaced} and is done on the
     * first day after the horizon (or on {@code from} when that is later): capacity there is not
     * known.
     */
    private long finishDay(int c, double work, long from) {
      unplaced = 0;
      if (work <= CapacityEngine.TOLERANCE) {
        return from;
      }
      double[] row = remaining[c];
      if (row == null) {
        double[] given = capacity.row(centreIds.get(c));
        row = given == null ? new double[capacity.horizonDays()] : given.clone();
        remaining[c] = row;
      }
      int h = row.length;
      int i = (int) Math.max(0, Math.min(h, from - capStart));
      i = Math.max(i, firstFree[c]);
      double left = work;
      for (; i < h; i++) {
        double r = row[i];
        if (r > CapacityEngine.TOLERANCE) {
          double t = Math.min(r, left);
          logCapacity(c, i, r);
          row[i] = r - t;
          left -= t;
          if (left <= CapacityEngine.TOLERANCE) {
            advanceFirstFree(c, row);
            return capStart + i;
          }
        }
      }
      advanceFirstFree(c, row);
      unplaced = left;
      return Math.max(from, capEnd);
    }

    private void advanceFirstFree(int c, double[] row) {
      int f = firstFree[c];
      while (f < row.length && row[f] <= CapacityEngine.TOLERANCE) {
        f++;
      }
      firstFree[c] = f;
    }

    private void logCapacity(int c, int dayIndex, double previous) {
      if (capUndoSize == capUndoCentre.length) {
        capUndoCentre = Arrays.copyOf(capUndoCentre, 2 * capUndoSize);
        capUndoDay = Arrays.copyOf(capUndoDay, 2 * capUndoSize);
        capUndoValue = Arrays.copyOf(capUndoValue, 2 * capUndoSize);
      }
      capUndoCentre[capUndoSize] = c;
      capUndoDay[capUndoSize] = dayIndex;
      capUndoValue[capUndoSize] = previous;
      capUndoSize++;
    }

    private AvailableToPromise atp(int k) {
      AvailableToPromise a = atp[k];
      if (a == null) {
        CtpItem it = item[k];
        a = AvailableToPromise.of(today, it.onHand(), it.supplies(), it.committed());
        atp[k] = a;
      }
      return a;
    }

    private long buyDay(int k) {
      long b = buyDay[k];
      if (b == Long.MIN_VALUE) {
        b =
            calendar
                .plusWorkingDays(calendar.onOrAfter(today), item[k].leadTimeDays())
                .toEpochDay();
        buyDay[k] = b;
      }
      return b;
    }

    private void take(int k, double quantity) {
      if (undoSize == undoIndex.length) {
        undoIndex = Arrays.copyOf(undoIndex, 2 * undoSize);
        undoValue = Arrays.copyOf(undoValue, 2 * undoSize);
      }
      undoIndex[undoSize] = k;
      undoValue[undoSize] = taken[k];
      undoSize++;
      taken[k] += quantity;
    }

    /** Keeps everything taken so far: nothing before this point will be rolled back. */
    void commit() {
      undoSize = 0;
      capUndoSize = 0;
    }

    private void rollback(int mark, int capMark) {
      while (undoSize > mark) {
        undoSize--;
        taken[undoIndex[undoSize]] = undoValue[undoSize];
      }
      while (capUndoSize > capMark) {
        capUndoSize--;
        int c = capUndoCentre[capUndoSize];
        int i = capUndoDay[capUndoSize];
        double v = capUndoValue[capUndoSize];
        remaining[c][i] = v;
        if (v > CapacityEngine.TOLERANCE && i < firstFree[c]) {
          firstFree[c] = i;
        }
      }
    }

    private static IllegalArgumentException cycle(long[] path, int depth, long id) {
      int from = depth - 1;
      while (from > 0 && path[from] != id) {
        from--;
      }
      String p = pathText(path, from, depth, id);
      return new IllegalArgumentException("component cycle: " + p + " / 组件循环：" + p);
    }

    private static IllegalArgumentException tooDeep(long[] path, int depth, long id) {
      String p = pathText(path, 0, depth, id);
      return new IllegalArgumentException(
          "structure deeper than "
              + MAX_DEPTH
              + " levels: "
              + p
              + " ... / 结构超过 "
              + MAX_DEPTH
              + " 层："
              + p
              + " ...");
    }

    private static String pathText(long[] path, int from, int to, long last) {
      StringBuilder b = new StringBuilder();
      for (int i = from; i < to; i++) {
        b.append(path[i]).append(" -> ");
      }
      return b.append(last).toString();
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
