package io.tianshu.planning.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Net-change MRP: holds a regenerative plan of an {@link MrpInput} in memory and re-plans, after
 * changes of independent demands, only the materials the change can affect. After every {@link
 * #apply} the plan ({@link #current()}) is that of a full {@link MrpEngine#run} on the changed
 * input ({@link #input()}): the same planned orders (material, release date, due date, quantity),
 * pegging and messages, up to planned-order ids and quantities within the engine's tolerance (1e-9
 * relative; see below).
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Changed input.</b> {@code apply(added, removedDemandIds)} first removes every demand
 *       whose id is in {@code removedDemandIds} (all of them if several share the id; unknown ids
 *       are ignored), then appends {@code added} in list order. A change of a demand is a removal
 *       and an addition with the same id. The changed input is the previous one with its demand
 *       list changed that way (removed demands left out, added ones at the end).
 *   <li><b>Affected materials.</b> The materials of the removed and added demands are affected.
 *       Affected materials are re-planned in low-level-code order (the codes of the first run: the
 *       BOM and outputs never change), all materials of one code in one engine run. A re-planned
 *       material whose planned orders changed (their number, or any order's release date, due date
 *       or quantity beyond the engine's tolerance; orders compared in id order) makes its
 *       components (BOM lines with a quantity per &gt; 0) and its co- and by-products affected; one
 *       whose orders are unchanged affects nothing further (its pegging and messages are still
 *       replaced), since its components' requirements are exactly as before.
 *   <li><b>Requirements of an affected material</b> are its independent demands and the dependent
 *       demand of all its parents' current planned orders (those re-planned in this apply, the
 *       others as they were), computed as {@link MrpEngine} does: one requirement per BOM line and
 *       parent order released within the horizon, {@code order quantity × quantityPer × (100 +
 *       scrap) / 100}, on the order's release date. The engine nets them with the material's
 *       on-hand, receipts, lot sizing, lead time, yield, safety stock, planning time fence and
 *       make-to-order demands exactly as in a full run. On one day the dependent requirements come
 *       after the independent ones, as in a full run, so pegging per supply and demand kind is that
 *       of a full run.
 *   <li><b>Regenerative fallback.</b> An apply is planned by a full {@link MrpEngine#run} on the
 *       changed input instead (counted by {@link #fallbacks()}, {@link
 *       NetChangeResult#regenerated()} set) when an affected material is a phantom or has a phantom
 *       parent (pass-through requirements and their pegging live only inside a run), or is a co- or
 *       by-product of some material (its co-product receipts are not movable and cannot be handed
 *       to the engine as scheduled receipts), or when the input carries components this class does
 *       not know (added to {@link MrpInput} later) with a non-empty value. Make-to-order demands
 *       and planning time fences need no fallback: they concern one material at a time. With {@link
 *       #of(MrpInput, double)}, an apply whose changed materials reach (through BOM lines and
 *       outputs) more than the given share of all items is also planned by a full run, since that
 *       is then faster (counted by {@link #sizeRegenerations()}).
 *   <li><b>Planned-order ids.</b> The first run numbers orders 1, 2, … as {@link MrpEngine} does. A
 *       re-planned material whose orders are unchanged keeps their ids; one whose orders changed
 *       gets fresh ids for all its new orders, counting up from the largest id ever handed out, in
 *       due-date order (as the engine orders them); its old ids are not used again. So a pegging
 *       row or message of an unaffected material never refers to an order that no longer exists:
 *       only components and co-products of a material refer to its orders, and those are affected
 *       whenever its orders change. A regenerative fallback renumbers every order 1, 2, ….
 *   <li><b>Pegging and messages</b> of a re-planned material replace its old ones; rows and
 *       messages refer to the ids above (a dependent requirement is pegged as {@link
 *       Pegging#DEPENDENT} of its parent order's id, as in a full run).
 * </ul>
 *
 * <p>Not thread-safe; an apply that throws (on an invalid added demand) changes nothing.
 *
 * <h2>Implementation</h2>
 *
 * <p>The plan is the last regenerative result plus an override per re-planned material (its orders
 * in arrays, its pegging rows as the engine's references, decoded on reading, and its messages).
 * The result's orders, pegging rows and messages are found per material by their ranges (the engine
 * lists them material by material in processing order). The engine run that made the result is kept
 * ({@code MrpEngine.Session}, package-private): its prepared items, BOM, receipts, calendar and
 * demands, and its planned orders, which net change keeps current. An affected material is planned
 * again inside that run, with the engine's own code (gathering its requirements from its demands
 * and its parents' current orders, netting, lot sizing, pegging, messages), so a full run and net
 * change cannot differ in how they plan one material; affected materials of one low-level code are
 * planned in processing order, and every parent of a material has a lower code. Changed demands of
 * a material replace its demand list in the run before it is planned. The re-planned orders are
 * first put at the end of the run's order storage and compared with the material's current ones:
 * unchanged, they are dropped again (the old ids stay); changed, they get the next ids and stay
 * there with some room to spare, or are copied back into the material's place when net change made
 * that place and it is large enough (the orders of the first run are never overwritten, so its
 * result stays valid; ids of later orders come from a table). Superseded orders stay in the
 * storage: when it holds more than {@value #STORED_ORDERS_FACTOR} times the current orders plus
 * {@value #STORED_ORDERS_SLACK}, the apply is planned by a full run (counted by {@link
 * #sizeRegenerations()}). {@link #current()} is a view assembled from the result and the overrides;
 * the lists of a {@link NetChangeResult} are views over the overrides of that apply.
 */
public final class NetChangePlanner {

  /** The record components this class knows; any other one (non-empty) forces full runs. */
  private static final Set<String> KNOWN_COMPONENTS =
      Set.of(
          "items", "bom", "demands", "receipts", "calendar", "planStart", "horizonDays", "outputs");

  /**
   * An apply is planned by a full run when the engine's order storage holds more than this many
   * times the current orders plus {@link #STORED_ORDERS_SLACK} (superseded orders stay in it).
   */
  static final long STORED_ORDERS_FACTOR = 3;

  static final long STORED_ORDERS_SLACK = 1 << 20;

  private final MrpInput first;
  private final int n;
  private final long[] material;
  private final Map<Long, Integer> index;
  private final int[] llc;
  private final int maxLlc;
  private final int[] order; // item at each processing position
  private final int horizon;
  private final LocalDate[] dates; // day index -> date within the horizon

  // what a change of an item's orders affects: its components and its co- and by-products
  private final int[] downStart;
  private final int[] down;
  private final boolean[] needsFullRun; // phantom, phantom parent or co-product
  private final boolean alwaysRegenerate;

  // demands: all of the current input by position (null = removed), by id and by item
  private PlanDemand[] dem = new PlanDemand[16];
  private int demCount;
  private final Map<Long, IntList> demById = new HashMap<>();
  private final IntList[] demOf;

  // plan: the last regenerative result plus overrides of re-planned items
  private MrpResult base;
  private int[] boStart;
  private int[] boEnd;
  private int[] bpStart;
  private int[] bpEnd;
  private int[] bmStart;
  private int[] bmEnd;
  private ItemPlan[] plan;
  private MrpEngine.Session session; // the run of base, items re-planned in it since
  private long liveOrders; // current planned orders (the session also stores superseded ones)
  private final boolean[] demDirty; // demands changed since the item was last planned

  private final boolean[] pending;
  private final IntList[] pendingAt;

  private final double regenerateShare;
  private final int[] seen; // closure search: seen[i] == epoch
  private int epoch;
  private int fallbacks;
  private int sizeRegenerations;
  private long lastMillis;
  private MrpResult current;
  private MrpInput currentInput;

  private NetChangePlanner(MrpInput in, double regenerateShare) {
    long t0 = System.nanoTime();
    this.regenerateShare = regenerateShare;
    session = new MrpEngine.Session(in); // validates the input
    MrpResult r = session.result();
    first = in;
    List<PlanItem> items = in.items();
    n = items.size();
    material = new long[n];
    index = new HashMap<>(2 * n);
    for (int i = 0; i < n; i++) {
      material[i] = items.get(i).materialId();
      index.put(material[i], i);
    }
    llc = r.lowLevelCodes().clone();
    int mx = 0;
    for (int c : llc) {
      mx = Math.max(mx, c);
    }
    maxLlc = mx;
    order = processingOrder(llc, mx);
    horizon = in.horizonDays();
    dates = new LocalDate[horizon];
    for (int d = 0; d < horizon; d++) {
      dates[d] = in.planStart().plusDays(d);
    }

    needsFullRun = new boolean[n];
    int[] downCount = new int[n + 1];
    for (PlanBomLine b : in.bom()) {
      int p = index.get(b.parentMaterialId());
      int c = index.get(b.componentMaterialId());
      if (items.get(p).phantom()) {
        needsFullRun[c] = true;
      }
      if (b.quantityPer() * (100 + b.scrapPercent()) > 0) {
        downCount[p + 1]++;
      }
    }
    for (PlanOutput o : in.outputs()) {
      downCount[index.get(o.parentMaterialId()) + 1]++;
      needsFullRun[index.get(o.outputMaterialId())] = true;
    }
    for (int i = 0; i < n; i++) {
      downCount[i + 1] += downCount[i];
      needsFullRun[i] |= items.get(i).phantom();
    }
    downStart = downCount.clone();
    down = new int[downStart[n]];
    for (PlanBomLine b : in.bom()) {
      int p = index.get(b.parentMaterialId());
      int c = index.get(b.componentMaterialId());
      if (b.quantityPer() * (100 + b.scrapPercent()) > 0) {
        down[downCount[p]++] = c;
      }
    }
    for (PlanOutput o : in.outputs()) {
      down[downCount[index.get(o.parentMaterialId())]++] = index.get(o.outputMaterialId());
    }

    demOf = new IntList[n];
    for (int i = 0; i < n; i++) {
      demOf[i] = new IntList();
    }
    for (PlanDemand d : in.demands()) {
      appendDemand(d);
    }
    alwaysRegenerate = hasUnknownComponents(in);

    pending = new boolean[n];
    demDirty = new boolean[n];
    seen = new int[n];
    pendingAt = new IntList[mx + 1];
    for (int c = 0; c <= mx; c++) {
      pendingAt[c] = new IntList();
    }
    adopt(r);
    currentInput = in;
    lastMillis = (System.nanoTime() - t0) / 1_000_000L;
  }

  /**
   * Plans {@code input} regeneratively ({@link MrpEngine#run}) and keeps input, plan and indexes
   * for net-change applies.
   *
   * @throws IllegalArgumentException as {@link MrpEngine#run} does
   */
  public static NetChangePlanner of(MrpInput input) {
    return of(input, 1.0);
  }

  /**
   * {@link #of(MrpInput)}, but an apply whose affected materials may exceed {@code regenerateShare}
   * of all items is planned by a full regenerative run (counted by {@link #sizeRegenerations()},
   * not by {@link #fallbacks()}). The estimate is the downstream closure of the changed materials
   * through BOM lines and outputs, before pruning. Re-planning one material costs about what it
   * costs in a full run (plus copying its pegging rows), so when a change reaches most materials a
   * full run is about as fast.
   *
   * @param regenerateShare in (0, 1]; 1 = only the fallbacks of the class comment
   * @throws IllegalArgumentException as {@link MrpEngine#run} does, or for a share outside (0, 1]
   */
  public static NetChangePlanner of(MrpInput input, double regenerateShare) {
    Objects.requireNonNull(input, "input");
    if (!(regenerateShare > 0 && regenerateShare <= 1)) {
      throw new IllegalArgumentException(
          "regenerateShare must be in (0, 1], was " + regenerateShare);
    }
    return new NetChangePlanner(input, regenerateShare);
  }

  /**
   * Removes the demands with the given ids, adds the given demands and re-plans what that can
   * affect (see the class comment).
   *
   * @param added demands to append to the input (null = none)
   * @param removedDemandIds ids of demands to remove (null = none; unknown ids are ignored)
   * @return the re-planned materials and their new orders, pegging and messages
   * @throws IllegalArgumentException (changing nothing) when an added demand names an unknown
   *     material, has no date, a negative or non-finite quantity, or is make-to-order on a phantom
   */
  public NetChangeResult apply(List<PlanDemand> added, List<Long> removedDemandIds) {
    long t0 = System.nanoTime();
    List<PlanDemand> add = added == null ? List.of() : added;
    List<Long> rem = removedDemandIds == null ? List.of() : removedDemandIds;
    for (PlanDemand d : add) {
      check(d);
    }
    for (Long id : rem) {
      Objects.requireNonNull(id, "removed demand id");
    }
    current = null;
    currentInput = null;
    for (Long id : rem) {
      IntList ps = demById.remove(id);
      if (ps == null) {
        continue;
      }
      for (int k = 0; k < ps.size; k++) {
        int pos = ps.a[k];
        int i = index.get(dem[pos].materialId());
        dem[pos] = null;
        demOf[i].removeValue(pos);
        demDirty[i] = true;
        markPending(i);
      }
    }
    for (PlanDemand d : add) {
      int i = appendDemand(d);
      demDirty[i] = true;
      markPending(i);
    }
    if (alwaysRegenerate) {
      fallbacks++;
      return regenerate(t0);
    }
    if (regenerateShare < 1 && closureExceeds((long) (regenerateShare * n))) {
      sizeRegenerations++;
      return regenerate(t0);
    }
    long stored = session.storedOrders();
    if (stored > STORED_ORDERS_FACTOR * liveOrders + STORED_ORDERS_SLACK
        || stored > Integer.MAX_VALUE / 2
        || session.nextId() > Integer.MAX_VALUE / 2) {
      sizeRegenerations++; // superseded orders fill the engine's storage
      return regenerate(t0);
    }

    LongList affected = new LongList();
    List<ItemPlan> done = new ArrayList<>();
    int[] counts = new int[3]; // changed items, removed orders, added orders
    for (int c = 0; c <= maxLlc; c++) {
      IntList w = pendingAt[c];
      if (w.size == 0) {
        continue;
      }
      Arrays.sort(w.a, 0, w.size); // within a code, processing order is input order
      for (int k = 0; k < w.size; k++) {
        if (needsFullRun[w.a[k]]) {
          fallbacks++;
          return regenerate(t0);
        }
      }
      planWave(w, counts);
      for (int k = 0; k < w.size; k++) {
        int i = w.a[k];
        affected.add(material[i]);
        done.add(plan[i]);
        pending[i] = false;
      }
      w.size = 0;
    }
    // views over the re-planned items' plans (immutable), built on demand
    ItemPlan[] ps = done.toArray(new ItemPlan[0]);
    long[] mats = Arrays.copyOf(affected.a, affected.size);
    int[] os = new int[ps.length + 1];
    int[] gs = new int[ps.length + 1];
    int[] ms = new int[ps.length + 1];
    for (int k = 0; k < ps.length; k++) {
      os[k + 1] = os[k] + ps[k].qty.length;
      gs[k + 1] = gs[k] + ps[k].pegging.size();
      ms[k + 1] = ms[k] + ps[k].messages.size();
    }
    lastMillis = (System.nanoTime() - t0) / 1_000_000L;
    return new NetChangeResult(
        new AbstractList<Long>() {
          @Override
          public Long get(int k) {
            return mats[k];
          }

          @Override
          public int size() {
            return mats.length;
          }
        },
        new Concat<>(os) {
          @Override
          PlannedOrder at(int s, int k) {
            ItemPlan p = ps[s];
            return new PlannedOrder(
                p.firstId + k, mats[s], date(p.rel[k]), date(p.due[k]), p.qty[k]);
          }
        },
        new Concat<>(gs) {
          @Override
          Pegging at(int s, int k) {
            return ps[s].pegging.get(k);
          }
        },
        new Concat<>(ms) {
          @Override
          MrpMessage at(int s, int k) {
            return ps[s].messages.get(k);
          }
        },
        mats.length,
        counts[0],
        counts[1],
        counts[2],
        false,
        lastMillis);
  }

  /**
   * The full current plan: orders, pegging rows and messages material by material in processing
   * order (orders by id within a material, so after net changes not in id order overall), the
   * low-level codes, and as engine time the wall-clock time of the last {@link #apply} (or of the
   * first run). The lists are unmodifiable views, valid until the next apply.
   */
  public MrpResult current() {
    if (current == null) {
      current = assemble();
    }
    return current;
  }

  /** The current input: the first input with the demands changed by all applies so far. */
  public MrpInput input() {
    if (currentInput == null) {
      List<PlanDemand> ds = new ArrayList<>(demCount);
      for (int k = 0; k < demCount; k++) {
        if (dem[k] != null) {
          ds.add(dem[k]);
        }
      }
      currentInput = withDemands(first, ds);
    }
    return currentInput;
  }

  /**
   * Applies that were planned by a full regenerative run because net change cannot plan them
   * exactly (see the class comment).
   */
  public int fallbacks() {
    return fallbacks;
  }

  /**
   * Applies planned by a full regenerative run because of their size (see {@link #of(MrpInput,
   * double)}), or because superseded orders filled the engine's storage (see the class comment).
   */
  public int sizeRegenerations() {
    return sizeRegenerations;
  }

  /** Whether the downstream closure of the pending items has more than {@code limit} items. */
  private boolean closureExceeds(long limit) {
    if (++epoch == 0) {
      Arrays.fill(seen, 0);
      epoch = 1;
    }
    IntList stack = new IntList();
    int count = 0;
    for (IntList w : pendingAt) {
      for (int k = 0; k < w.size; k++) {
        if (seen[w.a[k]] != epoch) {
          seen[w.a[k]] = epoch;
          stack.add(w.a[k]);
        }
      }
    }
    while (stack.size > 0) {
      int i = stack.a[--stack.size];
      if (++count > limit) {
        return true;
      }
      for (int d = downStart[i]; d < downStart[i + 1]; d++) {
        if (seen[down[d]] != epoch) {
          seen[down[d]] = epoch;
          stack.add(down[d]);
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------

  /** Item indices by (low-level code, input order): the engine's processing order. */
  private static int[] processingOrder(int[] llc, int maxLlc) {
    int[] start = new int[maxLlc + 2];
    for (int c : llc) {
      start[c + 1]++;
    }
    for (int c = 0; c <= maxLlc; c++) {
      start[c + 1] += start[c];
    }
    int[] out = new int[llc.length];
    for (int i = 0; i < llc.length; i++) {
      out[start[llc[i]]++] = i;
    }
    return out;
  }

  private void check(PlanDemand d) {
    Objects.requireNonNull(d, "added demand");
    Integer i = index.get(d.materialId());
    if (i == null) {
      throw new IllegalArgumentException(
          "demand " + d.id() + ": unknown material " + d.materialId());
    }
    if (d.date() == null) {
      throw new IllegalArgumentException("demand " + d.id() + ": date missing");
    }
    if (!(d.quantity() >= 0) || Double.isInfinite(d.quantity())) {
      throw new IllegalArgumentException(
          "demand " + d.id() + ": quantity must be finite and >= 0, was " + d.quantity());
    }
    if (d.makeToOrder() && first.items().get(i).phantom()) {
      throw new IllegalArgumentException(
          "demand " + d.id() + ": make-to-order on phantom " + d.materialId());
    }
  }

  /** Appends a demand to the current demands; returns its item. */
  private int appendDemand(PlanDemand d) {
    if (demCount == dem.length) {
      dem = Arrays.copyOf(dem, dem.length * 2);
    }
    int pos = demCount++;
    dem[pos] = d;
    demById.computeIfAbsent(d.id(), k -> new IntList()).add(pos);
    int i = index.get(d.materialId());
    demOf[i].add(pos);
    return i;
  }

  private void markPending(int i) {
    if (!pending[i]) {
      pending[i] = true;
      pendingAt[llc[i]].add(i);
    }
  }

  private static boolean hasUnknownComponents(MrpInput in) {
    for (RecordComponent rc : MrpInput.class.getRecordComponents()) {
      if (KNOWN_COMPONENTS.contains(rc.getName())) {
        continue;
      }
      Object v = component(rc, in);
      if (v != null && !(v instanceof Collection<?> c && c.isEmpty())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A copy of {@code in} with other demands. By reflection over the record components, so that
   * components added to {@link MrpInput} later are carried over into the full runs.
   */
  private static MrpInput withDemands(MrpInput in, List<PlanDemand> demands) {
    RecordComponent[] rcs = MrpInput.class.getRecordComponents();
    Class<?>[] types = new Class<?>[rcs.length];
    Object[] args = new Object[rcs.length];
    for (int k = 0; k < rcs.length; k++) {
      types[k] = rcs[k].getType();
      args[k] = rcs[k].getName().equals("demands") ? demands : component(rcs[k], in);
    }
    try {
      return MrpInput.class.getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object component(RecordComponent rc, MrpInput in) {
    try {
      return rc.getAccessor().invoke(in);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Takes a regenerative result as the plan: copies its orders, finds the per-item ranges. */
  private void adopt(MrpResult r) {
    base = r;
    plan = new ItemPlan[n];
    List<PlannedOrder> po = r.plannedOrders();
    liveOrders = po.size();
    boStart = new int[n];
    boEnd = new int[n];
    ranges(po.size(), j -> po.get(j).materialId(), boStart, boEnd);
    List<Pegging> pg = r.pegging();
    bpStart = new int[n];
    bpEnd = new int[n];
    ranges(pg.size(), j -> pg.get(j).materialId(), bpStart, bpEnd);
    List<MrpMessage> ms = r.messages();
    bmStart = new int[n];
    bmEnd = new int[n];
    ranges(ms.size(), j -> ms.get(j).materialId(), bmStart, bmEnd);
  }

  /**
   * Per-item ranges of rows listed material by material in processing order, by binary search (the
   * engine's pegging runs to tens of millions of rows, each read creates a record).
   */
  private void ranges(int size, java.util.function.IntToLongFunction mat, int[] start, int[] end) {
    int s = 0;
    for (int x = 0; x < n; x++) {
      int i = order[x];
      int lo = s;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        Integer j = index.get(mat.applyAsLong(mid));
        if (j == null) {
          throw new IllegalStateException("row of unknown material " + mat.applyAsLong(mid));
        }
        if (posOf(j) <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      start[i] = s;
      end[i] = lo;
      s = lo;
    }
  }

  private int[] posCache;

  private int posOf(int i) {
    if (posCache == null) {
      posCache = new int[n];
      for (int x = 0; x < n; x++) {
        posCache[order[x]] = x;
      }
    }
    return posCache[i];
  }

  private NetChangeResult regenerate(long t0) {
    for (IntList w : pendingAt) {
      for (int k = 0; k < w.size; k++) {
        pending[w.a[k]] = false;
      }
      w.size = 0;
    }
    int oldOrders = totalOrders();
    MrpInput in = input(); // demands already checked: the run below does not fail on them
    // drop the old plan first: two full results at once would double the heap a run needs
    base = null;
    plan = null;
    session = null;
    current = null;
    Arrays.fill(demDirty, false);
    session = new MrpEngine.Session(in);
    MrpResult r = session.result();
    adopt(r);
    List<Long> all = new ArrayList<>(n);
    for (int x = 0; x < n; x++) {
      all.add(material[order[x]]);
    }
    lastMillis = (System.nanoTime() - t0) / 1_000_000L;
    return new NetChangeResult(
        Collections.unmodifiableList(all),
        r.plannedOrders(),
        r.pegging(),
        r.messages(),
        n,
        n,
        oldOrders,
        r.plannedOrders().size(),
        true,
        lastMillis);
  }

  private int totalOrders() {
    long t = 0;
    for (int i = 0; i < n; i++) {
      t += orderCount(i);
    }
    return Math.toIntExact(t);
  }

  private int orderCount(int i) {
    ItemPlan p = plan[i];
    return p != null ? p.qty.length : boEnd[i] - boStart[i];
  }

  /**
   * Re-plans the items of w (one low-level code, no phantoms, no co-products, in processing order)
   * one by one in the kept engine run, from their current demands and their parents' current
   * orders.
   */
  private void planWave(IntList w, int[] counts) {
    for (int k = 0; k < w.size; k++) {
      int i = w.a[k];
      if (demDirty[i]) {
        IntList ds = demOf[i];
        PlanDemand[] list = new PlanDemand[ds.size];
        for (int q = 0; q < ds.size; q++) {
          list[q] = dem[ds.a[q]];
        }
        session.setDemands(i, Arrays.asList(list));
        demDirty[i] = false;
      }
      int oldCnt = orderCount(i);
      MrpEngine.PegColumns[] pegs = new MrpEngine.PegColumns[1];
      List<MrpMessage> msgs = new ArrayList<>(0);
      boolean changed = session.replan(i, pegs, msgs);
      int cnt = session.orderCount(i);
      long id0 = session.firstOrderId(i);
      int[] rel = new int[cnt];
      int[] due = new int[cnt];
      double[] qty = new double[cnt];
      session.readOrders(i, rel, due, qty);
      if (changed) {
        liveOrders += cnt - oldCnt;
        counts[0]++;
        counts[1] += oldCnt;
        counts[2] += cnt;
        for (int d = downStart[i]; d < downStart[i + 1]; d++) {
          markPending(down[d]);
        }
      }
      plan[i] = new ItemPlan(id0, rel, due, qty, pegs[0], msgs.isEmpty() ? List.of() : msgs);
    }
  }

  private LocalDate date(int day) {
    return day >= 0 && day < horizon ? dates[day] : first.planStart().plusDays(day);
  }

  private MrpResult assemble() {
    int[] os = new int[n + 1];
    int[] ps = new int[n + 1];
    int[] ms = new int[n + 1];
    for (int x = 0; x < n; x++) {
      int i = order[x];
      ItemPlan p = plan[i];
      os[x + 1] = os[x] + orderCount(i);
      ps[x + 1] = ps[x] + (p != null ? p.pegging.size() : bpEnd[i] - bpStart[i]);
      ms[x + 1] = ms[x] + (p != null ? p.messages.size() : bmEnd[i] - bmStart[i]);
    }
    MrpResult b = base;
    List<PlannedOrder> orders =
        new Segmented<>(os) {
          @Override
          PlannedOrder at(int i, int k) {
            ItemPlan p = plan[i];
            if (p != null) {
              return new PlannedOrder(
                  p.firstId + k, material[i], date(p.rel[k]), date(p.due[k]), p.qty[k]);
            }
            return b.plannedOrders().get(boStart[i] + k);
          }
        };
    List<Pegging> pegging =
        new Segmented<>(ps) {
          @Override
          Pegging at(int i, int k) {
            ItemPlan p = plan[i];
            return p != null ? p.pegging.get(k) : b.pegging().get(bpStart[i] + k);
          }
        };
    List<MrpMessage> messages =
        new Segmented<>(ms) {
          @Override
          MrpMessage at(int i, int k) {
            ItemPlan p = plan[i];
            return p != null ? p.messages.get(k) : b.messages().get(bmStart[i] + k);
          }
        };
    return new MrpResult(orders, pegging, messages, llc.clone(), lastMillis);
  }

  /** A list made of per-item segments in processing order. */
  private abstract class Segmented<T> extends AbstractList<T> implements RandomAccess {
    private final int[] start; // by processing position, n + 1 entries

    Segmented(int[] start) {
      this.start = start;
    }

    abstract T at(int item, int k);

    @Override
    public T get(int idx) {
      Objects.checkIndex(idx, start[n]);
      int lo = 0;
      int hi = n - 1;
      while (lo < hi) { // the last position whose segment starts at or before idx
        int mid = (lo + hi + 1) >>> 1;
        if (start[mid] <= idx) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return at(order[lo], idx - start[lo]);
    }

    @Override
    public int size() {
      return start[n];
    }
  }

  /** A list made of segments (start offsets over segments + 1 entries). */
  private abstract static class Concat<T> extends AbstractList<T> implements RandomAccess {
    private final int[] start;

    Concat(int[] start) {
      this.start = start;
    }

    abstract T at(int segment, int k);

    @Override
    public T get(int idx) {
      Objects.checkIndex(idx, size());
      int lo = 0;
      int hi = start.length - 2;
      while (lo < hi) { // the last segment starting at or before idx
        int mid = (lo + hi + 1) >>> 1;
        if (start[mid] <= idx) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return at(lo, idx - start[lo]);
    }

    @Override
    public int size() {
      return start[start.length - 1];
    }
  }

  /** The plan of a re-planned item. */
  private record ItemPlan(
      long firstId, // the ids of an item's orders are consecutive
      int[] rel,
      int[] due,
      double[] qty,
      MrpEngine.PegColumns pegging,
      List<MrpMessage> messages) {}

  private static final class IntList {
    int[] a = new int[2];
    int size;

    void add(int v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    void removeValue(int v) {
      for (int k = 0; k < size; k++) {
        if (a[k] == v) {
          System.arraycopy(a, k + 1, a, k, size - k - 1);
          size--;
          return;
        }
      }
    }
  }

  private static final class LongList {
    long[] a = new long[16];
    int size;

    void add(long v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }
  }
}
