package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kitting analysis (齐套分析): which orders can start now with the stock on hand, how much of each can
 * be built, and when the missing components arrive with the open supplies.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Orders are served in list order: the first order has the highest priority. An order's
 *       requirement of a component is order quantity × quantityPer; component lines of the same
 *       material are merged (see {@link KitOrder}).
 *   <li>Stock now: in order sequence, every component of an order takes what it needs from the
 *       stock left, or all of it when less is left. The allocation is per component, not per kit:
 *       an earlier order keeps its stock even when another of its components is short, so a later
 *       order never takes stock an earlier one needs.
 *   <li>Buildable now: the minimum over the components of allocatedFromStock / quantityPer, capped
 *       at the order quantity, as an exact ratio; {@link KitResult#buildableNowWhole()} is its
 *       floor (tolerance {@link #EPSILON}).
 *   <li>Incoming supplies: sorted by date (an overdue supply, dated before {@code today}, counts as
 *       arriving today), ties in input order. Each supply serves the orders still short of its
 *       material in priority order, each up to its remaining shortage, until it is used up; what no
 *       order needs stays unallocated.
 *   <li>A component is covered on {@code today} when the stock covers it, else on the date of the
 *       supply closing its gap, else never (null). An order is complete on the latest covered date
 *       of its components, null if any is never covered.
 *   <li>Shortages and stock rests of at most {@link #EPSILON} count as zero, so decimal quantities
 *       leave no dust; an allocation never exceeds what is left, so the stock and every supply are
 *       never over-allocated.
 * </ul>
 *
 * <p>Deterministic: the result depends on the order of {@code orders} (priority) and on the order
 * of supplies with the same date, never on hash order. Runs in O(C + S log S) for C component lines
 * and S supplies.
 */
public final class KitEngine {

  /** Quantities at or below this are treated as zero. */
  public static final double EPSILON = 1e-9;

  private KitEngine() {}

  /**
   * Analyses the kitting status of the orders.
   *
   * @param orders the orders in priority order, first = highest priority
   * @param available the stock available now per material id; a material missing has none. Values
   *     finite and not negative
   * @param supplies the incoming supplies (open purchase and production orders), any order
   * @param today the analysis date
   * @return one result per order, in the order of {@code orders}
   * @throws IllegalArgumentException if an argument or an element is null or a stock quantity is
   *     negative or not finite
   */
  public static List<KitResult> analyse(
      List<KitOrder> orders,
      Map<Long, Double> available,
      List<KitSupply> supplies,
      LocalDate today) {
    require(orders != null, "orders are required / 订单列表必填");
    require(available != null, "available stock is required / 可用库存必填");
    require(supplies != null, "supplies are required / 供应列表必填");
    require(today != null, "today is required / 分析日期必填");
    KitOrder[] o = orders.toArray(new KitOrder[0]);
    for (int i = 0; i < o.length; i++) {
      require(o[i] != null, "kit order #" + (i + 1) + " is null / 第 " + (i + 1) + " 个齐套订单为空");
    }
    KitSupply[] s = supplies.toArray(new KitSupply[0]);
    for (int i = 0; i < s.length; i++) {
      require(s[i] != null, "kit supply #" + (i + 1) + " is null / 第 " + (i + 1) + " 个齐套供应为空");
    }

    // material id -> dense index, in order of first appearance among the orders
    Map<Long, Integer> index = new HashMap<>();
    int[] offset = new int[o.length + 1]; // component lines of order i: [offset[i], offset[i+1])
    for (int i = 0; i < o.length; i++) {
      offset[i + 1] = offset[i] + o[i].components().size();
      for (KitComponent c : o[i].components()) {
        index.putIfAbsent(c.materialId(), index.size());
      }
    }
    int lines = offset[o.length];
    int materials = index.size();
    double[] stock = new double[materials];
    for (Map.Entry<Long, Double> e : available.entrySet()) {
      Long m = e.getKey();
      Double q = e.getValue();
      require(m != null, "available stock: null material id / 可用库存：物料编号为空");
      if (q == null || !Double.isFinite(q) || q < 0) {
        throw new IllegalArgumentException(
            "available stock of material "
                + m
                + " must be finite and >= 0, was "
                + q
                + " / 物料 "
                + m
                + " 的可用库存必须为有限非负数，实际为 "
                + q);
      }
      Integer k = index.get(m);
      if (k != null) {
        stock[k] = q;
      }
    }

    // per line: material index, requirement, allocation from stock, rest, covered day
    int[] mat = new int[lines];
    double[] required = new double[lines];
    double[] fromStock = new double[lines];
    double[] rest = new double[lines];
    long[] covered = new long[lines];
    Arrays.fill(covered, Long.MIN_VALUE); // not covered (yet)
    long todayDay = today.toEpochDay();
    for (int i = 0; i < o.length; i++) {
      int l = offset[i];
      for (KitComponent c : o[i].components()) {
        int m = index.get(c.materialId());
        mat[l] = m;
        double need = o[i].quantity() * c.quantityPer();
        required[l] = need;
        double left = stock[m];
        double take;
        if (need <= EPSILON) {
          take = 0;
          need = 0;
        } else if (left - need > EPSILON) {
          take = need;
          stock[m] = left - need;
          need = 0;
        } else if (left > EPSILON) {
          take = left;
          stock[m] = 0;
          need = zero(need - left);
        } else {
          take = 0;
        }
        fromStock[l] = take;
        rest[l] = need;
        if (need == 0) {
          covered[l] = todayDay;
        }
        l++;
      }
    }
    double[] shortNow = rest.clone();

    // per material: its component lines in priority order, and the first one possibly still short
    int[] count = new int[materials + 1];
    for (int l = 0; l < lines; l++) {
      count[mat[l] + 1]++;
    }
    for (int m = 0; m < materials; m++) {
      count[m + 1] += count[m];
    }
    int[] byMaterial = new int[lines];
    int[] fill = Arrays.copyOf(count, materials);
    for (int l = 0; l < lines; l++) {
      byMaterial[fill[mat[l]]++] = l;
    }
    int[] cursor = Arrays.copyOf(count, materials);

    // incoming supplies by effective date, ties in input order
    Integer[] order = new Integer[s.length];
    long[] arrival = new long[s.length];
    for (int i = 0; i < s.length; i++) {
      order[i] = i;
      arrival[i] = Math.max(todayDay, s[i].date().toEpochDay());
    }
    Arrays.sort(
        order,
        (a, b) ->
            arrival[a] != arrival[b]
                ? Long.compare(arrival[a], arrival[b])
                : Integer.compare(a, b));
    List<List<KitAllocation>> allocations = new ArrayList<>(lines);
    for (int l = 0; l < lines; l++) {
      allocations.add(null);
    }
    for (int si : order) {
      KitSupply sup = s[si];
      Integer m = index.get(sup.materialId());
      double left = sup.quantity();
      if (m == null || left <= EPSILON) {
        continue;
      }
      int end = count[m + 1];
      LocalDate date = LocalDate.ofEpochDay(arrival[si]);
      while (left > EPSILON && cursor[m] < end) {
        int l = byMaterial[cursor[m]];
        double need = rest[l];
        if (need == 0) {
          cursor[m]++;
          continue;
        }
        double take;
        if (left - need > EPSILON) {
          take = need;
          left -= need;
          need = 0;
        } else {
          take = left;
          left = 0;
          need = zero(need - take);
        }
        rest[l] = need;
        if (allocations.get(l) == null) {
          allocations.set(l, new ArrayList<>());
        }
        allocations.get(l).add(new KitAllocation(sup.reference(), date, take));
        if (need == 0) {
          covered[l] = arrival[si];
          cursor[m]++;
        }
      }
    }

    List<KitResult> results = new ArrayList<>(o.length);
    for (int i = 0; i < o.length; i++) {
      KitOrder ko = o[i];
      double q = ko.quantity();
      double buildable = q;
      boolean complete = true;
      long completeDay = todayDay;
      List<KitComponentResult> comps = new ArrayList<>(offset[i + 1] - offset[i]);
      int l = offset[i];
      for (KitComponent c : ko.components()) {
        if (shortNow[l] > 0) {
          complete = false;
          buildable = Math.min(buildable, fromStock[l] / c.quantityPer());
        }
        if (covered[l] == Long.MIN_VALUE || completeDay == Long.MIN_VALUE) {
          completeDay = Long.MIN_VALUE;
        } else {
          completeDay = Math.max(completeDay, covered[l]);
        }
        List<KitAllocation> a = allocations.get(l);
        comps.add(
            new KitComponentResult(
                c.materialId(),
                c.quantityPer(),
                required[l],
                fromStock[l],
                shortNow[l],
                a == null ? List.of() : a,
                covered[l] == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(covered[l]),
                rest[l]));
        l++;
      }
      results.add(
          new KitResult(
              ko.id(),
              ko.reference(),
              q,
              ko.needDate(),
              buildable,
              (long) Math.floor(buildable + EPSILON),
              complete,
              completeDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(completeDay),
              comps));
    }
    return List.copyOf(results);
  }

  /**
   * Turns the shortages left after all supplies into requisition proposals: per material the sum of
   * {@link KitComponentResult#stillShort()} over all results, needed by the earliest {@link
   * KitResult#needDate()} of the orders short of it.
   *
   * @param results results of {@link #analyse}
   * @return one proposal per material still short, sorted by material id
   */
  public static List<KitRequisition> requisitions(List<KitResult> results) {
    require(results != null, "results are required / 齐套结果必填");
    TreeMap<Long, KitRequisition> byMaterial = new TreeMap<>();
    for (KitResult r : results) {
      require(r != null, "null kit result / 齐套结果为空");
      for (KitComponentResult c : r.components()) {
        if (c.stillShort() > EPSILON) {
          byMaterial.merge(
              c.materialId(),
              new KitRequisition(c.materialId(), c.stillShort(), r.needDate()),
              (a, b) ->
                  new KitRequisition(
                      a.materialId(),
                      a.quantity() + b.quantity(),
                      a.needDate().isAfter(b.needDate()) ? b.needDate() : a.needDate()));
        }
      }
    }
    return List.copyOf(byMaterial.values());
  }

  private static double zero(double q) {
    return q <= EPSILON ? 0 : q;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
