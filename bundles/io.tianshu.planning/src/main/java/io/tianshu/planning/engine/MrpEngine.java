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
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;

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
 *       largest code of its parents. An {@link PlanOutput output} counts like a BOM line: the
 *       producing item is a parent of its co- or by-product. A cycle in the BOM (BOM lines and
 *       outputs together) is refused with an {@link IllegalArgumentException} naming the path
 *       ({@code "BOM cycle: 1 -> 2 -> 3 -> 1 / …"}, starting at the cycle item that comes first in
 *       the input). Items are planned by low-level code, within a code in input order, so every
 *       parent is planned before its components and every producer before its co-products.
 *       Substitution groups add edges of their own (see Substitution order).
 *   <li><b>Gross requirements</b> of an item = its independent demands that are not make-to-order +
 *       the dependent demand of all its parents' planned orders ({@code parent order quantity ×
 *       quantityPer × (1 + scrap / 100)}, due on the parent order's release date) + requirements
 *       passed through phantom parents.
 *   <li><b>Netting.</b> Requirements in date order take on-hand first, then scheduled receipts in
 *       date order, then co-product receipts (see below), then planned orders. Receipts are assumed
 *       movable: a receipt covers the earliest uncovered requirement even if it arrives later, and
 *       an {@link MrpMessage#EXPEDITE} message says so; no planned order is created while on-hand
 *       and receipts are not used up. Safety stock is a requirement on the plan start, after that
 *       day's demands, so projected available never falls below it (except before the first
 *       possible arrival, see below); for safety stock that changes over time see Dynamic safety
 *       stock.
 *   <li><b>Dynamic safety stock</b> ({@link PlanItem#safetyStockSteps()}, date-effective). The
 *       safety stock on day t is the quantity of the last step dated on or before t, else {@link
 *       PlanItem#safetyStock()}; a step dated on or before the plan start sets the level L0 from
 *       the plan start, steps on or after the end of the horizon are ignored. L0 is the safety
 *       requirement on the plan start as above (demand id 0). Each later step k (1-based position
 *       in the list) on day d with level L_k changes the requirement: an increase L_k &gt; L_{k−1}
 *       is a further requirement of L_k − L_{k−1} on d, after that day's demands, pegged {@link
 *       Pegging#SAFETY_STOCK} with demand id k; a decrease releases L_{k−1} − L_k on d, a
 *       non-movable supply like a co-product receipt: it serves only requirements dated on or after
 *       d, comes after on-hand and scheduled receipts and, on one day, before co-product receipts,
 *       and is pegged as {@link Pegging#ON_HAND} with supply id k (the stock is on hand; what no
 *       requirement takes stays as stock, unpegged). A step that keeps the level changes nothing.
 *       So projected available at the end of each day t ≥ the safety stock of t, except before the
 *       first possible arrival (a shortage there, including one a later release cannot cover, is
 *       covered as described under Past due, with the BELOW_SAFETY message naming the level of the
 *       first short day). Increases are no gross requirements for the period order quantity.
 *       Refused with an {@link IllegalArgumentException} naming the item and the step: a step
 *       without date, a quantity &lt; 0 or not finite, dates not strictly increasing. Phantoms
 *       ignore the steps (they are still checked); the planning time fence applies as to any
 *       requirement.
 *   <li><b>Co- and by-products.</b> Every planned order of P (make-to-order orders included) with
 *       good output g yields g × quantityPer of C for each {@link PlanOutput} P → C (several
 *       outputs of one parent to C, or outputs of C from several parents, add up) on the order's
 *       due date: a co-product receipt of C ({@link Pegging#CO_PRODUCT}, supply id = P's planned
 *       order id); one due on or after the end of the horizon is ignored. Unlike scheduled receipts
 *       it is not movable: it serves only C's requirements dated on or after its due date
 *       (projected available rises on that day). C's requirements take, in order: on-hand,
 *       scheduled receipts (as above), co-product receipts (by date, then P's order id; each only
 *       for requirements on or after its date), then C's own planned orders, which are created
 *       where these do not suffice (a shortage before C's first possible arrival that a later
 *       co-product receipt cannot cover is covered as described under Past due). Co-product
 *       receipts get no {@link MrpMessage#EXPEDITE}, DEFER or CANCEL messages; what no requirement
 *       takes stays as stock, unpegged. Refused with an {@link IllegalArgumentException} naming the
 *       output: an unknown parent or output material, a phantom parent, a phantom output, an output
 *       equal to its parent, quantityPer ≤ 0 or not finite.
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
 *   <li><b>Planning time fence.</b> Inside an item's {@link PlanItem#planningFenceDays() planning
 *       time fence} the planner decides: MRP creates no planned order of the item due before the
 *       fence date {@code F}, the first working day on or after the plan start + {@code
 *       planningFenceDays} calendar days (no fence for 0). The first possible arrival becomes
 *       {@code max(fa, F)}, and a shortage before it is covered, as for past due, by orders due on
 *       that day. When the fence and not the lead time is what moves them ({@code F > fa}), each
 *       such order gets a {@link MrpMessage#PLANNING_FENCE} message (dated the day it was needed)
 *       instead of PAST_DUE and is released the lead time before its due date as usual (which is
 *       then never before the plan start); the item gets the {@link MrpMessage#BELOW_SAFETY}
 *       message as above. When {@code F <= fa} the fence changes nothing (PAST_DUE as above). If
 *       {@code F} lies beyond the horizon, the orders are still created, due on {@code F}; the
 *       dependent demand of an order released on or after the end of the horizon is ignored, as any
 *       requirement there. Make-to-order demands obey the fence too (see below). Phantoms get no
 *       planned orders: a fence on a phantom is ignored.
 *   <li><b>Make-to-order.</b> A {@link PlanDemand#makeToOrder() make-to-order} demand of item X
 *       with quantity q &gt; 0 on day d (within the horizon, see above) is supplied by a planned
 *       order of X of its own: good output exactly q, without lot sizing, minimum, maximum or
 *       multiple (the yield inflates the order quantity as usual: q × 100 / yieldPercent), due on d
 *       and released as above; when d is before {@code fa} (see Past due) the order is released on
 *       the plan start and due on {@code fa}, with a {@link MrpMessage#PAST_DUE} message (needed on
 *       d) but no {@link MrpMessage#BELOW_SAFETY} message. Behind a planning time fence {@code F >
 *       fa} the order is due on {@code max(d, F)} instead, released the lead time before, with a
 *       {@link MrpMessage#PLANNING_FENCE} message (needed on d) when {@code d < F} and no
 *       BELOW_SAFETY message. It is no gross requirement of X: it takes neither X's on-hand nor its
 *       receipts, X's other planned orders never serve it, and its order serves no other
 *       requirement (nor stays as stock). The order's dependent demand on X's components is
 *       ordinary dependent demand (components are netted as usual), due on its release date. A
 *       make-to-order demand of quantity 0 gets no order; one on a phantom is refused with an
 *       {@link IllegalArgumentException} naming the demand, whatever its date.
 *   <li><b>Planned-order ids</b> are 1, 2, … in creation order: items in processing order (see
 *       Low-level codes), an item's orders by due date; on one due date the make-to-order orders
 *       (by demand date, then input order) come before the other orders (in lot-sizing order).
 *   <li><b>Phantoms</b> get no planned orders; requirements not covered by their own on-hand and
 *       receipts are passed, on the same date and without lot sizing, lead time, yield or safety
 *       stock, to their components.
 *   <li><b>Pegging.</b> Every unit of every requirement is pegged to the supplies covering it (see
 *       {@link Pegging}); a requirement passed through a phantom is pegged, on the component, with
 *       the kind and id of the phantom requirement it comes from. A make-to-order demand is pegged
 *       to its own order in one row (supply PLANNED that order, demand DEMAND that id, the full
 *       quantity); an item's make-to-order rows come first, in order id order, then the rows of its
 *       other requirements.
 *   <li><b>Substitutions</b> (替代料, {@link PlanSubstitution}). The dependent requirement of a
 *       primary P from an order of a non-phantom parent X, dated d (the order's release date), is
 *       subject to one group: the group of primary P for parent X, else the group of P for any
 *       parent; among several, the lowest group id. A set is valid at d when {@code validFrom <= d
 *       < validTo} (open ends). Independent demands of P, requirements passed through a phantom
 *       parent and what a substitute receives through a substitution are never substituted (no
 *       chains). Moving s units of P to a set gives each of its parts m a dependent requirement of
 *       {@code s × quantity} on d, pegged (DEPENDENT) to the same parent order, with a {@link
 *       MrpMessage#SUBSTITUTED} message on m (quantity in units of m). REPLACEMENT: while a set is
 *       valid at d, the whole requirement goes to the first valid set (by priority, then input
 *       order) instead of P. DATE_EFFECTIVE: the same, counting only sets with a validFrom.
 *       DESIGNATED: the same, only for X's make-to-order orders whose demand's reference is one of
 *       the group's demand references. Otherwise the requirement stays on P.
 *   <li><b>Use-up and priority substitution.</b> USE_UP: the requirement first takes P's on-hand
 *       and receipts, in the order P's pegging uses them (requirements by date, day 0's before the
 *       safety stock, a day's before its safety-stock increase; released safety stock adds to them
 *       from its day); what they leave uncovered goes wholly to the first valid set, and P plans
 *       orders only for the rest of its requirements (as usual when no set is valid). PRIORITY:
 *       likewise P's on-hand and receipts first, then the free supply of the valid sets in priority
 *       order, and only what remains is planned on P. The free supply of a substitute m at d is the
 *       minimum over {@code [d, horizon)} of its projected available without planned orders
 *       (on-hand + receipts on their dates − the safety stock of the day − its requirements known
 *       when P is netted: from all its sources but PRIORITY primaries planned after P), less what
 *       was passed to it since, never negative; a multi-part set offers the minimum over its parts
 *       of free / quantity sets. Co-product receipts count for neither P nor m.
 *   <li><b>Substitution order.</b> Low-level codes get extra edges: X → each part for the redirect
 *       strategies (X the group's parent, or every non-phantom parent of P), P → each part for
 *       USE_UP and PRIORITY and, for PRIORITY, every other source of a part (its BOM parents and
 *       the sources of redirect and USE_UP edges into it) → P, so that the substitute's
 *       requirements are known when P is netted. Groups are added in id order, redirect and USE_UP
 *       groups before PRIORITY groups; a group whose edges would close a cycle is ignored (planned
 *       as if absent) with a {@link MrpMessage#SUBSTITUTION_IGNORED} message on P. Refused with an
 *       {@link IllegalArgumentException} naming the group: an unknown parent, primary or part
 *       material, a phantom primary or part, a part equal to the primary, an empty set, a part
 *       quantity ≤ 0 or not finite, an unknown strategy, validTo ≤ validFrom, rows of one group
 *       that disagree on parent, primary or strategy.
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
 * rows live in primitive arrays indexed by dense item index; where-used and demand lists (the
 * make-to-order demands in a list of their own, by day) are CSR arrays. An item's requirements are
 * gathered directly from its parents' planned orders (which are contiguous per item) and put in
 * (day, gathering order) order by a counting sort over the days (or, for few requirements, a sort
 * of packed {@code day << 40 | sequence} keys), then netted in one pass over the requirement days;
 * no per-bucket object and no boxing in the item loop. The orders of make-to-order demands are
 * created during that pass, each before the first lot-sized order due on or after its due date, and
 * marked with their demand for the pegging side. Orders released on or after the end of the horizon
 * (possible only behind a planning time fence reaching beyond it) are the last orders of their item
 * and are left out when gathering the requirements of its components.
 *
 * <p>Co-product receipts of an item are gathered, when it is planned, from the good output of its
 * producers' planned orders (kept per producing item), sorted by (day, order id) and handed to the
 * pegging side with the item; an item without them is netted and pegged exactly as before. The
 * safety-stock steps within the horizon are split once, at the start, into CSR arrays of increases
 * and decreases by item; the decreases join the co-product receipts as non-movable supplies, the
 * increases are merged into netting and pegging by day. An item without steps within the horizon
 * (its level on the plan start in place of its safety stock) is netted and pegged as before.
 *
 * <p>Planned orders (release, due, quantity) and pegging rows (supply and demand as one int
 * reference each, quantity) are stored in chunks, so growing them never copies more than the first
 * chunk; the material of an order or pegging row is found from the per-item start offsets. Pegging
 * an item needs only that item's sorted requirements, receipts and planned orders, so on inputs of
 * some size it runs on a second thread: the planning thread hands batches of planned items over in
 * processing order and the pegging thread pegs them in that order (waiting only where a phantom's
 * pass-through requirements are needed), which gives exactly the single-threaded results.
 *
 * <p>Substitution groups are arrays of sets and parts by dense group index, with CSR lists of the
 * active groups per primary and of the redirect groups per substitute. Items that are neither
 * primary nor substitute of an active group are gathered and netted exactly as without
 * substitutions; the others are gathered by a plain loop that leaves out redirected requirements
 * and adds the substitute's share, and a USE_UP or PRIORITY primary's sorted requirements are cut
 * by one pass over its on-hand and receipts before netting, the passed quantities kept per
 * substitute until it is planned.
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

  /*
   * Supplies and demands are int references: a planned order by its index (id = index + 1) as
   * itself (>= 0); on-hand (supply) and safety stock on the plan start (demand) as REF_NONE; a
   * receipt (supply) or an independent demand (demand) with input index j as -2 - j; the safety
   * stock released by decrease z (supply, z indexes all items' decreases) as -2 - receipts - z and
   * the safety requirement of increase z (demand) as -2 - demands - z; a co-product receipt
   * (supply) from the planned order with index o as Integer.MIN_VALUE + o (below every receipt and
   * release reference).
   */
  static final int REF_NONE = -1;

  /** Batches in flight between the planning and the pegging thread. */
  private static final int BATCHES = 4;

  /** A batch is handed over once it holds this many requirements or items. */
  private static final int FLUSH_REQUIREMENTS = 1 << 16;

  private static final int FLUSH_ITEMS = 1024;

  /**
   * Planned orders per chunk (beyond the first, which grows up to it); a little less than a power
   * of two so that a chunk's arrays, header included, fill whole heap regions.
   */
  private static final int ORDER_CHUNK = (1 << 20) - 8;

  /**
   * Inputs with fewer demands + BOM lines + items than this are planned on one thread; larger ones
   * peg on a second thread while planning goes on (same results either way).
   */
  static final int PARALLEL_THRESHOLD = 50_000;

  private static final int DAY_SHIFT = 40;
  private static final long SEQ_MASK = (1L << DAY_SHIFT) - 1;

  private MrpEngine() {}

  /**
   * Plans all items of {@code input}; see the class comment for the rules.
   *
   * @throws IllegalArgumentException on a BOM cycle (through BOM lines and outputs, naming the
   *     path), two items for one material, a BOM line, output, demand or receipt naming an unknown
   *     material, a make-to-order demand on a phantom, an output of or to a phantom or equal to its
   *     parent, an output quantityPer ≤ 0 or not finite, or an invalid number (negative, including
   *     a negative lead time or planning time fence, not finite, yield outside [0, 100], fixed
   *     quantity ≤ 0 with FIXED_QUANTITY, period &lt; 1 with PERIOD_ORDER_QUANTITY, a missing
   *     lot-sizing rule or date), invalid safety-stock steps, or an invalid substitution group (see
   *     the class comment)
   */
  public static MrpResult run(MrpInput input) {
    return run(input, PARALLEL_THRESHOLD);
  }

  /**
   * {@link #run(MrpInput)} with the size from which pegging runs on a second thread; tests force
   * either path with 0 or {@link Integer#MAX_VALUE}.
   */
  static MrpResult run(MrpInput input, int parallelThreshold) {
    Objects.requireNonNull(input, "input");
    long t0 = System.nanoTime();
    Planner planner = new Planner(input, parallelThreshold);
    planner.plan();
    long millis = (System.nanoTime() - t0) / 1_000_000L;
    return planner.result(millis);
  }

  /**
   * A finished run kept for net change ({@link NetChangePlanner}): its result, and single items
   * planned again after their demands or their parents' orders changed, exactly as a full run would
   * plan them given those (same gathering, netting, pegging and messages). Not for inputs with
   * phantoms, co-products or substitution groups among the re-planned items (the caller falls back
   * to a full run there). Re-planned orders are planned at the end of the run's order storage;
   * unchanged ones are dropped again, changed ones get new ids (counting up from the largest so
   * far) and stay there (with some room to spare), or move back into the item's earlier place when
   * that was made by net change and is large enough. Order references in re-planned pegging rows
   * and messages are ids. The orders of the first run are never overwritten, so its result stays
   * valid.
   */
  static final class Session {
    private final Planner planner;
    private final MrpResult result;
    private final int[] posOf;

    /** Plans {@code input} as {@link #run(MrpInput)} does and keeps the run. */
    Session(MrpInput input) {
      Objects.requireNonNull(input, "input");
      long t0 = System.nanoTime();
      planner = new Planner(input, PARALLEL_THRESHOLD);
      planner.plan();
      result = planner.result((System.nanoTime() - t0) / 1_000_000L);
      int[] order = planner.order;
      posOf = new int[order.length];
      for (int x = 0; x < order.length; x++) {
        posOf[order[x]] = x;
      }
    }

    /** The result of the first run. */
    MrpResult result() {
      return result;
    }

    /** Replaces the independent demands of item i (input index) by ds, in input order. */
    void setDemands(int i, List<PlanDemand> ds) {
      planner.setDemands(i, ds);
    }

    /**
     * Plans item i (input index) again; its pegging rows go to pegging[0], its messages are added
     * to the list. Returns whether its orders changed (then they have new ids, counting up from the
     * largest so far, in due-date order; otherwise the old ones stay).
     */
    boolean replan(int i, PegColumns[] pegging, List<MrpMessage> messages) {
      return planner.replan(posOf[i], pegging, messages);
    }

    /** Orders stored, including superseded ones and room kept for re-planned ones. */
    int storedOrders() {
      return planner.storedOrders();
    }

    /**
     * Id of the first current order of item i (ids of an item's orders are consecutive); 0 when it
     * has none.
     */
    long firstOrderId(int i) {
      return orderCount(i) == 0 ? 0 : planner.orderId(planner.orderStart(i));
    }

    /** The id the next new order gets. */
    long nextId() {
      return planner.firstRunOrders < 0 ? planner.storedOrders() + 1L : planner.nextId;
    }

    int orderCount(int i) {
      return planner.orderEnd(i) - planner.orderStart(i);
    }

    /** Release days, due days and quantities of item i's current orders, from index 0. */
    void readOrders(int i, int[] rel, int[] due, double[] qty) {
      planner.readOrders(i, rel, due, qty);
    }
  }

  /**
   * Pegging rows of one re-planned item (net change) as the engine's references, decoded into
   * records on demand with the id arrays of the time they were made; order references are
   * translated to id − 1 when made, so later re-plans (which may reuse order places) change nothing
   * here.
   */
  static final class PegColumns {
    private static final long[] NONE = new long[0];

    private final long material;
    private final int[] sup;
    private final int[] dem;
    private final double[] qty;
    private final long[] rcId;
    private final long[] demId;
    private final long[] incId;
    private final long[] relId;

    PegColumns(
        long material,
        int[] sup,
        int[] dem,
        double[] qty,
        long[] rcId,
        long[] demId,
        long[] incId,
        long[] relId) {
      this.material = material;
      this.sup = sup;
      this.dem = dem;
      this.qty = qty;
      this.rcId = rcId;
      this.demId = demId;
      this.incId = incId == null ? NONE : incId;
      this.relId = relId == null ? NONE : relId;
    }

    int size() {
      return qty.length;
    }

    Pegging get(int k) {
      return PeggingList.decode(sup[k], dem[k], qty[k], material, rcId, demId, incId, relId);
    }
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
    private final int parallelThreshold;
    private final MrpInput in;
    private final WorkCalendar cal;
    private final LocalDate planStart;
    private final long startEpoch;
    private final int horizon;
    private final int n;

    // items
    private final long[] material;
    private final int[] lead;
    private final int[] fence; // planning time fence in calendar days, 0 for phantoms
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

    // outputs (co- and by-products): CSR by parent and by output item; null when there are none
    private int[] outParent;
    private int[] outComp;
    private double[] outPer;
    private int[] outByParentStart;
    private int[] outByParent;
    private int[] outByCompStart;
    private int[] outByComp;
    // per output item its distinct producers in processing order, quantityPer summed in input order
    private int[] prodStart;
    private int[] prodItem;
    private double[] prodPer;
    private boolean[] producer;
    private double[][] goodOf; // good output of each producer's planned orders (planning side)
    private int[] llc;
    private int maxCode;
    private int[] order;

    // substitution groups, dense index g in ascending group id; gCount 0 and the rest null when
    // there are none. A group's sets are [gSetStart[g], gSetStart[g + 1]) in (priority, input)
    // order, a set's parts [setPartStart[s], setPartStart[s + 1])
    private int gCount;
    private long[] gId;
    private int[] gParent; // item, or -1 for any parent
    private int[] gPrimary;
    private int[] gStrat;
    private List<Set<String>> gRefs;
    private boolean[] gActive;
    private int[] gSetStart;
    private int[] setFrom; // day index, Integer.MIN_VALUE when open
    private int[] setTo; // day index (exclusive), Integer.MAX_VALUE when open
    private int[] setPartStart;
    private int[] partItem;
    private double[] partQty;
    // extra low-level-code edges of the active groups, as linked lists by source item
    private int[] exHead;
    private int[] exNext = new int[0];
    private int[] exFrom = new int[0];
    private int[] exTo = new int[0];
    private int exCount;
    // per primary item its active groups (by id) and its ignored groups; per item the active
    // redirect groups it is a part of; null when there are no groups
    private int[] actStart;
    private int[] actGroups;
    private int[] ignStart;
    private int[] ignGroups;
    private int[] redStart;
    private int[] redGroups;
    private boolean[] involved; // primary or part of an active group: gathered by gatherInvolved
    private boolean[] subNet; // primary of an active USE_UP or PRIORITY group
    private boolean[] keepMto; // parent of a DESIGNATED group: its orders' demands are kept
    private int[][] mtoOf;
    // requirements passed or taken by USE_UP / PRIORITY primaries, by substitute item (planning
    // side: written when the primary is planned, read when the substitute is planned)
    private int[] inCount;
    private int[][] inDay;
    private double[][] inQty;
    private int[][] inRef;
    private int[][] inGrp;
    // planning side scratch: candidate group of each sorted requirement of the item being planned
    private int[] eGrp = new int[16];
    private int[] sGrp = new int[16];
    // planning side scratch: free supply of PRIORITY substitutes while a primary is netted
    private int[] slotOf;
    private int slots;
    private int[] slotItem = new int[4];
    private double[] slotTaken = new double[4];
    private double[][] slotMin = new double[4][];

    // calendar over the horizon
    private int[] wp; // wp[d] = working days in [0, d)
    private int[] workIdx; // day index of the k-th working day

    // demands and receipts
    // per item its demands demList[demFrom[i], demTo[i]) in input order (net change appends an
    // item's changed list at the end of demList); demand arrays may be longer than the demands
    private int[] demFrom;
    private int[] demTo;
    private int[] demList;
    private int demCount;
    private int[] demDay;
    private double[] demQty;
    private long[] demId;
    // make-to-order demands with quantity > 0 within the horizon, by item, then (day, input order);
    // null when there are none
    private int[] mtoFrom;
    private int[] mtoTo;
    private int[] mtoList;
    private int[] rcStart;
    private int[] rcList;
    private int[] rcDay;
    private double[] rcQty;
    private long[] rcId;
    // date-effective safety stock: per item (CSR, by day) the increases of the level dated within
    // (0, horizon), a safety requirement each (demand reference -2 - demId.length - z), and the
    // decreases, a release each (supply reference -2 - rcId.length - z); the ids are the steps'
    // 1-based list positions. safety[i] is the level on the plan start. null when no item has a
    // step within the horizon
    private int[] incStart;
    private int[] incDay;
    private double[] incQty;
    private long[] incId;
    private int[] relStart;
    private int[] relDay;
    private double[] relQty;
    private long[] relId;

    // planned orders (id = index + 1), contiguous per item; written by the planning thread only
    // stored in chunks; the orders of one item are never split over two chunks
    private int poCount;
    private int[][] poRelC = new int[4][];
    private int[][] poDueC = new int[4][];
    private double[][] poQtyC = new double[4][];
    private int[] poChunkBase = new int[5]; // index of the first order of each chunk
    private int poChunks = 1;
    private int[] poRel = new int[16]; // the last chunk, its first order has index poBase
    private int[] poDue = new int[16];
    private double[] poQty = new double[16];
    private int poBase;
    private final int[] poChunk; // the chunk of each item's orders
    private final int[] poFirst;
    private final int[] poEnd;
    private final int[] poRelEnd; // end of the item's orders released within the horizon
    private final int[] poPosStart; // first order of the item at each processing position

    // requirements passed through each phantom (demand references in ptRefOf); written by the
    // pegging side, read by the planning side once pegDone is past the phantom's position
    private int[][] ptDayOf;
    private double[][] ptQtyOf;
    private int[][] ptRefOf;
    private int[] posOf;

    // pegging side: pegging rows, contiguous per item (processing order), and messages
    private PegStore pegs; // replaced while net change re-plans an item
    private final int[] pegPosStart; // first pegging row of the item at each processing position
    private List<MrpMessage> messages = new ArrayList<>(); // replaced as pegs
    private int[] rxNeed = new int[16];
    private int ptCount;
    private int[] ptDay = new int[16];
    private double[] ptQty = new double[16];
    private int[] ptRef = new int[16];

    // hand-over from the planning side to the pegging side
    private volatile int pegDone; // items (processing positions) pegged so far
    private volatile Throwable pegFailure;
    private Batch cur = new Batch();
    private ArrayBlockingQueue<Batch> full;
    private ArrayBlockingQueue<Batch> free;

    // planning side scratch: requirements of the current item as gathered; sorted ones go to cur
    private int[] eDay = new int[16];
    private double[] eQty = new double[16];
    private int[] eRef = new int[16];
    private long[] keys = new long[16];
    private int[] dayCount;
    // planning side scratch: receipts of the current item, sorted by day
    private int[] rxTmp = new int[16];
    private int[] rxList = new int[16];
    private long[] rxKeys = new long[16];
    // planning side scratch: co-product receipts of the current item
    private int[] cpTmpDay = new int[16];
    private double[] cpTmpQty = new double[16];
    private int[] cpTmpRef = new int[16];
    private long[] cpKeys = new long[16];
    // planning side: the item being netted has a planning time fence beyond its first arrival
    private boolean fenced;

    Planner(MrpInput in, int parallelThreshold) {
      this.parallelThreshold = parallelThreshold;
      this.in = in;
      this.cal = in.calendar();
      this.planStart = in.planStart();
      this.startEpoch = planStart.toEpochDay();
      this.horizon = in.horizonDays();
      List<PlanItem> items = in.items();
      n = items.size();
      material = new long[n];
      lead = new int[n];
      fence = new int[n];
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
      poRelEnd = new int[n];
      poChunk = new int[n];
      poRelC[0] = poRel;
      poDueC[0] = poDue;
      poQtyC[0] = poQty;
      poPosStart = new int[n + 1];
      pegPosStart = new int[n + 1];
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
        if (it.planningFenceDays() < 0) {
          throw new IllegalArgumentException(who + ": planningFenceDays must be >= 0");
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
        fence[i] = it.phantom() ? 0 : it.planningFenceDays();
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
      prepareOutputs();
      prepareCalendar();
      prepareDemands();
      prepareReceipts();
      prepareSafetySteps(items);
      prepareSubstitutions();
      pegs = new PegStore(rcId, demId);
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

    private void prepareOutputs() {
      List<PlanOutput> os = in.outputs();
      int m = os.size();
      if (m == 0) {
        return;
      }
      outParent = new int[m];
      outComp = new int[m];
      outPer = new double[m];
      producer = new boolean[n];
      for (int k = 0; k < m; k++) {
        PlanOutput o = os.get(k);
        String who =
            "output #"
                + (k + 1)
                + " (parent "
                + o.parentMaterialId()
                + ", output "
                + o.outputMaterialId()
                + ")";
        int p = index.get(o.parentMaterialId());
        if (p < 0) {
          throw new IllegalArgumentException(
              who + ": unknown parent material " + o.parentMaterialId());
        }
        int c = index.get(o.outputMaterialId());
        if (c < 0) {
          throw new IllegalArgumentException(
              who + ": unknown output material " + o.outputMaterialId());
        }
        if (!(o.quantityPer() > 0) || Double.isInfinite(o.quantityPer())) {
          throw new IllegalArgumentException(
              who + ": quantityPer must be finite and > 0, was " + o.quantityPer());
        }
        if (p == c) {
          throw new IllegalArgumentException(
              who + ": output material " + o.outputMaterialId() + " is its parent");
        }
        if (phantom[p]) {
          throw new IllegalArgumentException(
              who + ": parent material " + o.parentMaterialId() + " is a phantom");
        }
        if (phantom[c]) {
          throw new IllegalArgumentException(
              who + ": output material " + o.outputMaterialId() + " is a phantom");
        }
        outParent[k] = p;
        outComp[k] = c;
        outPer[k] = o.quantityPer();
        producer[p] = true;
      }
      outByParentStart = csrStart(outParent, m, n);
      outByParent = csrFill(outParent, m, outByParentStart);
      outByCompStart = csrStart(outComp, m, n);
      outByComp = csrFill(outComp, m, outByCompStart);
      goodOf = new double[n][];
    }

    /** The producers of each output item, in processing order (needs {@link #order}). */
    private void prepareProducers() {
      int[] pos = new int[n];
      for (int x = 0; x < n; x++) {
        pos[order[x]] = x;
      }
      int m = outParent.length;
      prodStart = new int[n + 1];
      prodItem = new int[m];
      prodPer = new double[m];
      long[] k = new long[m];
      int y = 0;
      for (int c = 0; c < n; c++) {
        prodStart[c] = y;
        int from = outByCompStart[c];
        int to = outByCompStart[c + 1];
        for (int x = from; x < to; x++) {
          int line = outByComp[x];
          k[x] = ((long) pos[outParent[line]] << 32) | line;
        }
        Arrays.sort(k, from, to);
        for (int x = from; x < to; x++) {
          int line = (int) k[x];
          int p = outParent[line];
          if (y > prodStart[c] && prodItem[y - 1] == p) {
            prodPer[y - 1] += outPer[line];
          } else {
            prodItem[y] = p;
            prodPer[y] = outPer[line];
            y++;
          }
        }
      }
      prodStart[n] = y;
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
      int[] mtoItem = null;
      for (int j = 0; j < nd; j++) {
        PlanDemand x = ds.get(j);
        // The message prefix is built only on failure: a million demands would pay for it.
        if (x.date() == null) {
          throw new IllegalArgumentException("demand " + x.id() + ": date is required");
        }
        if (!(x.quantity() >= 0) || Double.isInfinite(x.quantity())) {
          checkQuantity("demand " + x.id(), "quantity", x.quantity());
        }
        int i = index.get(x.materialId());
        if (i < 0) {
          throw new IllegalArgumentException(
              "demand " + x.id() + ": unknown material " + x.materialId());
        }
        if (x.makeToOrder() && phantom[i]) {
          throw new IllegalArgumentException(
              "demand " + x.id() + ": make-to-order demand on phantom material " + x.materialId());
        }
        long off = x.date().toEpochDay() - startEpoch;
        item[j] = off >= horizon ? -1 : i;
        demDay[j] = (int) Math.max(0, Math.min(off, horizon));
        demQty[j] = x.quantity();
        demId[j] = x.id();
        if (x.makeToOrder()) {
          if (mtoItem == null) {
            mtoItem = new int[nd];
            Arrays.fill(mtoItem, -1);
          }
          mtoItem[j] = x.quantity() > 0 ? item[j] : -1;
          item[j] = -1;
        }
      }
      int[] demStart = csrStart(item, nd, n);
      demList = csrFill(item, nd, demStart);
      demFrom = Arrays.copyOf(demStart, n);
      demTo = Arrays.copyOfRange(demStart, 1, n + 1);
      demCount = nd;
      if (mtoItem != null) {
        int[] mtoStart = csrStart(mtoItem, nd, n);
        mtoList = csrFill(mtoItem, nd, mtoStart);
        long[] k = new long[mtoList.length];
        for (int x = 0; x < k.length; x++) {
          k[x] = ((long) demDay[mtoList[x]] << 32) | mtoList[x];
        }
        for (int i = 0; i < n; i++) {
          if (mtoStart[i + 1] - mtoStart[i] > 1) {
            Arrays.sort(k, mtoStart[i], mtoStart[i + 1]);
          }
        }
        for (int x = 0; x < k.length; x++) {
          mtoList[x] = (int) k[x];
        }
        mtoFrom = Arrays.copyOf(mtoStart, n);
        mtoTo = Arrays.copyOfRange(mtoStart, 1, n + 1);
      }
    }

    /**
     * Checks the safety-stock steps of all items, sets safety[i] to the level on the plan start and
     * splits the later changes within the horizon into increases and releases.
     */
    private void prepareSafetySteps(List<PlanItem> items) {
      int total = 0;
      for (int i = 0; i < n; i++) {
        PlanItem it = items.get(i);
        List<SafetyStockStep> steps = it.safetyStockSteps();
        String who = "item " + it.materialId();
        LocalDate prev = null;
        for (int z = 0; z < steps.size(); z++) {
          SafetyStockStep st = steps.get(z);
          String what = "safety stock step #" + (z + 1);
          if (st == null || st.from() == null) {
            throw new IllegalArgumentException(who + ": " + what + " needs a date");
          }
          checkQuantity(who, what + " quantity", st.quantity());
          if (prev != null && !st.from().isAfter(prev)) {
            throw new IllegalArgumentException(
                who + ": safety stock steps must have strictly increasing dates, " + what);
          }
          prev = st.from();
          long off = st.from().toEpochDay() - startEpoch;
          if (!phantom[i] && off > 0 && off < horizon) {
            total++;
          }
        }
      }
      if (total == 0) {
        for (int i = 0; i < n; i++) {
          for (SafetyStockStep st : items.get(i).safetyStockSteps()) {
            if (!phantom[i] && st.from().toEpochDay() <= startEpoch) {
              safety[i] = st.quantity();
            }
          }
        }
        return;
      }
      if ((long) demId.length + total >= Integer.MAX_VALUE / 2
          || (long) rcId.length + total >= Integer.MAX_VALUE / 2) {
        throw new IllegalArgumentException("too many demands, receipts and safety stock steps");
      }
      incStart = new int[n + 1];
      relStart = new int[n + 1];
      incDay = new int[total];
      incQty = new double[total];
      incId = new long[total];
      relDay = new int[total];
      relQty = new double[total];
      relId = new long[total];
      int ni = 0;
      int nl = 0;
      for (int i = 0; i < n; i++) {
        incStart[i] = ni;
        relStart[i] = nl;
        if (phantom[i]) {
          continue;
        }
        List<SafetyStockStep> steps = items.get(i).safetyStockSteps();
        double level = safety[i];
        for (int z = 0; z < steps.size(); z++) {
          SafetyStockStep st = steps.get(z);
          long off = st.from().toEpochDay() - startEpoch;
          double q = st.quantity();
          if (off <= 0) {
            safety[i] = q;
          } else if (off < horizon) {
            if (q > level) {
              incDay[ni] = (int) off;
              incQty[ni] = q - level;
              incId[ni] = z + 1L;
              ni++;
            } else if (q < level) {
              relDay[nl] = (int) off;
              relQty[nl] = level - q;
              relId[nl] = z + 1L;
              nl++;
            }
          } else {
            break;
          }
          level = q;
        }
      }
      incStart[n] = ni;
      relStart[n] = nl;
    }

    /** The safety stock of item i on day d (for messages). */
    private double levelAt(int i, int d) {
      double level = safety[i];
      if (incStart != null) {
        for (int z = incStart[i]; z < incStart[i + 1] && incDay[z] <= d; z++) {
          level += incQty[z];
        }
        for (int z = relStart[i]; z < relStart[i + 1] && relDay[z] <= d; z++) {
          level -= relQty[z];
        }
      }
      return level;
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

    // ------------------------------------------------------------ substitutions

    private static final int S_PRIORITY = 0;
    private static final int S_USE_UP = 1;
    private static final int S_DATE_EFFECTIVE = 2;
    private static final int S_DESIGNATED = 3;
    private static final int S_REPLACEMENT = 4;
    private static final String[] STRATEGIES = {
      PlanSubstitution.PRIORITY,
      PlanSubstitution.USE_UP,
      PlanSubstitution.DATE_EFFECTIVE,
      PlanSubstitution.DESIGNATED,
      PlanSubstitution.REPLACEMENT
    };

    /** Validates the substitution rows and stores them as groups of sets (see the fields). */
    private void prepareSubstitutions() {
      List<PlanSubstitution> rows = in.substitutions();
      int m = rows.size();
      if (m == 0) {
        return;
      }
      // rows by (group id, input order), then each group's rows by (priority, input order)
      Integer[] byGroup = new Integer[m];
      for (int r = 0; r < m; r++) {
        byGroup[r] = r;
      }
      Arrays.sort(
          byGroup,
          (a, b) -> {
            int c = Long.compare(rows.get(a).groupId(), rows.get(b).groupId());
            return c != 0 ? c : Integer.compare(a, b);
          });
      int groups = 0;
      for (int r = 0; r < m; r++) {
        if (r == 0 || rows.get(byGroup[r]).groupId() != rows.get(byGroup[r - 1]).groupId()) {
          groups++;
        }
      }
      gCount = groups;
      gId = new long[groups];
      gParent = new int[groups];
      gPrimary = new int[groups];
      gStrat = new int[groups];
      gRefs = new ArrayList<>(groups);
      gSetStart = new int[groups + 1];
      setFrom = new int[m];
      setTo = new int[m];
      setPartStart = new int[m + 1];
      int parts = 0;
      for (PlanSubstitution row : rows) {
        parts += row.parts().size();
      }
      partItem = new int[parts];
      partQty = new double[parts];
      int g = -1;
      int y = 0;
      int from = 0;
      for (int r = 0; r <= m; r++) {
        if (r > 0
            && (r == m || rows.get(byGroup[r]).groupId() != rows.get(byGroup[r - 1]).groupId())) {
          Arrays.sort(
              byGroup,
              from,
              r,
              (a, b) -> {
                int c = Integer.compare(rows.get(a).priority(), rows.get(b).priority());
                return c != 0 ? c : Integer.compare(a, b);
              });
          for (int z = from; z < r; z++) {
            PlanSubstitution row = rows.get(byGroup[z]);
            setFrom[z] = row.validFrom() == null ? Integer.MIN_VALUE : dayIndex(row.validFrom());
            setTo[z] = row.validTo() == null ? Integer.MAX_VALUE : dayIndex(row.validTo());
            setPartStart[z] = y;
            for (PlanSubstitutePart part : row.parts()) {
              partItem[y] = index.get(part.materialId());
              partQty[y] = part.quantity();
              y++;
            }
          }
          gSetStart[g + 1] = r;
          from = r;
        }
        if (r == m) {
          break;
        }
        PlanSubstitution row = rows.get(byGroup[r]);
        if (r == from) {
          g++;
          gId[g] = row.groupId();
          gSetStart[g] = r;
          startGroup(g, row);
        } else {
          PlanSubstitution first = rows.get(byGroup[from]);
          if (first.parentMaterialId() != row.parentMaterialId()
              || first.primaryMaterialId() != row.primaryMaterialId()
              || !Objects.equals(first.strategy(), row.strategy())) {
            throw invalidGroup(
                row.groupId(), "rows disagree on parent, primary or strategy / 替代组各行的父项、主料或策略不一致");
          }
        }
        checkSet(row);
      }
      setPartStart[m] = y;
    }

    private void startGroup(int g, PlanSubstitution row) {
      long id = row.groupId();
      int strat = -1;
      for (int x = 0; x < STRATEGIES.length; x++) {
        if (STRATEGIES[x].equals(row.strategy())) {
          strat = x;
        }
      }
      if (strat < 0) {
        throw invalidGroup(id, "unknown strategy " + row.strategy() + " / 未知的替代策略");
      }
      int parent = -1;
      if (row.parentMaterialId() != 0) {
        parent = index.get(row.parentMaterialId());
        if (parent < 0) {
          throw invalidGroup(
              id, "unknown parent material " + row.parentMaterialId() + " / 父项物料不存在");
        }
      }
      int primary = index.get(row.primaryMaterialId());
      if (primary < 0) {
        throw invalidGroup(
            id, "unknown primary material " + row.primaryMaterialId() + " / 主料物料不存在");
      }
      if (phantom[primary]) {
        throw invalidGroup(
            id, "primary material " + row.primaryMaterialId() + " is a phantom / 主料为虚拟件");
      }
      gStrat[g] = strat;
      gParent[g] = parent;
      gPrimary[g] = primary;
      gRefs.add(row.demandReferences());
    }

    private void checkSet(PlanSubstitution row) {
      long id = row.groupId();
      if (row.parts().isEmpty()) {
        throw invalidGroup(id, "a substitute set is empty / 替代料为空");
      }
      for (PlanSubstitutePart part : row.parts()) {
        Objects.requireNonNull(part, "part");
        long mat = part.materialId();
        int c = index.get(mat);
        if (c < 0) {
          throw invalidGroup(id, "unknown substitute material " + mat + " / 替代料物料不存在");
        }
        if (phantom[c]) {
          throw invalidGroup(id, "substitute material " + mat + " is a phantom / 替代料为虚拟件");
        }
        if (mat == row.primaryMaterialId()) {
          throw invalidGroup(id, "material " + mat + " is both primary and substitute / 主料与替代料相同");
        }
        if (!(part.quantity() > 0) || Double.isInfinite(part.quantity())) {
          throw invalidGroup(
              id,
              "quantity of substitute material "
                  + mat
                  + " must be finite and > 0, was "
                  + part.quantity()
                  + " / 替代料数量须为大于零的有限数");
        }
      }
      if (row.validFrom() != null
          && row.validTo() != null
          && !row.validFrom().isBefore(row.validTo())) {
        throw invalidGroup(id, "validTo <= validFrom / 替代料有效期为空");
      }
    }

    private static IllegalArgumentException invalidGroup(long id, String message) {
      return new IllegalArgumentException("substitution group " + id + ": " + message);
    }

    /** A date as a day index, clamped to [-2, horizon + 1] (which keeps every comparison). */
    private int dayIndex(LocalDate date) {
      long off = date.toEpochDay() - startEpoch;
      return (int) Math.max(-2, Math.min(off, horizon + 1L));
    }

    private boolean validAt(int set, int d) {
      return setFrom[set] <= d && d < setTo[set];
    }

    private void addEdge(int from, int to) {
      if (exCount == exTo.length) {
        int len = grownLength(exCount, exCount + 1);
        exNext = Arrays.copyOf(exNext, len);
        exFrom = Arrays.copyOf(exFrom, len);
        exTo = Arrays.copyOf(exTo, len);
      }
      exNext[exCount] = exHead[from];
      exFrom[exCount] = from;
      exTo[exCount] = to;
      exHead[from] = exCount++;
    }

    /** Adds the extra low-level-code edges of group g (see the class comment). */
    private void addGroupEdges(int g, int[] srcStart, int[] srcFrom) {
      int p = gPrimary[g];
      int st = gStrat[g];
      for (int y = setPartStart[gSetStart[g]]; y < setPartStart[gSetStart[g + 1]]; y++) {
        int s = partItem[y];
        if (st >= S_DATE_EFFECTIVE) {
          for (int u = usedStart[p]; u < usedStart[p + 1]; u++) {
            int x = lineParent[usedLines[u]];
            if (!phantom[x] && (gParent[g] < 0 || gParent[g] == x)) {
              addEdge(x, s);
            }
          }
        } else {
          addEdge(p, s);
        }
        if (st == S_PRIORITY) {
          // every other source of the substitute's requirements is planned before the primary
          for (int u = usedStart[s]; u < usedStart[s + 1]; u++) {
            int x = lineParent[usedLines[u]];
            if (x != p) {
              addEdge(x, p);
            }
          }
          for (int z = srcStart[s]; z < srcStart[s + 1]; z++) {
            if (srcFrom[z] != p) {
              addEdge(srcFrom[z], p);
            }
          }
        }
      }
    }

    /**
     * Activates the groups in id order, redirect and USE_UP groups first, then PRIORITY groups
     * (whose edges depend on the sources of their substitutes): a group whose edges would close a
     * cycle is ignored. {@code queue} holds a topological order of the graph so far.
     */
    private void activateGroups(int[] queue) {
      exHead = new int[n];
      Arrays.fill(exHead, -1);
      gActive = new boolean[gCount];
      int[] pos = new int[n];
      for (int x = 0; x < n; x++) {
        pos[queue[x]] = x;
      }
      int[] srcStart = new int[n + 1]; // no sources in the first pass
      int[] srcFrom = new int[0];
      for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
          // sources of each item through the edges of the first pass
          int[] key = Arrays.copyOf(exTo, exCount);
          srcStart = csrStart(key, exCount, n);
          int[] e = csrFill(key, exCount, srcStart);
          srcFrom = new int[exCount];
          for (int z = 0; z < exCount; z++) {
            srcFrom[z] = exFrom[e[z]];
          }
        }
        for (int g = 0; g < gCount; g++) {
          if ((gStrat[g] == S_PRIORITY) != (pass == 1)) {
            continue;
          }
          int mark = exCount;
          addGroupEdges(g, srcStart, srcFrom);
          boolean forward = true;
          for (int e = mark; e < exCount && forward; e++) {
            forward = pos[exFrom[e]] < pos[exTo[e]];
          }
          if (!forward) {
            if (kahn(queue) < n) {
              for (int e = exCount - 1; e >= mark; e--) {
                exHead[exFrom[e]] = exNext[e];
              }
              exCount = mark;
              continue;
            }
            for (int x = 0; x < n; x++) {
              pos[queue[x]] = x;
            }
          }
          gActive[g] = true;
        }
      }
      int[] key = new int[gCount];
      for (int g = 0; g < gCount; g++) {
        key[g] = gActive[g] ? -1 : gPrimary[g];
      }
      ignStart = csrStart(key, gCount, n);
      ignGroups = csrFill(key, gCount, ignStart);
      // active groups per primary: parent-specific ones first, each part in id order
      int[] spec = new int[gCount];
      int[] any = new int[gCount];
      for (int g = 0; g < gCount; g++) {
        key[g] = gActive[g] ? gPrimary[g] : -1;
        spec[g] = gActive[g] && gParent[g] >= 0 ? gPrimary[g] : -1;
        any[g] = gActive[g] && gParent[g] < 0 ? gPrimary[g] : -1;
      }
      actStart = csrStart(key, gCount, n);
      actGroups = new int[actStart[n]];
      int[] specStart = csrStart(spec, gCount, n);
      int[] specList = csrFill(spec, gCount, specStart);
      int[] anyStart = csrStart(any, gCount, n);
      int[] anyList = csrFill(any, gCount, anyStart);
      for (int i = 0; i < n; i++) {
        int z = actStart[i];
        int ns = specStart[i + 1] - specStart[i];
        System.arraycopy(specList, specStart[i], actGroups, z, ns);
        System.arraycopy(anyList, anyStart[i], actGroups, z + ns, anyStart[i + 1] - anyStart[i]);
      }
      involved = new boolean[n];
      subNet = new boolean[n];
      int[] lastRed = new int[n];
      Arrays.fill(lastRed, -1);
      int reds = 0;
      for (int g = 0; g < gCount; g++) {
        if (!gActive[g]) {
          continue;
        }
        involved[gPrimary[g]] = true;
        subNet[gPrimary[g]] |= gStrat[g] <= S_USE_UP;
        for (int y = setPartStart[gSetStart[g]]; y < setPartStart[gSetStart[g + 1]]; y++) {
          int s = partItem[y];
          involved[s] = true;
          if (gStrat[g] >= S_DATE_EFFECTIVE && lastRed[s] != g) {
            lastRed[s] = g;
            reds++;
          }
        }
        if (gStrat[g] == S_DESIGNATED && mtoList != null) {
          if (keepMto == null) {
            keepMto = new boolean[n];
            mtoOf = new int[n][];
          }
          int p = gPrimary[g];
          for (int u = usedStart[p]; u < usedStart[p + 1]; u++) {
            int x = lineParent[usedLines[u]];
            if (gParent[g] < 0 || gParent[g] == x) {
              keepMto[x] = true;
            }
          }
        }
      }
      int[] redItem = new int[reds];
      int[] redGroup = new int[reds];
      Arrays.fill(lastRed, -1);
      int r = 0;
      for (int g = 0; g < gCount; g++) {
        if (!gActive[g] || gStrat[g] < S_DATE_EFFECTIVE) {
          continue;
        }
        for (int y = setPartStart[gSetStart[g]]; y < setPartStart[gSetStart[g + 1]]; y++) {
          int s = partItem[y];
          if (lastRed[s] != g) {
            lastRed[s] = g;
            redItem[r] = s;
            redGroup[r++] = g;
          }
        }
      }
      redStart = csrStart(redItem, reds, n);
      int[] e = csrFill(redItem, reds, redStart);
      redGroups = new int[reds];
      for (int z = 0; z < reds; z++) {
        redGroups[z] = redGroup[e[z]];
      }
      inCount = new int[n];
      inDay = new int[n][];
      inQty = new double[n][];
      inRef = new int[n][];
      inGrp = new int[n][];
      slotOf = new int[n];
      Arrays.fill(slotOf, -1);
    }

    /** The group that applies to the requirements of primary p from parent x, or -1. */
    private int groupFor(int x, int p) {
      for (int z = actStart[p]; z < actStart[p + 1]; z++) {
        int g = actGroups[z];
        if (gParent[g] < 0 || gParent[g] == x) {
          return g;
        }
      }
      return -1;
    }

    /**
     * The set a redirect group g sends the requirement of parent x's order o (released on day d)
     * to, or -1 for the primary.
     */
    private int chosenSet(int g, int x, int o, int d) {
      int st = gStrat[g];
      if (st == S_DESIGNATED) {
        int[] mt = mtoOf == null ? null : mtoOf[x];
        int r = mt == null ? REF_NONE : mt[o - poFirst[x]];
        if (r == REF_NONE) {
          return -1;
        }
        String reference = in.demands().get(-2 - r).reference();
        if (reference == null || !gRefs.get(g).contains(reference)) {
          return -1;
        }
      }
      for (int s = gSetStart[g]; s < gSetStart[g + 1]; s++) {
        if (validAt(s, d) && (st != S_DATE_EFFECTIVE || setFrom[s] != Integer.MIN_VALUE)) {
          return s;
        }
      }
      return -1;
    }

    /** The first set of group g valid on day d, or -1. */
    private int firstValid(int g, int d) {
      for (int s = gSetStart[g]; s < gSetStart[g + 1]; s++) {
        if (validAt(s, d)) {
          return s;
        }
      }
      return -1;
    }

    private int addE(int k, int day, double qty, int ref, int grp) {
      if (k == eDay.length) {
        int len = grownLength(k, k + 1);
        eDay = Arrays.copyOf(eDay, len);
        eQty = Arrays.copyOf(eQty, len);
        eRef = Arrays.copyOf(eRef, len);
      }
      if (k >= eGrp.length) {
        eGrp = Arrays.copyOf(eGrp, eDay.length);
      }
      eDay[k] = day;
      eQty[k] = qty;
      eRef[k] = ref;
      eGrp[k] = grp;
      return k + 1;
    }

    /**
     * Collects the requirements of item i, a primary or part of an active group, into e* (eGrp: the
     * USE_UP or PRIORITY group a requirement is subject to, else -1): independent demands,
     * dependent demand from its parents except what a redirect group sends to its substitutes,
     * pass-through from phantom parents, what redirect groups send to i as a substitute, and what
     * USE_UP and PRIORITY primaries passed to it so far. With {@code emit} the substitutions that
     * reach i get their SUBSTITUTED message. Returns the number collected.
     */
    private int gatherInvolved(int i, boolean emit) {
      int k = 0;
      for (int q = demFrom[i]; q < demTo[i]; q++) {
        int j = demList[q];
        if (demQty[j] > 0) {
          k = addE(k, demDay[j], demQty[j], -2 - j, -1);
        }
      }
      boolean primary = actStart[i + 1] > actStart[i];
      for (int u = usedStart[i]; u < usedStart[i + 1]; u++) {
        int line = usedLines[u];
        int p = lineParent[line];
        double num = lineNum[line];
        if (!(num > 0)) {
          continue;
        }
        if (phantom[p]) {
          int[] pd = ptDayOf[p];
          double[] pq = ptQtyOf[p];
          int[] pr = ptRefOf[p];
          for (int r = 0; r < pd.length; r++) {
            double q = pq[r] * num / 100;
            if (q > 0) {
              k = addE(k, pd[r], q, pr[r], -1);
            }
          }
          continue;
        }
        int g = primary ? groupFor(p, i) : -1;
        boolean redirect = g >= 0 && gStrat[g] >= S_DATE_EFFECTIVE;
        int c = poChunk[p];
        int[] rel = poRelC[c];
        double[] pq = poQtyC[c];
        int off = poChunkBase[c];
        for (int o = poFirst[p], end = poRelEnd[p]; o < end; o++) {
          double q = pq[o - off] * num / 100;
          int d = rel[o - off];
          if (q > 0 && !(redirect && chosenSet(g, p, o, d) >= 0)) {
            k = addE(k, d, q, o, redirect ? -1 : g);
          }
        }
      }
      for (int z = redStart[i]; z < redStart[i + 1]; z++) {
        int g = redGroups[z];
        int pr = gPrimary[g];
        for (int u = usedStart[pr]; u < usedStart[pr + 1]; u++) {
          int line = usedLines[u];
          int x = lineParent[line];
          double num = lineNum[line];
          if (!(num > 0) || phantom[x] || groupFor(x, pr) != g) {
            continue;
          }
          int c = poChunk[x];
          int[] rel = poRelC[c];
          double[] pq = poQtyC[c];
          int off = poChunkBase[c];
          for (int o = poFirst[x], end = poRelEnd[x]; o < end; o++) {
            double q = pq[o - off] * num / 100;
            int d = rel[o - off];
            int s = q > 0 ? chosenSet(g, x, o, d) : -1;
            if (s < 0) {
              continue;
            }
            for (int y = setPartStart[s]; y < setPartStart[s + 1]; y++) {
              if (partItem[y] == i) {
                double qq = q * partQty[y];
                k = addE(k, d, qq, o, -1);
                if (emit) {
                  cur.msgs.add(substituted(i, g, d, qq, o));
                }
              }
            }
          }
        }
      }
      int[] iDay = inDay[i];
      for (int z = 0; z < inCount[i]; z++) {
        k = addE(k, iDay[z], inQty[i][z], inRef[i][z], -1);
        if (emit) {
          cur.msgs.add(substituted(i, inGrp[i][z], iDay[z], inQty[i][z], inRef[i][z]));
        }
      }
      return k;
    }

    /**
     * Gathers, sorts into the batch at base and, for a USE_UP or PRIORITY primary, substitutes the
     * requirements of item i; returns their number. rxList[0, rk) are its receipts by day.
     */
    private int planInvolved(int i, Batch b, int base, int rk) {
      int k = gatherInvolved(i, true);
      b.ensureRequirements(base + k);
      if (sGrp.length < k) {
        sGrp = new int[grownLength(sGrp.length, k)];
      }
      if (keys.length < k) {
        keys = new long[grownLength(keys.length, k)];
      }
      for (int x = 0; x < k; x++) {
        keys[x] = ((long) eDay[x] << DAY_SHIFT) | x;
      }
      Arrays.sort(keys, 0, k);
      for (int x = 0; x < k; x++) {
        int y = (int) (keys[x] & SEQ_MASK);
        b.day[base + x] = eDay[y];
        b.qty[base + x] = eQty[y];
        b.ref[base + x] = eRef[y];
        sGrp[x] = eGrp[y];
      }
      if (!subNet[i]) {
        return k;
      }
      double totalReceipts = 0;
      for (int y = 0; y < rk; y++) {
        totalReceipts += rcQty[rxList[y]];
      }
      substituteNetted(i, b, base, k, totalReceipts);
      int w = base;
      for (int x = base; x < base + k; x++) {
        if (b.qty[x] > 0) {
          b.day[w] = b.day[x];
          b.qty[w] = b.qty[x];
          b.ref[w] = b.ref[x];
          w++;
        }
      }
      return w - base;
    }

    /**
     * USE_UP and PRIORITY: walks the requirements of primary i in pegging order (day 0, safety
     * stock, later days) against its on-hand and receipts; what they leave uncovered of a
     * requirement subject to such a group is passed to the first valid set (USE_UP) or taken from
     * the free supply of the valid sets (PRIORITY), and the requirement reduced by it.
     */
    private void substituteNetted(int i, Batch b, int base, int k, double totalReceipts) {
      double avail = onHand[i] + totalReceipts;
      boolean ssPending = safety[i] > 0;
      int zi = incStart == null ? 0 : incStart[i];
      int ziEnd = incStart == null ? 0 : incStart[i + 1];
      int zr = relStart == null ? 0 : relStart[i];
      int zrEnd = relStart == null ? 0 : relStart[i + 1];
      int[] day = b.day;
      double[] qty = b.qty;
      int[] ref = b.ref;
      for (int x = 0; x < k; x++) {
        int y = base + x;
        int d = day[y];
        if (ssPending && d > 0) {
          avail -= Math.min(avail, safety[i]);
          ssPending = false;
        }
        // safety stock steps before d: increases (after their day) and releases, by date
        while (true) {
          boolean inc = zi < ziEnd && incDay[zi] < d;
          if (zr < zrEnd && relDay[zr] <= d && (!inc || relDay[zr] <= incDay[zi])) {
            avail += relQty[zr++];
          } else if (inc) {
            avail -= Math.min(avail, incQty[zi++]);
          } else {
            break;
          }
        }
        double q = qty[y];
        double cov = Math.min(q, Math.max(0, avail));
        avail -= cov;
        int g = sGrp[x];
        double unc = q - cov;
        double t = tol(q);
        if (g < 0 || !(unc > t)) {
          continue;
        }
        if (gStrat[g] == S_USE_UP) {
          int s = firstValid(g, d);
          if (s >= 0) {
            pass(g, s, d, unc, ref[y]);
            qty[y] = cov;
          }
          continue;
        }
        for (int s = gSetStart[g]; s < gSetStart[g + 1] && unc > t; s++) {
          if (!validAt(s, d)) {
            continue;
          }
          double sets = Double.POSITIVE_INFINITY;
          for (int z = setPartStart[s]; z < setPartStart[s + 1]; z++) {
            int slot = slot(partItem[z]);
            double free = Math.max(0, slotMin[slot][d] - slotTaken[slot]);
            sets = Math.min(sets, free / partQty[z]);
          }
          double take = Math.min(unc, sets);
          if (unc - take <= t) {
            take = unc;
          }
          if (take > t) {
            pass(g, s, d, take, ref[y]);
            unc -= take;
          }
        }
        qty[y] = unc > t ? cov + unc : cov;
      }
      for (int z = 0; z < slots; z++) {
        slotOf[slotItem[z]] = -1;
      }
      slots = 0;
    }

    /** Passes {@code sets} units of the primary of group g on day d to the parts of set s. */
    private void pass(int g, int s, int d, double sets, int ref) {
      for (int y = setPartStart[s]; y < setPartStart[s + 1]; y++) {
        int m = partItem[y];
        double q = sets * partQty[y];
        int c = inCount[m];
        if (inDay[m] == null || c == inDay[m].length) {
          int len = grownLength(c, c + 1);
          inDay[m] = inDay[m] == null ? new int[len] : Arrays.copyOf(inDay[m], len);
          inQty[m] = inQty[m] == null ? new double[len] : Arrays.copyOf(inQty[m], len);
          inRef[m] = inRef[m] == null ? new int[len] : Arrays.copyOf(inRef[m], len);
          inGrp[m] = inGrp[m] == null ? new int[len] : Arrays.copyOf(inGrp[m], len);
        }
        inDay[m][c] = d;
        inQty[m][c] = q;
        inRef[m][c] = ref;
        inGrp[m][c] = g;
        inCount[m] = c + 1;
        if (slotOf[m] >= 0) {
          slotTaken[slotOf[m]] += q;
        }
      }
    }

    /**
     * The free-supply slot of substitute m, computed on first use while a primary is netted:
     * slotMin[slot][d] = the minimum over [d, horizon) of its projected available without planned
     * orders (on-hand and receipts on their dates, less the safety stock of each day and the
     * requirements known so far); slotTaken = what was passed to it since.
     */
    private int slot(int m) {
      if (slotOf[m] >= 0) {
        return slotOf[m];
      }
      if (slots == slotItem.length) {
        slotItem = Arrays.copyOf(slotItem, 2 * slots);
        slotTaken = Arrays.copyOf(slotTaken, 2 * slots);
        slotMin = Arrays.copyOf(slotMin, 2 * slots);
      }
      int z = slots++;
      if (slotMin[z] == null) {
        slotMin[z] = new double[horizon];
      }
      double[] a = slotMin[z];
      Arrays.fill(a, 0.0);
      for (int q = rcStart[m]; q < rcStart[m + 1]; q++) {
        int j = rcList[q];
        a[rcDay[j]] += rcQty[j];
      }
      int k = gatherInvolved(m, false);
      for (int x = 0; x < k; x++) {
        a[eDay[x]] -= eQty[x];
      }
      if (incStart != null) {
        for (int w = incStart[m]; w < incStart[m + 1]; w++) {
          a[incDay[w]] -= incQty[w];
        }
        for (int w = relStart[m]; w < relStart[m + 1]; w++) {
          a[relDay[w]] += relQty[w];
        }
      }
      double pa = onHand[m] - safety[m];
      for (int d = 0; d < horizon; d++) {
        pa += a[d];
        a[d] = pa;
      }
      for (int d = horizon - 2; d >= 0; d--) {
        a[d] = Math.min(a[d], a[d + 1]);
      }
      slotItem[z] = m;
      slotTaken[z] = 0;
      slotOf[m] = z;
      return z;
    }

    private Supplier<MrpMessage> substituted(int s, int g, int day, double qty, int ref) {
      return () -> {
        long sub = material[s];
        long primary = material[gPrimary[g]];
        String strategy = STRATEGIES[gStrat[g]];
        LocalDate date = dateOf(day);
        long orderId = ref >= 0 ? ref + 1L : 0;
        return new MrpMessage(
            sub,
            MrpMessage.SUBSTITUTED,
            date,
            orderId,
            "Material "
                + sub
                + " substitutes "
                + qty
                + " for primary material "
                + primary
                + " (group "
                + gId[g]
                + ", "
                + strategy
                + ") on "
                + date
                + " for planned order "
                + orderId
                + " / 物料 "
                + sub
                + " 替代主料 "
                + primary
                + "（替代组 "
                + gId[g]
                + "，"
                + strategy
                + "）："
                + date
                + " 数量 "
                + qty
                + "，用于计划订单 "
                + orderId,
            qty);
      };
    }

    private Supplier<MrpMessage> ignored(int g) {
      return () -> {
        long primary = material[gPrimary[g]];
        return new MrpMessage(
            primary,
            MrpMessage.SUBSTITUTION_IGNORED,
            planStart,
            gId[g],
            "Substitution group "
                + gId[g]
                + " of primary material "
                + primary
                + " would make the planning order cyclic and is ignored / 主料 "
                + primary
                + " 的替代组 "
                + gId[g]
                + " 会使计划顺序成环，已忽略");
      };
    }

    // ------------------------------------------------------------ low-level codes

    private void computeLowLevelCodes() {
      int[] queue = new int[n];
      int tail = kahn(queue);
      if (tail < n) {
        boolean[] done = new boolean[n];
        for (int x = 0; x < tail; x++) {
          done[queue[x]] = true;
        }
        throw cycle(done);
      }
      if (gCount > 0) {
        activateGroups(queue);
        kahn(queue);
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

    /**
     * Topological order (Kahn) over BOM lines, outputs and the extra substitution edges into queue;
     * sets llc and maxCode. Returns the number of items ordered (less than n on a cycle).
     */
    private int kahn(int[] queue) {
      int[] indeg = new int[n];
      for (int c : lineComp) {
        indeg[c]++;
      }
      if (outComp != null) {
        for (int c : outComp) {
          indeg[c]++;
        }
      }
      for (int e = 0; e < exCount; e++) {
        indeg[exTo[e]]++;
      }
      int head = 0;
      int tail = 0;
      for (int i = 0; i < n; i++) {
        if (indeg[i] == 0) {
          queue[tail++] = i;
        }
      }
      llc = new int[n];
      maxCode = 0;
      while (head < tail) {
        int p = queue[head++];
        for (int x = childStart[p]; x < childStart[p + 1]; x++) {
          tail = relax(p, lineComp[childLines[x]], indeg, queue, tail);
        }
        if (outComp != null) {
          for (int x = outByParentStart[p]; x < outByParentStart[p + 1]; x++) {
            tail = relax(p, outComp[outByParent[x]], indeg, queue, tail);
          }
        }
        if (exHead != null) {
          for (int e = exHead[p]; e >= 0; e = exNext[e]) {
            tail = relax(p, exTo[e], indeg, queue, tail);
          }
        }
      }
      return tail;
    }

    private int relax(int p, int c, int[] indeg, int[] queue, int tail) {
      if (llc[p] + 1 > llc[c]) {
        llc[c] = llc[p] + 1;
        maxCode = Math.max(maxCode, llc[c]);
      }
      if (--indeg[c] == 0) {
        queue[tail++] = c;
      }
      return tail;
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
        if (outComp != null) {
          for (int x = outByCompStart[v]; x < outByCompStart[v + 1] && parent < 0; x++) {
            int p = outParent[outByComp[x]];
            if (!done[p]) {
              parent = p;
            }
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
      if (outParent != null) {
        prepareProducers();
      }
      boolean anyPhantom = false;
      for (int i = 0; i < n && !anyPhantom; i++) {
        anyPhantom = phantom[i];
      }
      if (anyPhantom) {
        posOf = new int[n];
        for (int x = 0; x < n; x++) {
          posOf[order[x]] = x;
        }
        ptDayOf = new int[n][];
        ptQtyOf = new double[n][];
        ptRefOf = new int[n][];
      }
      long work = (long) in.demands().size() + in.bom().size() + n;
      if (work < parallelThreshold || Runtime.getRuntime().availableProcessors() < 2) {
        for (int x = 0; x < n; x++) {
          planItem(x);
        }
        flush();
      } else {
        planParallel();
      }
      poPosStart[n] = poCount;
      poChunkBase[poChunks] = poCount;
      pegPosStart[n] = pegs.size();
    }

    /**
     * Plans on this thread while a second thread pegs: batches of planned items go through a queue
     * in processing order, so the pegging side sees exactly the sequence the single-threaded run
     * would, and results are identical.
     */
    private void planParallel() {
      full = new ArrayBlockingQueue<>(BATCHES + 1);
      free = new ArrayBlockingQueue<>(BATCHES);
      for (int b = 1; b < BATCHES; b++) {
        free.add(new Batch());
      }
      Thread pegger = new Thread(this::pegLoop, "mrp-pegging");
      pegger.setDaemon(true);
      pegger.start();
      boolean interrupted = false;
      try {
        for (int x = 0; x < n; x++) {
          planItem(x);
        }
        flush();
      } finally {
        interrupted |= putUninterruptibly(full, Batch.END);
        while (true) {
          try {
            pegger.join();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      rethrowPegFailure();
    }

    private void pegLoop() {
      boolean failed = false;
      while (true) {
        Batch b = takeUninterruptibly(full);
        if (b == Batch.END) {
          return;
        }
        if (!failed) {
          try {
            pegBatch(b);
          } catch (Throwable t) {
            failed = true;
            pegFailure = t;
          }
        }
        b.clear();
        putUninterruptibly(free, b);
      }
    }

    private void rethrowPegFailure() {
      Throwable t = pegFailure;
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }

    private static boolean putUninterruptibly(ArrayBlockingQueue<Batch> q, Batch b) {
      boolean interrupted = false;
      while (true) {
        try {
          q.put(b);
          return interrupted;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }

    private static Batch takeUninterruptibly(ArrayBlockingQueue<Batch> q) {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return q.take();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** Hands the current batch to the pegging side (or pegs it here when single-threaded). */
    private void flush() {
      if (cur.count == 0) {
        return;
      }
      if (full == null) {
        pegBatch(cur);
        cur.clear();
        return;
      }
      rethrowPegFailure();
      boolean interrupted = putUninterruptibly(full, cur);
      cur = takeUninterruptibly(free);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    /** Waits until the pass-through requirements of the phantom parents of item i are known. */
    private void awaitPhantomParents(int i) {
      for (int u = usedStart[i]; u < usedStart[i + 1]; u++) {
        int p = lineParent[usedLines[u]];
        if (phantom[p] && pegDone <= posOf[p]) {
          flush();
          while (pegDone <= posOf[p]) {
            rethrowPegFailure();
            Thread.yield();
          }
        }
      }
    }

    /** Plans the item at processing position x into the current batch. */
    private void planItem(int x) {
      int i = order[x];
      if (posOf != null) {
        awaitPhantomParents(i);
        if (subNet != null && subNet[i]) {
          // the free supply of PRIORITY substitutes includes their phantom parents' pass-through
          for (int z = actStart[i]; z < actStart[i + 1]; z++) {
            int g = actGroups[z];
            for (int y = setPartStart[gSetStart[g]];
                gStrat[g] == S_PRIORITY && y < setPartStart[gSetStart[g + 1]];
                y++) {
              awaitPhantomParents(partItem[y]);
            }
          }
        }
      }
      Batch b = cur;
      int base = b.reqs;
      if (ignStart != null) {
        for (int z = ignStart[i]; z < ignStart[i + 1]; z++) {
          b.msgs.add(ignored(ignGroups[z]));
        }
      }
      int k;
      int rk;
      if (involved != null && involved[i]) {
        rk = gatherReceipts(i);
        k = planInvolved(i, b, base, rk);
      } else {
        int bound = requirementBound(i);
        b.ensureRequirements(base + bound);
        k = 2 * bound + 64 >= horizon ? gatherByDay(i, b, base) : -1;
        if (k < 0) {
          k = gather(i, bound);
          sortRequirements(k, b, base);
        }
        rk = gatherReceipts(i);
      }
      b.reqs = base + k;
      b.ensureReceipts(b.rxs + rk);
      System.arraycopy(rxList, 0, b.rx, b.rxs, rk);
      b.rxs += rk;
      poFirst[i] = poCount;
      poPosStart[x] = poCount;
      poChunk[i] = poChunks - 1;
      int c0 = b.cps;
      if (prodStart != null && prodStart[i + 1] > prodStart[i]
          || relStart != null && relStart[i + 1] > relStart[i]) {
        gatherCoProducts(i, b);
      }
      int o0 = b.outs;
      if (!phantom[i]) {
        double totalReceipts = 0;
        for (int y = 0; y < rk; y++) {
          totalReceipts += rcQty[rxList[y]];
        }
        net(i, base, base + k, totalReceipts, c0, b.cps);
      }
      if (producer != null && producer[i]) {
        goodOf[i] = Arrays.copyOfRange(b.out, o0, b.outs);
      }
      if (keepMto != null && keepMto[i]) {
        mtoOf[i] = Arrays.copyOfRange(b.outMto, o0, b.outs);
      }
      poEnd[i] = poCount;
      int relEnd = poCount;
      while (relEnd > poFirst[i] && poRel[relEnd - 1 - poBase] >= horizon) {
        relEnd--; // only behind a planning time fence beyond the horizon
      }
      poRelEnd[i] = relEnd;
      b.addItem(i, x, poFirst[i]);
      if (b.reqs >= FLUSH_REQUIREMENTS || b.count >= FLUSH_ITEMS) {
        flush();
      }
    }

    /**
     * Appends the non-movable supplies of item i to the batch, sorted by (day, releases before
     * co-products, order index): the safety stock its steps release and the co-product receipts
     * from its producers' planned orders due within the horizon; cpRef holds supply references.
     */
    private void gatherCoProducts(int i, Batch b) {
      long bound = 0;
      int r0 = relStart == null ? 0 : relStart[i];
      int r1 = relStart == null ? 0 : relStart[i + 1];
      bound += r1 - r0;
      for (int y = prodStart == null ? 0 : prodStart[i];
          prodStart != null && y < prodStart[i + 1];
          y++) {
        bound += poEnd[prodItem[y]] - poFirst[prodItem[y]];
      }
      int cap = Math.toIntExact(bound);
      if (cpTmpDay.length < cap) {
        int len = grownLength(cpTmpDay.length, cap);
        cpTmpDay = new int[len];
        cpTmpQty = new double[len];
        cpTmpRef = new int[len];
        cpKeys = new long[len];
      }
      int nr = rcId.length + (relDay == null ? 0 : relDay.length);
      int k = 0;
      for (int z = r0; z < r1; z++) {
        cpTmpDay[k] = relDay[z];
        cpTmpQty[k] = relQty[z];
        cpTmpRef[k] = -2 - rcId.length - z;
        k++;
      }
      for (int y = prodStart == null ? 0 : prodStart[i];
          prodStart != null && y < prodStart[i + 1];
          y++) {
        int p = prodItem[y];
        double per = prodPer[y];
        double[] g = goodOf[p];
        int c = poChunk[p];
        int[] due = poDueC[c];
        int off = poChunkBase[c];
        for (int o = poFirst[p]; o < poEnd[p]; o++) {
          int dd = due[o - off];
          double q = g[o - poFirst[p]] * per;
          if (dd >= horizon || !(q > 0)) {
            continue;
          }
          if ((long) o + nr >= Integer.MAX_VALUE) {
            throw new IllegalStateException("too many planned orders and receipts");
          }
          cpTmpDay[k] = dd;
          cpTmpQty[k] = q;
          cpTmpRef[k] = Integer.MIN_VALUE + o;
          k++;
        }
      }
      // releases first, producers in processing order: input sequence is order index order
      for (int x = 0; x < k; x++) {
        cpKeys[x] = ((long) cpTmpDay[x] << DAY_SHIFT) | x;
      }
      Arrays.sort(cpKeys, 0, k);
      b.ensureCoProducts(b.cps + k);
      for (int x = 0; x < k; x++) {
        int y = (int) (cpKeys[x] & SEQ_MASK);
        b.cpDay[b.cps + x] = cpTmpDay[y];
        b.cpQty[b.cps + x] = cpTmpQty[y];
        b.cpRef[b.cps + x] = cpTmpRef[y];
      }
      b.cps += k;
    }

    /** At least the number of requirements of item i. */
    private int requirementBound(int i) {
      long bound = demTo[i] - demFrom[i];
      for (int u = usedStart[i]; u < usedStart[i + 1]; u++) {
        int p = lineParent[usedLines[u]];
        bound += phantom[p] ? ptDayOf[p].length : poEnd[p] - poFirst[p];
      }
      return Math.toIntExact(bound);
    }

    /**
     * Collects the requirements of item i directly sorted by (day, gathering order) into the batch
     * at base: counts them by day, then places each; returns their number, or -1 when a quantity
     * turned out not positive (then the batch region is garbage and {@link #gather} must be used).
     */
    private int gatherByDay(int i, Batch b, int base) {
      if (dayCount == null || dayCount.length < horizon + 2) {
        dayCount = new int[horizon + 2];
      }
      int[] cnt = dayCount;
      Arrays.fill(cnt, 0, horizon + 1, 0);
      for (int q = demFrom[i]; q < demTo[i]; q++) {
        int j = demList[q];
        if (demQty[j] > 0) {
          cnt[demDay[j] + 1]++;
        }
      }
      for (int u = usedStart[i]; u < usedStart[i + 1]; u++) {
        int line = usedLines[u];
        int p = lineParent[line];
        if (!(lineNum[line] > 0)) {
          continue;
        }
        if (phantom[p]) {
          for (int pd : ptDayOf[p]) {
            cnt[pd + 1]++;
          }
        } else {
          int c = poChunk[p];
          int[] rel = poRelC[c];
          int off = poChunkBase[c];
          for (int o = poFirst[p] - off, end = poRelEnd[p] - off; o < end; o++) {
            cnt[rel[o] + 1]++;
          }
        }
      }
      cnt[0] = base;
      for (int d = 0; d < horizon; d++) {
        cnt[d + 1] += cnt[d];
      }
      int k = cnt[horizon] - base;
      int[] day = b.day;
      double[] qty = b.qty;
      int[] ref = b.ref;
      for (int q = demFrom[i]; q < demTo[i]; q++) {
        int j = demList[q];
        if (demQty[j] > 0) {
          int y = cnt[demDay[j]]++;
          day[y] = demDay[j];
          qty[y] = demQty[j];
          ref[y] = -2 - j;
        }
      }
      boolean hole = false;
      for (int u = usedStart[i]; u < usedStart[i + 1]; u++) {
        int line = usedLines[u];
        int p = lineParent[line];
        double num = lineNum[line];
        if (!(num > 0)) {
          continue;
        }
        if (phantom[p]) {
          int[] pd = ptDayOf[p];
          double[] pq = ptQtyOf[p];
          int[] pr = ptRefOf[p];
          for (int r = 0; r < pd.length; r++) {
            double q = pq[r] * num / 100;
            if (q > 0) {
              int y = cnt[pd[r]]++;
              day[y] = pd[r];
              qty[y] = q;
              ref[y] = pr[r];
            } else {
              hole = true;
            }
          }
        } else {
          int c = poChunk[p];
          int[] rel = poRelC[c];
          double[] pq = poQtyC[c];
          int off = poChunkBase[c];
          for (int o = poFirst[p], end = poRelEnd[p]; o < end; o++) {
            double q = pq[o - off] * num / 100;
            if (q > 0) {
              int d = rel[o - off];
              int y = cnt[d]++;
              day[y] = d;
              qty[y] = q;
              ref[y] = o;
            } else {
              hole = true;
            }
          }
        }
      }
      return hole ? -1 : k;
    }

    /** Collects the requirements of item i (at most bound) into e*; returns their number. */
    private int gather(int i, int bound) {
      ensureRequirements(bound);
      int[] day = eDay;
      double[] qty = eQty;
      int[] ref = eRef;
      int k = 0;
      for (int q = demFrom[i]; q < demTo[i]; q++) {
        int j = demList[q];
        if (demQty[j] > 0) {
          day[k] = demDay[j];
          qty[k] = demQty[j];
          ref[k] = -2 - j;
          k++;
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
          int[] pd = ptDayOf[p];
          double[] pq = ptQtyOf[p];
          int[] pr = ptRefOf[p];
          for (int r = 0; r < pd.length; r++) {
            double q = pq[r] * num / 100;
            if (q > 0) {
              day[k] = pd[r];
              qty[k] = q;
              ref[k] = pr[r];
              k++;
            }
          }
        } else {
          int c = poChunk[p];
          int[] rel = poRelC[c];
          double[] pq = poQtyC[c];
          int off = poChunkBase[c];
          for (int o = poFirst[p], end = poRelEnd[p]; o < end; o++) {
            double q = pq[o - off] * num / 100;
            if (q > 0) {
              day[k] = rel[o - off];
              qty[k] = q;
              ref[k] = o;
              k++;
            }
          }
        }
      }
      return k;
    }

    private void ensureRequirements(int k) {
      if (eDay.length < k) {
        int len = grownLength(eDay.length, k);
        eDay = new int[len];
        eQty = new double[len];
        eRef = new int[len];
      }
    }

    /** Sorts e[0, k) by (day, gathering order) into the batch at base (stable). */
    private void sortRequirements(int k, Batch b, int base) {
      int[] day = eDay;
      int min = 0;
      int max = 0;
      boolean sorted = true;
      if (k > 0) {
        min = day[0];
        max = day[0];
        for (int x = 1; x < k; x++) {
          int d = day[x];
          if (d < max) {
            sorted = false;
            if (d < min) {
              min = d;
            }
          } else {
            max = d;
          }
        }
      }
      int[] sd = b.day;
      double[] sq = b.qty;
      int[] sr = b.ref;
      if (sorted) {
        System.arraycopy(day, 0, sd, base, k);
        System.arraycopy(eQty, 0, sq, base, k);
        System.arraycopy(eRef, 0, sr, base, k);
        return;
      }
      int range = max - min + 1;
      if (range <= 2 * k + 64) {
        countingSort(k, min, range, sd, sq, sr, base);
        return;
      }
      if (keys.length < k) {
        keys = new long[grownLength(keys.length, k)];
      }
      for (int x = 0; x < k; x++) {
        keys[x] = ((long) day[x] << DAY_SHIFT) | x;
      }
      Arrays.sort(keys, 0, k);
      for (int x = 0; x < k; x++) {
        int y = (int) (keys[x] & SEQ_MASK);
        sd[base + x] = day[y];
        sq[base + x] = eQty[y];
        sr[base + x] = eRef[y];
      }
    }

    /** Stable counting sort of e[0, k) by day, days in [min, min + range), into s[base, ...). */
    private void countingSort(
        int k, int min, int range, int[] sd, double[] sq, int[] sr, int base) {
      if (dayCount == null || dayCount.length < range + 1) {
        dayCount = new int[Math.max(range + 1, horizon + 2)];
      }
      int[] cnt = dayCount;
      Arrays.fill(cnt, 0, range + 1, 0);
      int[] day = eDay;
      for (int x = 0; x < k; x++) {
        cnt[day[x] - min + 1]++;
      }
      cnt[0] = base;
      for (int d = 0; d < range; d++) {
        cnt[d + 1] += cnt[d];
      }
      double[] eq = eQty;
      int[] er = eRef;
      for (int x = 0; x < k; x++) {
        int y = cnt[day[x] - min]++;
        sd[y] = day[x];
        sq[y] = eq[x];
        sr[y] = er[x];
      }
    }

    /** Receipts of item i sorted by (day, input order) into rxList; returns their number. */
    private int gatherReceipts(int i) {
      int rk = rcStart[i + 1] - rcStart[i];
      if (rxList.length < rk) {
        int len = grownLength(rxList.length, rk);
        rxTmp = new int[len];
        rxList = new int[len];
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
      }
      return rk;
    }

    /**
     * Creates the planned orders of item i from its sorted requirements cur.s[b, k) and its
     * co-product receipts cur.cp[c, c1).
     */
    private void net(int i, int b, int k, double totalReceipts, int c, int c1) {
      int[] sDay = cur.day;
      double[] sQty = cur.qty;
      int[] cDay = cur.cpDay;
      double[] cQty = cur.cpQty;
      boolean withCp = c < c1;
      // with co-product receipts: the largest shortage on a day before fa (a co-product arriving
      // later does not cover it)
      double pastNeed = 0;
      double supply = onHand[i] + totalReceipts;
      double cum = safety[i];
      int fa = firstArrival(lead[i]);
      fenced = false;
      if (fence[i] > 0) {
        int f = fenceDay(fence[i]);
        if (f > fa) {
          fa = f;
          fenced = true;
        }
      }
      int m = mtoList == null ? 0 : mtoFrom[i];
      int mEnd = mtoList == null ? 0 : mtoTo[i];
      // safety stock increases: requirements after the day's demands
      int z = incStart == null ? 0 : incStart[i];
      int zEnd = incStart == null ? 0 : incStart[i + 1];
      int firstShort = -1;
      int p = b;
      int d = 0;
      while (true) {
        while (p < k && sDay[p] == d) {
          cum += sQty[p];
          p++;
        }
        while (z < zEnd && incDay[z] <= d) {
          cum += incQty[z];
          z++;
        }
        double need = cum - supply;
        if (withCp) {
          while (c < c1 && cDay[c] <= d) {
            supply += cQty[c];
            c++;
          }
          need = cum - supply;
          if (d < fa) {
            pastNeed = Math.max(pastNeed, need);
          } else {
            need = Math.max(need, pastNeed);
            pastNeed = 0;
          }
        }
        if (need > tol(cum)) {
          if (d < fa) {
            if (firstShort < 0) {
              firstShort = d;
            }
          } else {
            m = addMakeToOrder(i, m, mEnd, d, fa);
            supply += createOrders(i, d, need, p, k, firstShort);
            firstShort = -1;
          }
        }
        int next = p < k ? sDay[p] : Integer.MAX_VALUE;
        if (z < zEnd && incDay[z] < next) {
          next = incDay[z];
        }
        if (d < fa && fa < next) {
          next = fa;
        }
        if (next >= horizon) {
          break;
        }
        d = next;
      }
      double need = cum - supply;
      if (withCp) {
        need = Math.max(need, pastNeed);
      }
      if (need > tol(cum)) {
        // only when the first possible arrival lies beyond the horizon
        m = addMakeToOrder(i, m, mEnd, fa, fa);
        createOrders(i, fa, need, k, k, firstShort);
      }
      addMakeToOrder(i, m, mEnd, Integer.MAX_VALUE, fa);
    }

    /**
     * Creates the orders of the make-to-order demands mtoList[m, mEnd) of item i that are due on or
     * before day {@code upTo}; returns the index of the first demand left.
     */
    private int addMakeToOrder(int i, int m, int mEnd, int upTo, int fa) {
      for (; m < mEnd; m++) {
        int j = mtoList[m];
        int day = demDay[j];
        int due = Math.max(day, fa);
        if (due > upTo) {
          break;
        }
        addOrder(i, due, demQty[j], day < fa ? day : -1, -2 - j);
      }
      return m;
    }

    /**
     * Lot-sizes net requirement {@code need} on day d into orders due d; cur.s[p..k) are the later
     * requirements. Returns the good output created.
     */
    private double createOrders(int i, int d, double need, int p, int k, int firstShort) {
      double target = need;
      if (lot[i] == LotSizing.PERIOD_ORDER_QUANTITY) {
        int[] sDay = cur.day;
        double[] sQty = cur.qty;
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
          double tq = target;
          double rest = q;
          long id = poCount + 1L;
          cur.msgs.add(
              () ->
                  new MrpMessage(
                      material[i],
                      MrpMessage.LOT_LIMIT,
                      dateOf(d),
                      id,
                      "Net requirement "
                          + tq
                          + " of material "
                          + material[i]
                          + " would need more than "
                          + MAX_ORDERS_PER_REQUIREMENT
                          + " orders of "
                          + lotSize
                          + "; the rest is one order of "
                          + rest
                          + " / 物料 "
                          + material[i]
                          + " 的净需求 "
                          + tq
                          + " 需要超过 "
                          + MAX_ORDERS_PER_REQUIREMENT
                          + " 张批量为 "
                          + lotSize
                          + " 的订单，余量合为一张 "
                          + rest));
        }
        addOrder(i, d, q, firstShort, REF_NONE);
        covered += q;
        remaining -= q;
      }
      if (firstShort >= 0) {
        int fs = firstShort;
        boolean byFence = fenced;
        double level = levelAt(i, fs);
        cur.msgs.add(
            () -> {
              LocalDate shortDay = dateOf(fs);
              LocalDate arrival = dateOf(d);
              String why =
                  byFence
                      ? " (planning time fence "
                          + fence[i]
                          + " days) / 物料 "
                          + material[i]
                          + " 的预计可用量自 "
                          + shortDay
                          + " 起低于安全库存 "
                          + level
                          + "；最早到货日为 "
                          + arrival
                          + "（计划时界 "
                          + fence[i]
                          + " 天）"
                      : " (lead time "
                          + lead[i]
                          + " working days) / 物料 "
                          + material[i]
                          + " 的预计可用量自 "
                          + shortDay
                          + " 起低于安全库存 "
                          + level
                          + "；最早到货日为 "
                          + arrival
                          + "（提前期 "
                          + lead[i]
                          + " 个工作日）";
              return new MrpMessage(
                  material[i],
                  MrpMessage.BELOW_SAFETY,
                  shortDay,
                  firstId,
                  "Projected available of material "
                      + material[i]
                      + " is below safety stock "
                      + level
                      + " from "
                      + shortDay
                      + "; no order can arrive before "
                      + arrival
                      + why);
            });
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

    /**
     * Adds an order of item i due on day {@code due} with good output {@code output}, needed on day
     * firstShort before its first possible arrival when firstShort >= 0 (past due, or moved by the
     * planning time fence when {@link #fenced}); mtoRef is the make-to-order demand it serves, or
     * REF_NONE.
     */
    private void addOrder(int i, int due, double output, int firstShort, int mtoRef) {
      if (poCount - poBase == poRel.length) {
        growOrders(i);
      }
      int x = poCount - poBase;
      boolean pastDue = firstShort >= 0 && !fenced;
      int lt = lead[i];
      poDue[x] = due;
      poRel[x] = pastDue ? 0 : (lt == 0 ? due : release(due, lt));
      poQty[x] = yieldPct[i] < 100 ? output * 100 / yieldPct[i] : output;
      cur.addOutput(output, mtoRef);
      poCount++;
      if (firstShort >= 0 && fenced) {
        long id = poCount;
        LocalDate needed = dateOf(firstShort);
        int days = fence[i];
        int rel = poRel[x];
        cur.msgs.add(
            () -> {
              LocalDate dueDate = dateOf(due);
              LocalDate relDate = dateOf(rel);
              return new MrpMessage(
                  material[i],
                  MrpMessage.PLANNING_FENCE,
                  needed,
                  id,
                  "Planned order "
                      + id
                      + " for material "
                      + material[i]
                      + " needed on "
                      + needed
                      + " inside the planning time fence of "
                      + days
                      + " days: due on "
                      + dueDate
                      + ", released on "
                      + relDate
                      + " / 计划订单 "
                      + id
                      + "（物料 "
                      + material[i]
                      + "）计划时界内需求 "
                      + needed
                      + "（计划时界 "
                      + days
                      + " 天）：改为 "
                      + relDate
                      + " 下达，"
                      + dueDate
                      + " 到期");
            });
      }
      if (pastDue) {
        long id = poCount;
        LocalDate needed = dateOf(firstShort);
        LocalDate wouldRelease = cal.plusWorkingDays(needed, -lt);
        cur.msgs.add(
            () -> {
              LocalDate dueDate = dateOf(due);
              return new MrpMessage(
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
                      + " 到期");
            });
      }
    }

    /**
     * Makes room for one more order of item i: grows the last chunk while it is small or holds item
     * i alone, otherwise moves item i's orders so far to a new chunk.
     */
    private void growOrders(int i) {
      if (poCount == Integer.MAX_VALUE - 1) {
        throw new IllegalStateException("more than 2^31 - 2 planned orders");
      }
      int len = poRel.length;
      int start = poFirst[i] - poBase;
      if (len < ORDER_CHUNK || start == 0) {
        int grown = len < ORDER_CHUNK ? Math.min(ORDER_CHUNK, grownLength(len, len + 1)) : 0;
        if (grown == 0) {
          grown = (int) Math.min(Integer.MAX_VALUE - 8L, len + (len >> 1));
        }
        poRel = Arrays.copyOf(poRel, grown);
        poDue = Arrays.copyOf(poDue, grown);
        poQty = Arrays.copyOf(poQty, grown);
      } else {
        int moving = len - start;
        int cap = Math.max(ORDER_CHUNK, grownLength(moving, moving + 1));
        int[] rel = new int[cap];
        int[] due = new int[cap];
        double[] qty = new double[cap];
        System.arraycopy(poRel, start, rel, 0, moving);
        System.arraycopy(poDue, start, due, 0, moving);
        System.arraycopy(poQty, start, qty, 0, moving);
        poRel = rel;
        poDue = due;
        poQty = qty;
        if (poChunks == poRelC.length) {
          poRelC = Arrays.copyOf(poRelC, 2 * poChunks);
          poDueC = Arrays.copyOf(poDueC, 2 * poChunks);
          poQtyC = Arrays.copyOf(poQtyC, 2 * poChunks);
          poChunkBase = Arrays.copyOf(poChunkBase, 2 * poChunks + 1);
        }
        poBase = poFirst[i];
        poChunkBase[poChunks] = poBase;
        poChunks++;
        poChunk[i] = poChunks - 1;
      }
      poRelC[poChunks - 1] = poRel;
      poDueC[poChunks - 1] = poDue;
      poQtyC[poChunks - 1] = poQty;
    }

    /**
     * Release day of an order due on day {@code due} with lead time lt &gt; 0 that is not past due;
     * beyond the horizon (only behind a planning time fence) from the calendar.
     */
    private int release(int due, int lt) {
      if (due < horizon) {
        return workIdx[wp[due] - lt];
      }
      LocalDate r = cal.plusWorkingDays(dateOf(due), -lt);
      return Math.toIntExact(r.toEpochDay() - startEpoch);
    }

    /**
     * The fence date of a planning time fence of {@code days} &gt; 0 calendar days: the first
     * working day on or after plan start + days, as a day index.
     */
    private int fenceDay(int days) {
      if (days < horizon && wp[days] < wp[horizon]) {
        return workIdx[wp[days]];
      }
      LocalDate f = cal.onOrAfter(planStart.plusDays(days));
      return Math.toIntExact(f.toEpochDay() - startEpoch);
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

    /** Pegging side: pegs the items of a batch, in order, and adds their messages. */
    private void pegBatch(Batch b) {
      int r0 = 0;
      int x0 = 0;
      int o0 = 0;
      int m0 = 0;
      int c0 = 0;
      for (int t = 0; t < b.count; t++) {
        int i = b.item[t];
        int x = b.pos[t];
        pegPosStart[x] = pegs.size();
        int rk = b.rxEnd[t] - x0;
        if (rxNeed.length < rk) {
          rxNeed = new int[grownLength(rxNeed.length, rk)];
        }
        Arrays.fill(rxNeed, 0, rk, -1);
        ptCount = 0;
        if (c0 < b.cpEnd[t]) {
          pegWithCoProducts(
              i, b, r0, b.reqEnd[t], x0, rk, o0, b.outEnd[t], b.poStart[t], c0, b.cpEnd[t]);
        } else {
          peg(i, b, r0, b.reqEnd[t], x0, rk, o0, b.outEnd[t], b.poStart[t]);
        }
        if (phantom[i]) {
          ptDayOf[i] = Arrays.copyOf(ptDay, ptCount);
          ptQtyOf[i] = Arrays.copyOf(ptQty, ptCount);
          ptRefOf[i] = Arrays.copyOf(ptRef, ptCount);
        }
        for (int m = m0; m < b.msgEnd[t]; m++) {
          messages.add(b.msgs.get(m).get());
        }
        receiptMessages(i, b.rx, x0, rk);
        if (phantom[i]) {
          pegDone = x + 1;
        }
        r0 = b.reqEnd[t];
        x0 = b.rxEnd[t];
        o0 = b.outEnd[t];
        m0 = b.msgEnd[t];
        c0 = b.cpEnd[t];
      }
      if (b.count > 0) {
        pegDone = b.pos[b.count - 1] + 1;
      }
    }

    /**
     * Pegs the make-to-order demands of item i to their orders, then the requirements b.s[r0, r1)
     * of item i (plus safety stock on the plan start and its increases, each after its day's
     * requirements) to on-hand, its receipts b.rx[x0, x0 + rk) and its other planned orders (output
     * b.out[o0, o1), the first with index firstOrder), first come first served; for a phantom,
     * passes what stays uncovered through.
     */
    private void peg(
        int i, Batch b, int r0, int r1, int x0, int rk, int o0, int o1, int firstOrder) {
      int supplies = 1 + rk; // on-hand and receipts; planned orders follow (op)
      PegStore pg = pegs;
      pg.startItem();
      int[] day = b.day;
      double[] qtys = b.qty;
      int[] refs = b.ref;
      int[] rx = b.rx;
      double[] out = b.out;
      int[] mto = b.outMto;
      if (mtoList != null) {
        for (int o = o0; o < o1; o++) {
          if (mto[o] != REF_NONE) {
            pg.add(firstOrder + o - o0, mto[o], out[o]);
          }
        }
      }
      int op = o0;
      int sp = -1;
      int supRef = REF_NONE;
      double sRem = 0;
      double sTol = 0;
      boolean ssPending = safety[i] > 0;
      int z = incStart == null ? 0 : incStart[i];
      int zEnd = incStart == null ? 0 : incStart[i + 1];
      int incBase = -2 - demId.length;
      int q = r0;
      while (true) {
        int d;
        double qty;
        int ref;
        if (ssPending && (q == r1 || day[q] > 0)) {
          d = 0;
          qty = safety[i];
          ref = REF_NONE;
          ssPending = false;
        } else if (z < zEnd && (q == r1 || day[q] > incDay[z])) {
          d = incDay[z];
          qty = incQty[z];
          ref = incBase - z;
          z++;
        } else if (q < r1) {
          d = day[q];
          qty = qtys[q];
          ref = refs[q];
          q++;
        } else {
          break;
        }
        double rem = qty;
        double t = tol(qty);
        while (rem > t) {
          if (sRem <= sTol) {
            if (sp + 1 < supplies) {
              sp++;
              if (sp == 0) {
                sRem = onHand[i];
                supRef = REF_NONE;
              } else {
                int j = rx[x0 + sp - 1];
                sRem = rcQty[j];
                supRef = -2 - j;
              }
            } else {
              while (op < o1 && mto[op] != REF_NONE) {
                op++; // a make-to-order order serves its own demand only
              }
              if (op == o1) {
                break;
              }
              sp = supplies;
              sRem = out[op];
              supRef = firstOrder + op - o0;
              op++;
            }
            sTol = tol(sRem);
            continue;
          }
          double take = Math.min(rem, sRem);
          if (sp > 0 && sp <= rk && rxNeed[sp - 1] < 0) {
            rxNeed[sp - 1] = d;
          }
          pg.add(supRef, ref, take);
          rem -= take;
          sRem -= take;
        }
        if (rem > t && phantom[i]) {
          addPassThrough(d, rem, ref);
        }
      }
    }

    /**
     * {@link #peg} for an item with non-movable supplies b.cp[c0, c1) (released safety stock and
     * co-product receipts, see {@link #gatherCoProducts}): each requirement takes on-hand and
     * receipts, then the non-movable supplies dated on or before its day, then planned orders.
     * Items with co-product receipts are never phantoms.
     */
    private void pegWithCoProducts(
        int i,
        Batch b,
        int r0,
        int r1,
        int x0,
        int rk,
        int o0,
        int o1,
        int firstOrder,
        int c0,
        int c1) {
      int supplies = 1 + rk;
      PegStore pg = pegs;
      pg.startItem();
      int[] day = b.day;
      double[] qtys = b.qty;
      int[] refs = b.ref;
      int[] rx = b.rx;
      double[] out = b.out;
      int[] mto = b.outMto;
      int[] cDay = b.cpDay;
      double[] cQty = b.cpQty;
      int[] cRef = b.cpRef;
      if (mtoList != null) {
        for (int o = o0; o < o1; o++) {
          if (mto[o] != REF_NONE) {
            pg.add(firstOrder + o - o0, mto[o], out[o]);
          }
        }
      }
      int sp = -1; // on-hand and receipts
      int supRef = REF_NONE;
      double sRem = 0;
      double sTol = 0;
      int cp = c0 - 1; // co-product receipts
      double cRem = 0;
      double cTol = 0;
      int op = o0; // planned orders
      int oRef = REF_NONE;
      double oRem = 0;
      double oTol = 0;
      boolean ssPending = safety[i] > 0;
      int z = incStart == null ? 0 : incStart[i];
      int zEnd = incStart == null ? 0 : incStart[i + 1];
      int incBase = -2 - demId.length;
      int q = r0;
      while (true) {
        int d;
        double qty;
        int ref;
        if (ssPending && (q == r1 || day[q] > 0)) {
          d = 0;
          qty = safety[i];
          ref = REF_NONE;
          ssPending = false;
        } else if (z < zEnd && (q == r1 || day[q] > incDay[z])) {
          d = incDay[z];
          qty = incQty[z];
          ref = incBase - z;
          z++;
        } else if (q < r1) {
          d = day[q];
          qty = qtys[q];
          ref = refs[q];
          q++;
        } else {
          break;
        }
        double rem = qty;
        double t = tol(qty);
        while (rem > t) {
          if (sRem <= sTol) {
            if (sp + 1 == supplies) {
              break;
            }
            sp++;
            if (sp == 0) {
              sRem = onHand[i];
              supRef = REF_NONE;
            } else {
              int j = rx[x0 + sp - 1];
              sRem = rcQty[j];
              supRef = -2 - j;
            }
            sTol = tol(sRem);
            continue;
          }
          double take = Math.min(rem, sRem);
          if (sp > 0 && rxNeed[sp - 1] < 0) {
            rxNeed[sp - 1] = d;
          }
          pg.add(supRef, ref, take);
          rem -= take;
          sRem -= take;
        }
        while (rem > t) {
          if (cRem <= cTol) {
            if (cp + 1 == c1 || cDay[cp + 1] > d) {
              break;
            }
            cp++;
            cRem = cQty[cp];
            cTol = tol(cRem);
            continue;
          }
          double take = Math.min(rem, cRem);
          pg.add(cRef[cp], ref, take);
          rem -= take;
          cRem -= take;
        }
        while (rem > t) {
          if (oRem <= oTol) {
            while (op < o1 && mto[op] != REF_NONE) {
              op++; // a make-to-order order serves its own demand only
            }
            if (op == o1) {
              break;
            }
            oRem = out[op];
            oRef = firstOrder + op - o0;
            oTol = tol(oRem);
            op++;
            continue;
          }
          double take = Math.min(rem, oRem);
          pg.add(oRef, ref, take);
          rem -= take;
          oRem -= take;
        }
      }
    }

    private void addPassThrough(int day, double qty, int ref) {
      if (ptCount == ptDay.length) {
        int len = grownLength(ptCount, ptCount + 1);
        ptDay = Arrays.copyOf(ptDay, len);
        ptQty = Arrays.copyOf(ptQty, len);
        ptRef = Arrays.copyOf(ptRef, len);
      }
      ptDay[ptCount] = day;
      ptQty[ptCount] = qty;
      ptRef[ptCount] = ref;
      ptCount++;
    }

    private void receiptMessages(int i, int[] rx, int x0, int rk) {
      for (int x = 0; x < rk; x++) {
        int j = rx[x0 + x];
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

    // ---- net change: re-planning single items of a finished run (see Session) ----

    private int demListSize = -1;
    // orders of the first run; the ids of later orders (index - firstRunOrders), the next id, and
    // per item the room of its place for re-planned orders (0: an order range of the first run)
    private int firstRunOrders = -1;
    private int[] idOf;
    private int nextId;
    private int[] slotCap;
    private PegStore replanPegs;
    private final List<MrpMessage> replanMessages = new ArrayList<>();
    private int mtoListSize = -1;

    /**
     * Replaces the demands of item i by {@code ds} (its demands in input order, checked as by
     * prepareDemands). The new demands get fresh indices after all others, so the order of a
     * changed input (kept demands in place, added ones at the end) is kept.
     */
    void setDemands(int i, List<PlanDemand> ds) {
      int m = ds.size();
      if (demCount + m > demId.length) {
        int len = grownLength(demId.length, demCount + m);
        demDay = Arrays.copyOf(demDay, len);
        demQty = Arrays.copyOf(demQty, len);
        demId = Arrays.copyOf(demId, len); // a new array: views of earlier results keep theirs
      }
      if (demListSize < 0) {
        demListSize = demList.length;
      }
      if (demListSize + m > demList.length) {
        demList = Arrays.copyOf(demList, grownLength(demList.length, demListSize + m));
      }
      demFrom[i] = demListSize;
      long[] mtoKeys = null;
      int mk = 0;
      for (PlanDemand x : ds) {
        int j = demCount++;
        long off = x.date().toEpochDay() - startEpoch;
        demDay[j] = (int) Math.max(0, Math.min(off, horizon));
        demQty[j] = x.quantity();
        demId[j] = x.id();
        if (off >= horizon) {
          continue;
        }
        if (!x.makeToOrder()) {
          demList[demListSize++] = j;
        } else if (x.quantity() > 0) {
          if (mtoKeys == null) {
            mtoKeys = new long[m];
          }
          mtoKeys[mk++] = ((long) demDay[j] << 32) | j;
        }
      }
      demTo[i] = demListSize;
      if (mtoList == null && mk == 0) {
        return;
      }
      if (mtoList == null) {
        mtoFrom = new int[n];
        mtoTo = new int[n];
        mtoList = new int[0];
      }
      if (mtoListSize < 0) {
        mtoListSize = mtoList.length;
      }
      if (mtoListSize + mk > mtoList.length) {
        mtoList = Arrays.copyOf(mtoList, grownLength(mtoList.length, mtoListSize + mk));
      }
      if (mk > 1) {
        Arrays.sort(mtoKeys, 0, mk);
      }
      mtoFrom[i] = mtoListSize;
      for (int y = 0; y < mk; y++) {
        mtoList[mtoListSize++] = (int) mtoKeys[y];
      }
      mtoTo[i] = mtoListSize;
    }

    /**
     * Plans the item at processing position x again, from the current orders of its parents and its
     * current demands, on this thread. Its new orders get the next indices (ids) after all orders
     * so far; when they equal its old ones (number, days, quantities within the tolerance) they are
     * dropped again and the old ones kept. Its pegging rows and messages go to pegOut and msgOut,
     * referring to the orders kept. Returns whether the orders changed.
     */
    boolean replan(int x, PegColumns[] pegOut, List<MrpMessage> msgOut) {
      int i = order[x];
      int oFirst = poFirst[i];
      int oEnd = poEnd[i];
      int oRelEnd = poRelEnd[i];
      int oChunk = poChunk[i];
      int sCount = poCount;
      int sChunks = poChunks;
      int sBase = poBase;
      int sPoPos = poPosStart[x];
      int sPegPos = pegPosStart[x];
      PegStore keptPegs = pegs;
      List<MrpMessage> keptMessages = messages;
      PegStore pg = replanPegs;
      if (pg == null || pg.demId != demId || pg.chunks > 1) {
        pg = new PegStore(rcId, demId);
        replanPegs = pg;
      } else {
        pg.clear();
      }
      List<MrpMessage> ms = replanMessages;
      ms.clear();
      pegs = pg;
      messages = ms;
      full = null; // peg on this thread
      if (firstRunOrders < 0) {
        firstRunOrders = poCount;
        nextId = poCount + 1;
        idOf = new int[16];
        slotCap = new int[n];
      }
      try {
        planItem(x);
        flush();
      } finally {
        pegs = keptPegs;
        messages = keptMessages;
        poPosStart[x] = sPoPos;
        pegPosStart[x] = sPegPos;
      }
      int nFirst = poFirst[i];
      int cnt = poEnd[i] - nFirst;
      boolean same = cnt == oEnd - oFirst;
      if (same && cnt > 0) {
        int[] or = poRelC[oChunk];
        int[] od = poDueC[oChunk];
        double[] oq = poQtyC[oChunk];
        int oo = oFirst - poChunkBase[oChunk];
        int nc = poChunk[i];
        int[] nr = poRelC[nc];
        int[] nd = poDueC[nc];
        double[] nq = poQtyC[nc];
        int no = nFirst - (nc == poChunks - 1 ? poBase : poChunkBase[nc]);
        for (int o = 0; same && o < cnt; o++) {
          double q = nq[no + o];
          same =
              nr[no + o] == or[oo + o]
                  && nd[no + o] == od[oo + o]
                  && Math.abs(q - oq[oo + o]) <= tol(q);
        }
      }
      // where the item's orders stay: the old place when unchanged, or when changed but they fit
      // into the old place and it is no order of the first run (views of its result stay valid);
      // else where they were just planned, with some room to spare for the next re-plan
      int idBase;
      int slot;
      if (same) {
        idBase = cnt == 0 ? 1 : orderId(oFirst);
        slot = oFirst;
      } else {
        idBase = nextId;
        nextId += cnt;
        slot = oFirst >= firstRunOrders && cnt <= slotCap[i] ? oFirst : nFirst;
      }
      if (slot == oFirst) {
        if (!same && cnt > 0) {
          int nc = poChunk[i];
          int no = nFirst - poChunkBase[nc];
          int oo = oFirst - poChunkBase[oChunk];
          System.arraycopy(poRelC[nc], no, poRelC[oChunk], oo, cnt);
          System.arraycopy(poDueC[nc], no, poDueC[oChunk], oo, cnt);
          System.arraycopy(poQtyC[nc], no, poQtyC[oChunk], oo, cnt);
        }
        int relCount = poRelEnd[i] - nFirst;
        poFirst[i] = oFirst;
        poEnd[i] = oFirst + cnt;
        poRelEnd[i] = oFirst + relCount;
        poChunk[i] = oChunk;
        poCount = sCount;
        if (poChunks != sChunks) {
          poChunks = sChunks;
          poBase = sBase;
          poRel = poRelC[sChunks - 1];
          poDue = poDueC[sChunks - 1];
          poQty = poQtyC[sChunks - 1];
        }
      } else {
        int spare = Math.min(cnt / 8 + 4, poRel.length - (poCount - poBase));
        poCount += spare;
        slotCap[i] = cnt + spare;
      }
      if (slot >= firstRunOrders) {
        int need = poCount - firstRunOrders;
        if (idOf.length < need) {
          idOf = Arrays.copyOf(idOf, grownLength(idOf.length, need));
        }
        if (!same) {
          for (int o = 0; o < cnt; o++) {
            idOf[slot - firstRunOrders + o] = idBase + o;
          }
        }
      }
      pegOut[0] = columns(i, pg, nFirst, cnt, idBase);
      for (MrpMessage msg : ms) {
        msgOut.add(renumbered(msg, nFirst, cnt, idBase));
      }
      return !same;
    }

    /** Id of the order with index o (orders of the first run: o + 1). */
    int orderId(int o) {
      return o < firstRunOrders ? o + 1 : idOf[o - firstRunOrders];
    }

    /**
     * The rows of pg (one item) with order references as ids − 1: the item's new orders [nFirst,
     * nFirst + cnt) have ids idBase, idBase + 1, …
     */
    private PegColumns columns(int i, PegStore pg, int nFirst, int cnt, int idBase) {
      int rows = pg.size();
      int[] sup = new int[rows];
      int[] dem = new int[rows];
      double[] qty = new double[rows];
      for (int c = 0, r = 0; r < rows; c++) {
        int len = Math.min(PegStore.CHUNK, rows - r);
        System.arraycopy(pg.sup[c], 0, sup, r, len);
        System.arraycopy(pg.dem[c], 0, dem, r, len);
        System.arraycopy(pg.qty[c], 0, qty, r, len);
        r += len;
      }
      int end = nFirst + cnt;
      int shift = idBase - 1 - nFirst;
      for (int r = 0; r < rows; r++) {
        int s = sup[r];
        if (s >= nFirst && s < end) {
          sup[r] = s + shift;
        }
        int d = dem[r];
        if (d >= firstRunOrders) {
          dem[r] = idOf[d - firstRunOrders] - 1;
        }
      }
      return new PegColumns(material[i], sup, dem, qty, rcId, demId, incId, relId);
    }

    /** A message of a re-planned item with its order references as ids (see columns). */
    private static MrpMessage renumbered(MrpMessage msg, int nFirst, int cnt, int idBase) {
      String kind = msg.kind();
      boolean orderRef =
          kind.equals(MrpMessage.PAST_DUE)
              || kind.equals(MrpMessage.PLANNING_FENCE)
              || kind.equals(MrpMessage.BELOW_SAFETY)
              || kind.equals(MrpMessage.LOT_LIMIT);
      long ref = msg.referenceId();
      if (!orderRef || ref < nFirst + 1L || ref > (long) nFirst + cnt) {
        return msg;
      }
      long g = idBase + (ref - 1 - nFirst);
      if (g == ref) {
        return msg;
      }
      String text =
          msg.message()
              .replace("Planned order " + ref + " ", "Planned order " + g + " ")
              .replace("计划订单 " + ref + "（", "计划订单 " + g + "（");
      return new MrpMessage(msg.materialId(), kind, msg.date(), g, text);
    }

    /** Orders stored so far, including those of earlier versions of re-planned items. */
    int storedOrders() {
      return poCount;
    }

    int orderStart(int i) {
      return poFirst[i];
    }

    int orderEnd(int i) {
      return poEnd[i];
    }

    /** Release day, due day and quantity of the order with index o of item i into the arrays. */
    void readOrders(int i, int[] rel, int[] due, double[] qty) {
      int c = poChunk[i];
      int off = poFirst[i] - (c == poChunks - 1 ? poBase : poChunkBase[c]);
      int cnt = poEnd[i] - poFirst[i];
      System.arraycopy(poRelC[c], off, rel, 0, cnt);
      System.arraycopy(poDueC[c], off, due, 0, cnt);
      System.arraycopy(poQtyC[c], off, qty, 0, cnt);
    }

    MrpResult result(long millis) {
      List<PlannedOrder> orders =
          new OrderList(
              material,
              order,
              poPosStart,
              Arrays.copyOf(poChunkBase, poChunks + 1),
              poRelC,
              poDueC,
              poQtyC,
              poCount,
              startEpoch);
      List<Pegging> pegList =
          new PeggingList(pegs, material, order, pegPosStart, rcId, demId, incId, relId);
      return new MrpResult(
          orders, pegList, Collections.unmodifiableList(messages), llc.clone(), millis);
    }
  }

  /** Read-only view of the planned-order chunks. */
  private static final class OrderList extends AbstractList<PlannedOrder> implements RandomAccess {
    private final long[] material;
    private final int[] order;
    private final int[] posStart;
    private final int[] chunkBase;
    private final int[][] release;
    private final int[][] due;
    private final double[][] qty;
    private final int size;
    private final long startEpoch;
    // processing position and chunk of the last order read: hints, any value in range is valid
    private int hint;
    private int chunkHint;

    OrderList(
        long[] material,
        int[] order,
        int[] posStart,
        int[] chunkBase,
        int[][] release,
        int[][] due,
        double[][] qty,
        int size,
        long startEpoch) {
      this.material = material;
      this.order = order;
      this.posStart = posStart;
      this.chunkBase = chunkBase;
      this.release = release;
      this.due = due;
      this.qty = qty;
      this.size = size;
      this.startEpoch = startEpoch;
    }

    @Override
    public PlannedOrder get(int x) {
      Objects.checkIndex(x, size);
      int p = position(posStart, order.length, hint, x);
      hint = p;
      int c = position(chunkBase, chunkBase.length - 1, chunkHint, x);
      chunkHint = c;
      int o = x - chunkBase[c];
      return new PlannedOrder(
          x + 1L,
          material[order[p]],
          LocalDate.ofEpochDay(startEpoch + release[c][o]),
          LocalDate.ofEpochDay(startEpoch + due[c][o]),
          qty[c][o]);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /**
   * The processing position p with start[p] <= x < start[p + 1] ({@code start} non-decreasing over
   * n + 1 positions, x < start[n]); tries the hint and the position after it first.
   */
  static int position(int[] start, int n, int hint, int x) {
    if (start[hint] <= x && x < start[hint + 1]) {
      return hint;
    }
    if (hint + 1 < n && start[hint + 1] <= x && x < start[hint + 2]) {
      return hint + 1;
    }
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= x) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * Planned items on their way from the planning side to the pegging side: per item its sorted
   * requirements, its receipts by day, the good output of its planned orders (with the
   * make-to-order demand each serves, or REF_NONE) and its messages from netting, each concatenated
   * over the items of the batch.
   */
  private static final class Batch {
    static final Batch END = new Batch();

    int count;
    int[] item = new int[16];
    int[] pos = new int[16];
    int[] poStart = new int[16];
    int[] reqEnd = new int[16];
    int[] rxEnd = new int[16];
    int[] outEnd = new int[16];
    int[] msgEnd = new int[16];
    int[] cpEnd = new int[16];
    int reqs;
    int[] day = new int[16];
    double[] qty = new double[16];
    int[] ref = new int[16];
    int rxs;
    int[] rx = new int[16];
    int outs;
    double[] out = new double[16];
    int[] outMto = new int[16];
    int cps;
    int[] cpDay = new int[16];
    double[] cpQty = new double[16];
    int[] cpRef = new int[16];
    final List<Supplier<MrpMessage>> msgs = new ArrayList<>();

    void ensureRequirements(int k) {
      if (day.length < k) {
        int len = grownLength(day.length, k);
        day = Arrays.copyOf(day, len);
        qty = Arrays.copyOf(qty, len);
        ref = Arrays.copyOf(ref, len);
      }
    }

    void ensureReceipts(int k) {
      if (rx.length < k) {
        rx = Arrays.copyOf(rx, grownLength(rx.length, k));
      }
    }

    void ensureCoProducts(int k) {
      if (cpDay.length < k) {
        int len = grownLength(cpDay.length, k);
        cpDay = Arrays.copyOf(cpDay, len);
        cpQty = Arrays.copyOf(cpQty, len);
        cpRef = Arrays.copyOf(cpRef, len);
      }
    }

    void addOutput(double q, int mtoRef) {
      if (outs == out.length) {
        int len = grownLength(outs, outs + 1);
        out = Arrays.copyOf(out, len);
        outMto = Arrays.copyOf(outMto, len);
      }
      out[outs] = q;
      outMto[outs] = mtoRef;
      outs++;
    }

    void addItem(int i, int x, int firstOrder) {
      if (count == item.length) {
        int len = grownLength(count, count + 1);
        item = Arrays.copyOf(item, len);
        pos = Arrays.copyOf(pos, len);
        poStart = Arrays.copyOf(poStart, len);
        reqEnd = Arrays.copyOf(reqEnd, len);
        rxEnd = Arrays.copyOf(rxEnd, len);
        outEnd = Arrays.copyOf(outEnd, len);
        msgEnd = Arrays.copyOf(msgEnd, len);
        cpEnd = Arrays.copyOf(cpEnd, len);
      }
      item[count] = i;
      pos[count] = x;
      poStart[count] = firstOrder;
      reqEnd[count] = reqs;
      rxEnd[count] = rxs;
      outEnd[count] = outs;
      msgEnd[count] = msgs.size();
      cpEnd[count] = cps;
      count++;
    }

    void clear() {
      count = 0;
      reqs = 0;
      rxs = 0;
      outs = 0;
      cps = 0;
      msgs.clear();
    }
  }

  /**
   * Pegging rows as supply reference, demand reference and quantity, in chunks so that growing
   * never copies more than the first chunk. A row is merged into the previous one of the same item
   * when both link the same supply (kind and id) to the same demand (kind and id).
   */
  static final class PegStore {
    /** Rows per chunk, a little less than a power of two (see {@link #ORDER_CHUNK}). */
    static final int CHUNK = (1 << 22) - 8;

    private final long[] rcId;
    final long[] demId;
    private int[][] sup = new int[4][];
    private int[][] dem = new int[4][];
    private double[][] qty = new double[4][];
    private int chunks = 1;
    private int base;
    private int pos;
    private int[] cs = new int[16];
    private int[] cd = new int[16];
    private double[] cq = new double[16];
    private boolean mergeable;

    PegStore(long[] rcId, long[] demId) {
      this.rcId = rcId;
      this.demId = demId;
      sup[0] = cs;
      dem[0] = cd;
      qty[0] = cq;
    }

    int size() {
      return base + pos;
    }

    /** Drops all rows (a store of one chunk only). */
    void clear() {
      pos = 0;
      mergeable = false;
    }

    /** The next row belongs to a new item: it is never merged into the previous one. */
    void startItem() {
      mergeable = false;
    }

    void add(int supplyRef, int demandRef, double q) {
      if (mergeable) {
        int l = pos - 1;
        int s = cs[l];
        int d = cd[l];
        if ((s == supplyRef
                || isReceipt(s) && isReceipt(supplyRef) && rcId[-2 - s] == rcId[-2 - supplyRef])
            && (d == demandRef
                || isDemand(d) && isDemand(demandRef) && demId[-2 - d] == demId[-2 - demandRef])) {
          cq[l] += q;
          return;
        }
      }
      if (pos == cs.length) {
        grow();
      }
      cs[pos] = supplyRef;
      cd[pos] = demandRef;
      cq[pos] = q;
      pos++;
      mergeable = true;
    }

    /** Whether a supply reference is a receipt (not on-hand, a planned order or a co-product). */
    private boolean isReceipt(int s) {
      return s <= -2 && s >= -1 - rcId.length;
    }

    /** Whether a demand reference is an independent demand (not a safety stock requirement). */
    private boolean isDemand(int d) {
      return d <= -2 && d >= -1 - demId.length;
    }

    private void grow() {
      if (cs.length < CHUNK) {
        int len = Math.min(CHUNK, grownLength(cs.length, cs.length + 1));
        cs = Arrays.copyOf(cs, len);
        cd = Arrays.copyOf(cd, len);
        cq = Arrays.copyOf(cq, len);
      } else {
        if (Integer.MAX_VALUE - base < 2 * CHUNK) {
          throw new IllegalStateException("more than 2^31 pegging rows");
        }
        base += CHUNK;
        pos = 0;
        if (chunks == sup.length) {
          sup = Arrays.copyOf(sup, 2 * chunks);
          dem = Arrays.copyOf(dem, 2 * chunks);
          qty = Arrays.copyOf(qty, 2 * chunks);
        }
        cs = new int[CHUNK];
        cd = new int[CHUNK];
        cq = new double[CHUNK];
        chunks++;
      }
      sup[chunks - 1] = cs;
      dem[chunks - 1] = cd;
      qty[chunks - 1] = cq;
    }
  }

  /** Read-only view of the pegging rows. */
  private static final class PeggingList extends AbstractList<Pegging> implements RandomAccess {
    private final int[][] sup;
    private final int[][] dem;
    private final double[][] qty;
    private final int size;
    private final long[] material;
    private final int[] order;
    private final int[] posStart;
    private final long[] rcId;
    private final long[] demId;
    private final long[] incId;
    private final long[] relId;
    // processing position of the last row read: a hint, any value in [0, n) is valid
    private int hint;

    PeggingList(
        PegStore pegs,
        long[] material,
        int[] order,
        int[] posStart,
        long[] rcId,
        long[] demId,
        long[] incId,
        long[] relId) {
      this.sup = pegs.sup;
      this.dem = pegs.dem;
      this.qty = pegs.qty;
      this.size = pegs.size();
      this.material = material;
      this.order = order;
      this.posStart = posStart;
      this.rcId = rcId;
      this.demId = demId;
      this.incId = incId == null ? new long[0] : incId;
      this.relId = relId == null ? new long[0] : relId;
    }

    @Override
    public Pegging get(int x) {
      Objects.checkIndex(x, size);
      int c = x / PegStore.CHUNK;
      int o = x - c * PegStore.CHUNK;
      return decode(
          sup[c][o], dem[c][o], qty[c][o], material[order[position(x)]], rcId, demId, incId, relId);
    }

    /** A pegging row from its supply and demand references (see {@link #REF_NONE}). */
    static Pegging decode(
        int s,
        int d,
        double q,
        long material,
        long[] rcId,
        long[] demId,
        long[] incId,
        long[] relId) {
      long supplyId;
      String supplyKind;
      if (s >= 0) {
        supplyId = s + 1L;
        supplyKind = Pegging.PLANNED;
      } else if (s == REF_NONE) {
        supplyId = 0;
        supplyKind = Pegging.ON_HAND;
      } else if (s >= -1 - rcId.length) {
        supplyId = rcId[-2 - s];
        supplyKind = Pegging.RECEIPT;
      } else if (s >= -1 - rcId.length - relId.length) {
        supplyId = relId[-2 - rcId.length - s];
        supplyKind = Pegging.ON_HAND;
      } else {
        supplyId = (long) s - Integer.MIN_VALUE + 1;
        supplyKind = Pegging.CO_PRODUCT;
      }
      long demandId;
      String demandKind;
      if (d >= 0) {
        demandId = d + 1L;
        demandKind = Pegging.DEPENDENT;
      } else if (d == REF_NONE) {
        demandId = 0;
        demandKind = Pegging.SAFETY_STOCK;
      } else if (d >= -1 - demId.length) {
        demandId = demId[-2 - d];
        demandKind = Pegging.DEMAND;
      } else {
        demandId = incId[-2 - demId.length - d];
        demandKind = Pegging.SAFETY_STOCK;
      }
      return new Pegging(supplyId, supplyKind, demandId, demandKind, material, q);
    }

    private int position(int x) {
      int p = MrpEngine.position(posStart, order.length, hint, x);
      hint = p;
      return p;
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
