package io.tianshu.planning.engine;

import io.tianshu.resource.WorkCalendar;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Multi-level material requirements planning on daily buckets, deterministic and in memory.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Horizon.</b> Day 0 is the plan start, the horizon is {@code [planStart, planStart +
 *       horizonDays)}. Demands and receipts dated before the plan start count on the plan start;
 *       those dated on or after the end of the horizon are ignored.
 *   <li><b>Low-level codes.</b> An item's code is 0 when it is no component, otherwise 1 + the
 *       largest code of its parents. A cycle in the BOM is refused with an {@link
 *       IllegalArgumentException} naming the path ({@code "BOM cycle: 1 -> 2 -> 3 -> 1 / …"},
 *       starting at the cycle item that comes first in the input). Items are planned by low-level
 *       code, within a code in input order, so every parent is planned before its components.
 *   <li><b>Gross requirements</b> of an item = its independent demands + the dependent demand of
 *       its parents' planned orders ({@code parent order quantity × quantityPer × (1 + scrap /
 *       100)}, due on the parent order's release date) + requirements passed through phantom
 *       parents.
 *   <li><b>Netting.</b> Requirements in date order take on-hand first, then scheduled receipts in
 *       date order, then planned orders. Receipts are assumed movable: a receipt covers the
 *       earliest uncovered requirement even if it arrives later, and an {@link MrpMessage#EXPEDITE}
 *       message says so; no planned order is created while on-hand and receipts are not used up.
 *       Safety stock is a requirement on the plan start, after that day's demands, so projected
 *       available never falls below it (except before the first possible arrival, see below).
 *   <li><b>Lot sizing</b> of a net requirement n on day d (good output): lot-for-lot n; fixed
 *       quantity: orders of {@code fixedQuantity} until n is covered; period order quantity: n +
 *       the gross requirements of days {@code (d, d + periodDays)}. Each order is then raised to
 *       the minimum, rounded up to the multiple and capped by the maximum (the maximum rounded down
 *       to a multiple, at least one multiple); orders are repeated until the requirement is
 *       covered. Quantity beyond the requirement stays as stock for later days and is unpegged
 *       until used.
 *   <li><b>Dates and yield.</b> due date = d, release date = the lead time in working days before
 *       the due date ({@link WorkCalendar#plusWorkingDays(LocalDate, int) plusWorkingDays(due,
 *       -leadTime)}; lead time 0: the due date itself). Order quantity = good output × 100 /
 *       yieldPercent.
 *   <li><b>Past due.</b> An order can arrive no earlier than the first day whose release date is
 *       not before the plan start ({@code fa}: the day after the lead-time-th working day counted
 *       from the plan start; day 0 for lead time 0). A shortage before {@code fa} is covered by
 *       orders released on the plan start and due on {@code fa}; each gets a {@link
 *       MrpMessage#PAST_DUE} message and the item a {@link MrpMessage#BELOW_SAFETY} message naming
 *       the first short day. If {@code fa} lies beyond the horizon, the order is still created, due
 *       on {@code fa}.
 *   <li><b>Phantoms</b> get no planned orders; requirements not covered by their own on-hand and
 *       receipts are passed, on the same date and without lot sizing, lead time, yield or safety
 *       stock, to their components.
 *   <li><b>Pegging.</b> Every unit of every requirement is pegged to the supplies covering it (see
 *       {@link Pegging}); a requirement passed through a phantom is pegged, on the component, with
 *       the kind and id of the phantom requirement it comes from.
 *   <li><b>Receipt messages.</b> A receipt first needed before it arrives: {@link
 *       MrpMessage#EXPEDITE}; first needed at least {@value #DEFER_WORKING_DAYS} working days after
 *       it arrives: {@link MrpMessage#DEFER}; not needed at all: {@link MrpMessage#CANCEL}.
 * </ul>
 *
 * <p>Quantities closer than 1e-9 (relative) are treated as equal.
 *
 * <h2>Implementation</h2>
 *
 * <p>Items, BOM lines, demands, receipts, planned orders, pass-through requirements and pegging
 * rows live in primitive arrays indexed by dense item index; where-used and demand lists are CSR
 * arrays. An item's requirements are gathered directly from its parents' planned orders (which are
 * contiguous per item), sorted by a packed {@code day << 40 | sequence} long key and netted in one
 * pass over the requirement days; no per-bucket object and no boxing in the item loop. The cost is
 * O(requirements × log) per item, independent of the number of days. The run is single-threaded.
 */
public final class MrpEngine {

  /** Largest accepted {@link MrpInput#horizonDays()}. */
  public static final int MAX_HORIZON_DAYS = 100_000;

  /**
   * Orders one net requirement may be split into by a fixed or maximum lot size; beyond it the rest
   * becomes one order with a LOT_LIMIT message, so that a lot size far below the requirement cannot
   * exhaust memory (one order per fixed lot of 50 under a requirement of millions).
   */
  public static final int MAX_ORDERS_PER_REQUIREMENT = 1000;

  /** A receipt first needed this many working days or more after it arrives gets a DEFER. */
  public static final int DEFER_WORKING_DAYS = 5;

  private static final byte SUPPLY_ON_HAND = 0;
  private static final byte SUPPLY_RECEIPT = 1;
  private static final byte SUPPLY_PLANNED = 2;
  private static final String[] SUPPLY_KINDS = {Pegging.ON_HAND, Pegging.RECEIPT, Pegging.PLANNED};

  private static final byte DEMAND_INDEPENDENT = 0;
  private static final byte DEMAND_DEPENDENT = 1;
  private static final byte DEMAND_SAFETY_STOCK = 2;
  private static final String[] DEMAND_KINDS = {
    Pegging.DEMAND, Pegging.DEPENDENT, Pegging.SAFETY_STOCK
  };

  private static final int DAY_SHIFT = 40;
  private static final long SEQ_MASK = (1L << DAY_SHIFT) - 1;

  private MrpEngine() {}

  /**
   * Plans all items of {@code input}; see the class comment for the rules.
   *
   * @throws IllegalArgumentException on a BOM cycle (naming the path), two items for one material,
   *     a BOM line, demand or receipt naming an unknown material, or an invalid number (negative,
   *     not finite, yield outside [0, 100], fixed quantity ≤ 0 with FIXED_QUANTITY, period &lt; 1
   *     with PERIOD_ORDER_QUANTITY, a missing lot-sizing rule or date)
   */
  public static MrpResult run(MrpInput input) {
    Objects.requireNonNull(input, "input");
    long t0 = System.nanoTime();
    Planner planner = new Planner(input);
    planner.plan();
    long millis = (System.nanoTime() - t0) / 1_000_000L;
    return planner.result(millis);
  }

  /** Tolerance for comparing quantities of magnitude {@code x}. */
  private static double tol(double x) {
    return 1e-9 * Math.max(1.0, Math.abs(x));
  }

  private static void checkQuantity(String who, String what, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(who + ": " + what + " must be finite and >= 0, was " + v);
    }
  }

  /** Start offsets of a CSR grouping of {@code count} entries by key (negative keys skipped). */
  private static int[] csrStart(int[] keyOf, int count, int n) {
    int[] start = new int[n + 1];
    for (int k = 0; k < count; k++) {
      if (keyOf[k] >= 0) {
        start[keyOf[k] + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    return start;
  }

  /** Entry indices grouped by key, in input order within a key. */
  private static int[] csrFill(int[] keyOf, int count, int[] start) {
    int[] pos = Arrays.copyOf(start, start.length - 1);
    int[] out = new int[start[start.length - 1]];
    for (int k = 0; k < count; k++) {
      if (keyOf[k] >= 0) {
        out[pos[keyOf[k]]++] = k;
      }
    }
    return out;
  }

  private static int grownLength(int length, int needed) {
    return Math.max(needed, Math.max(16, length + (length >> 1)));
  }

  /** All state of one run. */
  private static final class Planner {
    private final MrpInput in;
    private final WorkCalendar cal;
    private final LocalDate planStart;
    private final long startEpoch;
    private final int horizon;
    private final int n;

    // items
    private final long[] material;
    private final int[] lead;
    private final LotSizing[] lot;
    private final double[] fixedQty;
    private final int[] period;
    private final double[] minQty;
    private final double[] maxQty;
    private final double[] multQty;
    private final double[] safety;
    private final double[] onHand;
    private final double[] yieldPct;
    private final boolean[] phantom;
    private final LongIntMap index;

    // BOM
    private int[] lineParent;
    private int[] lineComp;
    private double[] lineNum; // quantityPer × (100 + scrap); divide by 100
    private int[] childStart;
    private int[] childLines;
    private int[] usedStart;
    private int[] usedLines;
    private int[] llc;
    private int[] order;

    // calendar over the horizon
    private int[] wp; // wp[d] = working days in [0, d)
    private int[] workIdx; // day index of the k-th working day

    // demands and receipts
    private int[] demStart;
    private int[] demList;
    private int[] demDay;
    private double[] demQty;
    private long[] demId;
    private int[] rcStart;
    private int[] rcList;
    private int[] rcDay;
    private double[] rcQty;
    private long[] rcId;

    // planned orders (id = index + 1), contiguous per item
    private int poCount;
    private int[] poItem = new int[16];
    private int[] poRel = new int[16];
    private int[] poDue = new int[16];
    private double[] poQty = new double[16];
    private double[] poOut = new double[16];
    private final int[] poFirst;
    private final int[] poEnd;

    // requirements passed through phantoms, contiguous per phantom
    private int ptCount;
    private int[] ptDay = new int[16];
    private double[] ptQty = new double[16];
    private byte[] ptKind = new byte[16];
    private long[] ptId = new long[16];
    private final int[] ptFirst;
    private final int[] ptEnd;

    // pegging rows
    private int pgCount;
    private byte[] pgSupplyKind = new byte[16];
    private long[] pgSupplyId = new long[16];
    private byte[] pgDemandKind = new byte[16];
    private long[] pgDemandId = new long[16];
    private int[] pgItem = new int[16];
    private double[] pgQty = new double[16];

    private final List<MrpMessage> messages = new ArrayList<>();

    // scratch: requirements of the current item, gathered (e*) and sorted (s*)
    private int[] eDay = new int[16];
    private double[] eQty = new double[16];
    private byte[] eKind = new byte[16];
    private long[] eId = new long[16];
    private long[] keys = new long[16];
    private int[] sDay = new int[16];
    private double[] sQty = new double[16];
    private byte[] sKind = new byte[16];
    private long[] sId = new long[16];
    // scratch: receipts of the current item, sorted by day
    private int[] rxTmp = new int[16];
    private int[] rxList = new int[16];
    private int[] rxNeed = new int[16];
    private long[] rxKeys = new long[16];

    Planner(MrpInput in) {
      this.in = in;
      this.cal = in.calendar();
      this.planStart = in.planStart();
      this.startEpoch = planStart.toEpochDay();
      this.horizon = in.horizonDays();
      List<PlanItem> items = in.items();
      n = items.size();
      material = new long[n];
      lead = new int[n];
      lot = new LotSizing[n];
      fixedQty = new double[n];
      period = new int[n];
      minQty = new double[n];
      maxQty = new double[n];
      multQty = new double[n];
      safety = new double[n];
      onHand = new double[n];
      yieldPct = new double[n];
      phantom = new boolean[n];
      poFirst = new int[n];
      poEnd = new int[n];
      ptFirst = new int[n];
      ptEnd = new int[n];
      index = new LongIntMap(n);
      for (int i = 0; i < n; i++) {
        PlanItem it = items.get(i);
        String who = "item " + it.materialId();
        if (it.lotSizing() == null) {
          throw new IllegalArgumentException(who + ": lotSizing is required");
        }
        if (it.leadTimeDays() < 0) {
          throw new IllegalArgumentException(who + ": leadTimeDays must be >= 0");
        }
        checkQuantity(who, "fixedQuantity", it.fixedQuantity());
        checkQuantity(who, "minimumQuantity", it.minimumQuantity());
        checkQuantity(who, "maximumQuantity", it.maximumQuantity());
        checkQuantity(who, "multipleQuantity", it.multipleQuantity());
        checkQuantity(who, "safetyStock", it.safetyStock());
        checkQuantity(who, "onHand", it.onHand());
        if (!(it.yieldPercent() >= 0 && it.yieldPercent() <= 100)) {
          throw new IllegalArgumentException(who + ": yieldPercent must be in [0, 100]");
        }
        if (it.lotSizing() == LotSizing.FIXED_QUANTITY && !(it.fixedQuantity() > 0)) {
          throw new IllegalArgumentException(who + ": FIXED_QUANTITY needs fixedQuantity > 0");
        }
        if (it.lotSizing() == LotSizing.PERIOD_ORDER_QUANTITY && it.periodDays() < 1) {
          throw new IllegalArgumentException(who + ": PERIOD_ORDER_QUANTITY needs periodDays >= 1");
        }
        if (!index.putIfAbsent(it.materialId(), i)) {
          throw new IllegalArgumentException("two items for material " + it.materialId());
        }
        material[i] = it.materialId();
        lead[i] = it.leadTimeDays();
        lot[i] = it.lotSizing();
        fixedQty[i] = it.fixedQuantity();
        period[i] = it.periodDays();
        minQty[i] = it.minimumQuantity();
        maxQty[i] = it.maximumQuantity();
        multQty[i] = it.multipleQuantity();
        safety[i] = it.phantom() ? 0 : it.safetyStock();
        onHand[i] = it.onHand();
        yieldPct[i] = it.yieldPercent() == 0 ? 100 : it.yieldPercent();
        phantom[i] = it.phantom();
      }
      prepareBom();
      prepareCalendar();
      prepareDemands();
      prepareReceipts();
    }

    private void prepareBom() {
      List<PlanBomLine> bom = in.bom();
      int m = bom.size();
      lineParent = new int[m];
      lineComp = new int[m];
      lineNum = new double[m];
      for (int k = 0; k < m; k++) {
        PlanBomLine b = bom.get(k);
        String who = "BOM line #" + (k + 1);
        int p = index.get(b.parentMaterialId());
        if (p < 0) {
          throw new IllegalArgumentException(
              who + ": unknown parent material " + b.parentMaterialId());
        }
        int c = index.get(b.componentMaterialId());
        if (c < 0) {
          throw new IllegalArgumentException(
              who + ": unknown component material " + b.componentMaterialId());
        }
        checkQuantity(who, "quantityPer", b.quantityPer());
        checkQuantity(who, "scrapPercent", b.scrapPercent());
        lineParent[k] = p;
        lineComp[k] = c;
        lineNum[k] = b.quantityPer() * (100 + b.scrapPercent());
      }
      childStart = csrStart(lineParent, m, n);
      childLines = csrFill(lineParent, m, childStart);
      usedStart = csrStart(lineComp, m, n);
      usedLines = csrFill(lineComp, m, usedStart);
    }

    private void prepareCalendar() {
      wp = new int[horizon + 1];
      workIdx = new int[horizon];
      for (int d = 0; d < horizon; d++) {
        boolean working = cal.isWorkingDay(LocalDate.ofEpochDay(startEpoch + d));
        if (working) {
          workIdx[wp[d]] = d;
        }
        wp[d + 1] = wp[d] + (working ? 1 : 0);
      }
    }

    private void prepareDemands() {
      List<PlanDemand> ds = in.demands();
      int nd = ds.size();
      int[] item = new int[nd];
      demDay = new int[nd];
      demQty = new double[nd];
      demId = new long[nd];
      for (int j = 0; j < nd; j++) {
        PlanDemand x = ds.get(j);
        String who = "demand " + x.id();
        if (x.date() == null) {
          throw new IllegalArgumentException(who + ": date is required");
        }
        checkQuantity(who, "quantity", x.quantity());
        int i = index.get(x.materialId());
        if (i < 0) {
          throw new IllegalArgumentException(who + ": unknown material " + x.materialId());
        }
        long off = x.date().toEpochDay() - startEpoch;
        item[j] = off >= horizon ? -1 : i;
        demDay[j] = (int) Math.max(0, Math.min(off, horizon));
        demQty[j] = x.quantity();
        demId[j] = x.id();
      }
      demStart = csrStart(item, nd, n);
      demList = csrFill(item, nd, demStart);
    }

    private void prepareReceipts() {
      List<PlanReceipt> rs = in.receipts();
      int nr = rs.size();
      int[] item = new int[nr];
      rcDay = new int[nr];
      rcQty = new double[nr];
      rcId = new long[nr];
      for (int j = 0; j < nr; j++) {
        PlanReceipt x = rs.get(j);
        String who = "receipt " + x.id();
        if (x.date() == null) {
          throw new IllegalArgumentException(who + ": date is required");
        }
        checkQuantity(who, "quantity", x.quantity());
        int i = index.get(x.materialId());
        if (i < 0) {
          throw new IllegalArgumentException(who + ": unknown material " + x.materialId());
        }
        long off = x.date().toEpochDay() - startEpoch;
        item[j] = off >= horizon ? -1 : i;
        rcDay[j] = (int) Math.max(0, Math.min(off, horizon));
        rcQty[j] = x.quantity();
        rcId[j] = x.id();
      }
      rcStart = csrStart(item, nr, n);
      rcList = csrFill(item, nr, rcStart);
    }

    // ------------------------------------------------------------ low-level codes

    private void computeLowLevelCodes() {
      int[] indeg = new int[n];
      for (int c : lineComp) {
        indeg[c]++;
      }
      int[] queue = new int[n];
      int head = 0;
      int tail = 0;
      for (int i = 0; i < n; i++) {
        if (indeg[i] == 0) {
          queue[tail++] = i;
        }
      }
      llc = new int[n];
      int maxCode = 0;
      while (head < tail) {
        int p = queue[head++];
        for (int x = childStart[p]; x < childStart[p + 1]; x++) {
          int c = lineComp[childLines[x]];
          if (llc[p] + 1 > llc[c]) {
            llc[c] = llc[p] + 1;
            maxCode = Math.max(maxCode, llc[c]);
          }
          if (--indeg[c] == 0) {
            queue[tail++] = c;
          }
        }
      }
      if (tail < n) {
        boolean[] done = new boolean[n];
        for (int x = 0; x < tail; x++) {
          done[queue[x]] = true;
        }
        throw cycle(done);
      }
      // items by code, input order within a code
      int[] start = new int[maxCode + 2];
      for (int i = 0; i < n; i++) {
        start[llc[i] + 1]++;
      }
      for (int c = 0; c <= maxCode; c++) {
        start[c + 1] += start[c];
      }
      order = new int[n];
      for (int i = 0; i < n; i++) {
        order[start[llc[i]]++] = i;
      }
    }

    /** Walks back through parents not yet planned until an item repeats: that is a cycle. */
    private IllegalArgumentException cycle(boolean[] done) {
      int v = 0;
      while (done[v]) {
        v++;
      }
      int[] seenAt = new int[n];
      Arrays.fill(seenAt, -1);
      int[] path = new int[n + 1];
      int steps = 0;
      while (seenAt[v] < 0) {
        seenAt[v] = steps;
        path[steps++] = v;
        int parent = -1;
        for (int x = usedStart[v]; x < usedStart[v + 1] && parent < 0; x++) {
          int p = lineParent[usedLines[x]];
          if (!done[p]) {
            parent = p;
          }
        }
        v = parent; // an item not planned has a parent not planned
      }
      // path[s+1] is a parent of path[s]; forward: path[s] -> path[steps-1] -> ... -> path[s+1]
      int s = seenAt[v];
      int len = steps - s;
      int[] cyc = new int[len];
      cyc[0] = path[s];
      for (int x = 1; x < len; x++) {
        cyc[x] = path[steps - x];
      }
      int first = 0;
      for (int x = 1; x < len; x++) {
        if (cyc[x] < cyc[first]) {
          first = x;
        }
      }
      StringBuilder sb = new StringBuilder();
      for (int x = 0; x <= len; x++) {
        if (x > 0) {
          sb.append(" -> ");
        }
        sb.append(material[cyc[(first + x) % len]]);
      }
      return new IllegalArgumentException("BOM cycle: " + sb + " / 物料清单存在循环：" + sb);
    }

    // ------------------------------------------------------------ planning

    void plan() {
      computeLowLevelCodes();
      for (int x = 0; x < n; x++) {
        planItem(order[x]);
      }
    }

    private void planItem(int i) {
      int k = gather(i);
      sortRequirements(k);
      int rk = gatherReceipts(i);
      poFirst[i] = poCount;
      ptFirst[i] = ptCount;
      if (!phantom[i]) {
        double totalReceipts = 0;
        for (int x = 0; x < rk; x++) {
          totalReceipts += rcQty[rxList[x]];
        }
        net(i, k, totalReceipts);
      }
      poEnd[i] = poCount;
      peg(i, k, rk);
      ptEnd[i] = ptCount;
      receiptMessages(i, rk);
    }

    /** Collects the requirements of item i into e*; returns their number. */
    private int gather(int i) {
      int k = 0;
      for (int q = demStart[i]; q < demStart[i + 1]; q++) {
        int j = demList[q];
        if (demQty[j] > 0) {
          k = addRequirement(k, demDay[j], demQty[j], DEMAND_INDEPENDENT, demId[j]);
        }
      }
      for (int u = usedStart[i]; u < usedStart[i + 1]; u++) {
        int line = usedLines[u];
        int p = lineParent[line];
        double num = lineNum[line];
        if (!(num > 0)) {
          continue;
        }
        if (phantom[p]) {
          for (int r = ptFirst[p]; r < ptEnd[p]; r++) {
            double q = ptQty[r] * num / 100;
            if (q > 0) {
              k = addRequirement(k, ptDay[r], q, ptKind[r], ptId[r]);
            }
          }
        } else {
          for (int o = poFirst[p]; o < poEnd[p]; o++) {
            double q = poQty[o] * num / 100;
            if (q > 0) {
              k = addRequirement(k, poRel[o], q, DEMAND_DEPENDENT, o + 1L);
            }
          }
        }
      }
      return k;
    }

    private int addRequirement(int k, int day, double qty, byte kind, long id) {
      if (k == eDay.length) {
        int len = grownLength(k, k + 1);
        eDay = Arrays.copyOf(eDay, len);
        eQty = Arrays.copyOf(eQty, len);
        eKind = Arrays.copyOf(eKind, len);
        eId = Arrays.copyOf(eId, len);
      }
      eDay[k] = day;
      eQty[k] = qty;
      eKind[k] = kind;
      eId[k] = id;
      return k + 1;
    }

    /** Sorts e* by (day, gathering order) into s*. */
    private void sortRequirements(int k) {
      if (keys.length < k) {
        int len = grownLength(keys.length, k);
        keys = new long[len];
        sDay = new int[len];
        sQty = new double[len];
        sKind = new byte[len];
        sId = new long[len];
      }
      for (int x = 0; x < k; x++) {
        keys[x] = ((long) eDay[x] << DAY_SHIFT) | x;
      }
      Arrays.sort(keys, 0, k);
      for (int x = 0; x < k; x++) {
        int y = (int) (keys[x] & SEQ_MASK);
        sDay[x] = eDay[y];
        sQty[x] = eQty[y];
        sKind[x] = eKind[y];
        sId[x] = eId[y];
      }
    }

    /** Receipts of item i sorted by (day, input order) into rxList; returns their number. */
    private int gatherReceipts(int i) {
      int rk = rcStart[i + 1] - rcStart[i];
      if (rxList.length < rk) {
        int len = grownLength(rxList.length, rk);
        rxTmp = new int[len];
        rxList = new int[len];
        rxNeed = new int[len];
        rxKeys = new long[len];
      }
      for (int x = 0; x < rk; x++) {
        int j = rcList[rcStart[i] + x];
        rxTmp[x] = j;
        rxKeys[x] = ((long) rcDay[j] << 32) | x;
      }
      Arrays.sort(rxKeys, 0, rk);
      for (int x = 0; x < rk; x++) {
        rxList[x] = rxTmp[(int) (rxKeys[x] & 0xFFFF_FFFFL)];
        rxNeed[x] = -1;
      }
      return rk;
    }

    /** Creates the planned orders of item i from its sorted requirements. */
    private void net(int i, int k, double totalReceipts) {
      double supply = onHand[i] + totalReceipts;
      double cum = safety[i];
      int fa = firstArrival(lead[i]);
      int firstShort = -1;
      int p = 0;
      int d = 0;
      while (true) {
        while (p < k && sDay[p] == d) {
          cum += sQty[p];
          p++;
        }
        double need = cum - supply;
        if (need > tol(cum)) {
          if (d < fa) {
            if (firstShort < 0) {
              firstShort = d;
            }
          } else {
            supply += createOrders(i, d, need, p, k, firstShort);
            firstShort = -1;
          }
        }
        int next = p < k ? sDay[p] : Integer.MAX_VALUE;
        if (d < fa && fa < next) {
          next = fa;
        }
        if (next >= horizon) {
          break;
        }
        d = next;
      }
      double need = cum - supply;
      if (need > tol(cum)) {
        // only when the first possible arrival lies beyond the horizon
        createOrders(i, fa, need, k, k, firstShort);
      }
    }

    /**
     * Lot-sizes net requirement {@code need} on day d into orders due d; s[p..k) are the later
     * requirements. Returns the good output created.
     */
    private double createOrders(int i, int d, double need, int p, int k, int firstShort) {
      double target = need;
      if (lot[i] == LotSizing.PERIOD_ORDER_QUANTITY) {
        long end = (long) d + period[i];
        for (int q = p; q < k && sDay[q] < end; q++) {
          target += sQty[q];
        }
      }
      long firstId = poCount + 1L;
      double covered = 0;
      double remaining = target;
      double t = tol(target);
      int orders = 0;
      while (remaining > t) {
        double q = lot[i] == LotSizing.FIXED_QUANTITY ? fixedQty[i] : remaining;
        q = Math.max(q, minQty[i]);
        q = roundUp(q, multQty[i]);
        if (maxQty[i] > 0 && q > maxQty[i]) {
          q = cappedMaximum(maxQty[i], multQty[i]);
        }
        if (++orders == MAX_ORDERS_PER_REQUIREMENT && remaining - q > t) {
          double lotSize = q;
          q = roundUp(remaining, multQty[i]);
          messages.add(
              new MrpMessage(
                  material[i],
                  MrpMessage.LOT_LIMIT,
                  dateOf(d),
                  poCount + 1L,
                  "Net requirement "
                      + target
                      + " of material "
                      + material[i]
                      + " would need more than "
                      + MAX_ORDERS_PER_REQUIREMENT
                      + " orders of "
                      + lotSize
                      + "; the rest is one order of "
                      + q
                      + " / 物料 "
                      + material[i]
                      + " 的净需求 "
                      + target
                      + " 需要超过 "
                      + MAX_ORDERS_PER_REQUIREMENT
                      + " 张批量为 "
                      + lotSize
                      + " 的订单，余量合为一张 "
                      + q));
        }
        addOrder(i, d, q, firstShort);
        covered += q;
        remaining -= q;
      }
      if (firstShort >= 0) {
        LocalDate shortDay = dateOf(firstShort);
        LocalDate arrival = dateOf(d);
        messages.add(
            new MrpMessage(
                material[i],
                MrpMessage.BELOW_SAFETY,
                shortDay,
                firstId,
                "Projected available of material "
                    + material[i]
                    + " is below safety stock "
                    + safety[i]
                    + " from "
                    + shortDay
                    + "; no order can arrive before "
                    + arrival
                    + " (lead time "
                    + lead[i]
                    + " working days) / 物料 "
                    + material[i]
                    + " 的预计可用量自 "
                    + shortDay
                    + " 起低于安全库存 "
                    + safety[i]
                    + "；最早到货日为 "
                    + arrival
                    + "（提前期 "
                    + lead[i]
                    + " 个工作日）"));
      }
      return covered;
    }

    private static double roundUp(double q, double multiple) {
      if (!(multiple > 0)) {
        return q;
      }
      double x = q / multiple;
      double r = Math.rint(x);
      return (Math.abs(x - r) <= 1e-9 * Math.max(1.0, x) ? r : Math.ceil(x)) * multiple;
    }

    private static double cappedMaximum(double max, double multiple) {
      if (!(multiple > 0)) {
        return max;
      }
      double a = Math.floor(max / multiple + 1e-9) * multiple;
      return a > 0 ? a : multiple;
    }

    private void addOrder(int i, int due, double output, int firstShort) {
      if (poCount == poItem.length) {
        int len = grownLength(poCount, poCount + 1);
        poItem = Arrays.copyOf(poItem, len);
        poRel = Arrays.copyOf(poRel, len);
        poDue = Arrays.copyOf(poDue, len);
        poQty = Arrays.copyOf(poQty, len);
        poOut = Arrays.copyOf(poOut, len);
      }
      boolean pastDue = firstShort >= 0;
      int lt = lead[i];
      poItem[poCount] = i;
      poDue[poCount] = due;
      poRel[poCount] = pastDue ? 0 : (lt == 0 ? due : workIdx[wp[due] - lt]);
      poQty[poCount] = yieldPct[i] < 100 ? output * 100 / yieldPct[i] : output;
      poOut[poCount] = output;
      poCount++;
      if (pastDue) {
        long id = poCount;
        LocalDate needed = dateOf(firstShort);
        LocalDate wouldRelease = cal.plusWorkingDays(needed, -lt);
        LocalDate dueDate = dateOf(due);
        messages.add(
            new MrpMessage(
                material[i],
                MrpMessage.PAST_DUE,
                wouldRelease,
                id,
                "Planned order "
                    + id
                    + " for material "
                    + material[i]
                    + " needed on "
                    + needed
                    + " should have been released on "
                    + wouldRelease
                    + ", before the plan start; released on "
                    + planStart
                    + ", due on "
                    + dueDate
                    + " / 计划订单 "
                    + id
                    + "（物料 "
                    + material[i]
                    + "）需求日 "
                    + needed
                    + "，应于 "
                    + wouldRelease
                    + " 下达，早于计划开始日；改为 "
                    + planStart
                    + " 下达，"
                    + dueDate
                    + " 到期"));
      }
    }

    /** First day index whose release date (lead time lt) is not before the plan start. */
    private int firstArrival(int lt) {
      if (lt == 0) {
        return 0;
      }
      if (lt <= wp[horizon]) {
        return workIdx[lt - 1] + 1;
      }
      LocalDate last = cal.plusWorkingDays(cal.onOrAfter(planStart), lt - 1);
      return Math.toIntExact(last.toEpochDay() - startEpoch + 1);
    }

    /**
     * Pegs the requirements of item i (plus safety stock) to on-hand, receipts and its planned
     * orders, first come first served; for a phantom, passes what stays uncovered through.
     */
    private void peg(int i, int k, int rk) {
      int orders = poEnd[i] - poFirst[i];
      int supplies = 1 + rk + orders;
      int pegStart = pgCount;
      int sp = -1;
      double sRem = 0;
      double sTol = 0;
      boolean ssPending = safety[i] > 0;
      int q = 0;
      while (true) {
        int day;
        double qty;
        byte kind;
        long id;
        if (ssPending && (q == k || sDay[q] > 0)) {
          day = 0;
          qty = safety[i];
          kind = DEMAND_SAFETY_STOCK;
          id = 0;
          ssPending = false;
        } else if (q < k) {
          day = sDay[q];
          qty = sQty[q];
          kind = sKind[q];
          id = sId[q];
          q++;
        } else {
          break;
        }
        double rem = qty;
        double t = tol(qty);
        while (rem > t) {
          if (sRem <= sTol) {
            if (sp + 1 >= supplies) {
              break;
            }
            sp++;
            sRem =
                sp == 0
                    ? onHand[i]
                    : sp <= rk ? rcQty[rxList[sp - 1]] : poOut[poFirst[i] + sp - 1 - rk];
            sTol = tol(sRem);
            continue;
          }
          double take = Math.min(rem, sRem);
          if (sp == 0) {
            addPeg(pegStart, SUPPLY_ON_HAND, 0, kind, id, i, take);
          } else if (sp <= rk) {
            if (rxNeed[sp - 1] < 0) {
              rxNeed[sp - 1] = day;
            }
            addPeg(pegStart, SUPPLY_RECEIPT, rcId[rxList[sp - 1]], kind, id, i, take);
          } else {
            addPeg(pegStart, SUPPLY_PLANNED, poFirst[i] + sp - rk, kind, id, i, take);
          }
          rem -= take;
          sRem -= take;
        }
        if (rem > t && phantom[i]) {
          addPassThrough(day, rem, kind, id);
        }
      }
    }

    private void addPeg(
        int pegStart,
        byte supplyKind,
        long supplyId,
        byte demandKind,
        long demandId,
        int i,
        double q) {
      int last = pgCount - 1;
      if (last >= pegStart
          && pgSupplyKind[last] == supplyKind
          && pgSupplyId[last] == supplyId
          && pgDemandKind[last] == demandKind
          && pgDemandId[last] == demandId) {
        pgQty[last] += q;
        return;
      }
      if (pgCount == pgItem.length) {
        int len = grownLength(pgCount, pgCount + 1);
        pgSupplyKind = Arrays.copyOf(pgSupplyKind, len);
        pgSupplyId = Arrays.copyOf(pgSupplyId, len);
        pgDemandKind = Arrays.copyOf(pgDemandKind, len);
        pgDemandId = Arrays.copyOf(pgDemandId, len);
        pgItem = Arrays.copyOf(pgItem, len);
        pgQty = Arrays.copyOf(pgQty, len);
      }
      pgSupplyKind[pgCount] = supplyKind;
      pgSupplyId[pgCount] = supplyId;
      pgDemandKind[pgCount] = demandKind;
      pgDemandId[pgCount] = demandId;
      pgItem[pgCount] = i;
      pgQty[pgCount] = q;
      pgCount++;
    }

    private void addPassThrough(int day, double qty, byte kind, long id) {
      if (ptCount == ptDay.length) {
        int len = grownLength(ptCount, ptCount + 1);
        ptDay = Arrays.copyOf(ptDay, len);
        ptQty = Arrays.copyOf(ptQty, len);
        ptKind = Arrays.copyOf(ptKind, len);
        ptId = Arrays.copyOf(ptId, len);
      }
      ptDay[ptCount] = day;
      ptQty[ptCount] = qty;
      ptKind[ptCount] = kind;
      ptId[ptCount] = id;
      ptCount++;
    }

    private void receiptMessages(int i, int rk) {
      for (int x = 0; x < rk; x++) {
        int j = rxList[x];
        int need = rxNeed[x];
        int day = rcDay[j];
        long id = rcId[j];
        long m = material[i];
        if (need < 0) {
          LocalDate date = in.receipts().get(j).date();
          messages.add(
              new MrpMessage(
                  m,
                  MrpMessage.CANCEL,
                  date,
                  id,
                  "Receipt "
                      + id
                      + " of material "
                      + m
                      + " on "
                      + date
                      + " is not needed within the horizon: cancel / 物料 "
                      + m
                      + " 的在途收货 "
                      + id
                      + "（"
                      + date
                      + "）在计划期内不需要：建议取消"));
        } else if (need < day) {
          LocalDate date = dateOf(need);
          LocalDate arrives = dateOf(day);
          messages.add(
              new MrpMessage(
                  m,
                  MrpMessage.EXPEDITE,
                  date,
                  id,
                  "Receipt "
                      + id
                      + " of material "
                      + m
                      + " arrives on "
                      + arrives
                      + " but is needed on "
                      + date
                      + ": expedite / 物料 "
                      + m
                      + " 的在途收货 "
                      + id
                      + " 于 "
                      + arrives
                      + " 到货，但 "
                      + date
                      + " 即需要：请催货"));
        } else if (wp[need] - wp[day] >= DEFER_WORKING_DAYS) {
          LocalDate date = dateOf(need);
          LocalDate arrives = dateOf(day);
          messages.add(
              new MrpMessage(
                  m,
                  MrpMessage.DEFER,
                  date,
                  id,
                  "Receipt "
                      + id
                      + " of material "
                      + m
                      + " arrives on "
                      + arrives
                      + " but is first needed on "
                      + date
                      + ": defer / 物料 "
                      + m
                      + " 的在途收货 "
                      + id
                      + " 于 "
                      + arrives
                      + " 到货，但 "
                      + date
                      + " 才需要：建议推迟"));
        }
      }
    }

    private LocalDate dateOf(int day) {
      return LocalDate.ofEpochDay(startEpoch + day);
    }

    MrpResult result(long millis) {
      List<PlannedOrder> orders =
          new OrderList(material, poItem, poRel, poDue, poQty, poCount, startEpoch);
      List<Pegging> pegs =
          new PeggingList(
              material, pgSupplyKind, pgSupplyId, pgDemandKind, pgDemandId, pgItem, pgQty, pgCount);
      return new MrpResult(
          orders, pegs, Collections.unmodifiableList(messages), llc.clone(), millis);
    }
  }

  /** Read-only view of the planned-order arrays. */
  private static final class OrderList extends AbstractList<PlannedOrder> implements RandomAccess {
    private final long[] material;
    private final int[] item;
    private final int[] release;
    private final int[] due;
    private final double[] qty;
    private final int size;
    private final long startEpoch;

    OrderList(
        long[] material,
        int[] item,
        int[] release,
        int[] due,
        double[] qty,
        int size,
        long startEpoch) {
      this.material = material;
      this.item = item;
      this.release = release;
      this.due = due;
      this.qty = qty;
      this.size = size;
      this.startEpoch = startEpoch;
    }

    @Override
    public PlannedOrder get(int x) {
      Objects.checkIndex(x, size);
      return new PlannedOrder(
          x + 1L,
          material[item[x]],
          LocalDate.ofEpochDay(startEpoch + release[x]),
          LocalDate.ofEpochDay(startEpoch + due[x]),
          qty[x]);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** Read-only view of the pegging arrays. */
  private static final class PeggingList extends AbstractList<Pegging> implements RandomAccess {
    private final long[] material;
    private final byte[] supplyKind;
    private final long[] supplyId;
    private final byte[] demandKind;
    private final long[] demandId;
    private final int[] item;
    private final double[] qty;
    private final int size;

    PeggingList(
        long[] material,
        byte[] supplyKind,
        long[] supplyId,
        byte[] demandKind,
        long[] demandId,
        int[] item,
        double[] qty,
        int size) {
      this.material = material;
      this.supplyKind = supplyKind;
      this.supplyId = supplyId;
      this.demandKind = demandKind;
      this.demandId = demandId;
      this.item = item;
      this.qty = qty;
      this.size = size;
    }

    @Override
    public Pegging get(int x) {
      Objects.checkIndex(x, size);
      return new Pegging(
          supplyId[x],
          SUPPLY_KINDS[supplyKind[x]],
          demandId[x],
          DEMAND_KINDS[demandKind[x]],
          material[item[x]],
          qty[x]);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** Open-addressing map from material id to dense item index, without boxing. */
  private static final class LongIntMap {
    private final long[] keys;
    private final int[] values;
    private final int mask;

    LongIntMap(int expected) {
      int cap = 4;
      while (cap < 2L * expected) {
        cap <<= 1;
      }
      keys = new long[cap];
      values = new int[cap];
      Arrays.fill(values, -1);
      mask = cap - 1;
    }

    private int slot(long key) {
      long h = key * 0x9E37_79B9_7F4A_7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Stores key → value unless key is present; returns whether it was stored. */
    boolean putIfAbsent(long key, int value) {
      int s = slot(key);
      while (values[s] >= 0) {
        if (keys[s] == key) {
          return false;
        }
        s = (s + 1) & mask;
      }
      keys[s] = key;
      values[s] = value;
      return true;
    }

    /** The value of key, or -1. */
    int get(long key) {
      int s = slot(key);
      while (values[s] >= 0) {
        if (keys[s] == key) {
          return values[s];
        }
        s = (s + 1) & mask;
      }
      return -1;
    }
  }
}
