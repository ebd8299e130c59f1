package io.tianshu.planning.internal;

import io.tianshu.planning.engine.MrpEngine;
import io.tianshu.planning.engine.MrpInput;
import io.tianshu.planning.engine.MrpResult;
import io.tianshu.planning.engine.NetChangePlanner;
import io.tianshu.planning.engine.PlanDemand;
import io.tianshu.resource.WorkCalendar;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The plans net-change runs start from: per plant and plan type, the last run's plan kept in memory
 * ({@link NetChangePlanner}) with the demands it was planned for. A net-change run loads the
 * planning data as a regenerative one does; when nothing but the demand changed since (same items
 * with the same stock and parameters, BOM, receipts, co-products, substitutions, plan start,
 * horizon and working days), only the demands added and removed since are applied to the kept plan,
 * which re-plans what they affect; otherwise the run is regenerative. Plans larger than {@link
 * #MAX_SIZE} items and demands are not kept. Used by the single planning thread only.
 */
final class NetChangeBases {
  /** Largest plan (items + demands) kept in memory for net change. */
  static final int MAX_SIZE = 200_000;

  /** Changes reaching more than this share of the items are planned by a full run (faster). */
  static final double REGENERATE_SHARE = 0.05;

  /** A run's plan: what to save, and whether it was planned by net change. */
  record Planned(PlanRunner.Loaded loaded, MrpResult result, boolean netChange) {}

  private final Map<String, Base> bases = new HashMap<>();

  /**
   * Plans {@code loaded}: by net change from the kept plan of the plant and plan type when {@code
   * netChange} is asked for and possible, else regeneratively; keeps the outcome for the next run.
   */
  Planned plan(String key, PlanRunner.Loaded loaded, boolean netChange) {
    Base base = bases.remove(key);
    if (netChange && base != null && base.compatible(loaded)) {
      Planned planned = base.apply(loaded);
      bases.put(key, base);
      return planned;
    }
    MrpInput in = loaded.input();
    if ((long) in.items().size() + in.demands().size() > MAX_SIZE) {
      return new Planned(loaded, MrpEngine.run(in), false);
    }
    NetChangePlanner planner = NetChangePlanner.of(in, REGENERATE_SHARE);
    bases.put(key, new Base(planner, loaded));
    return new Planned(loaded, planner.current(), false);
  }

  /** Forgets the kept plans (e.g. when the service stops). */
  void clear() {
    bases.clear();
  }

  private static final class Base {
    private final NetChangePlanner planner;
    private final List<Long> plants;
    private final Map<Long, String> procurement;
    private final BitSet workingDays;
    private final Map<Long, PlanRunner.Demand> demands = new HashMap<>();
    private long lastId;

    Base(NetChangePlanner planner, PlanRunner.Loaded loaded) {
      this.planner = planner;
      this.plants = loaded.plants();
      this.procurement = loaded.procurement();
      this.workingDays = workingDays(loaded.input());
      for (PlanRunner.Demand d : loaded.demands()) {
        demands.put(d.id(), d);
        lastId = Math.max(lastId, d.id());
      }
    }

    boolean compatible(PlanRunner.Loaded loaded) {
      MrpInput a = planner.input();
      MrpInput b = loaded.input();
      return a.planStart().equals(b.planStart())
          && a.horizonDays() == b.horizonDays()
          && plants.equals(loaded.plants())
          && procurement.equals(loaded.procurement())
          && a.items().equals(b.items())
          && same(a.bom(), b.bom())
          && same(a.receipts(), b.receipts())
          && same(a.outputs(), b.outputs())
          && same(a.substitutions(), b.substitutions())
          && workingDays.equals(workingDays(b));
    }

    /** Applies the demands added and removed since the kept plan, matched by content. */
    Planned apply(PlanRunner.Loaded loaded) {
      Map<PlanRunner.Demand, Deque<Long>> kept = new HashMap<>();
      for (PlanRunner.Demand d : demands.values()) {
        kept.computeIfAbsent(content(d), k -> new ArrayDeque<>()).add(d.id());
      }
      List<PlanDemand> added = new ArrayList<>();
      for (PlanRunner.Demand d : loaded.demands()) {
        Deque<Long> ids = kept.get(content(d));
        if (ids != null && !ids.isEmpty()) {
          ids.poll();
          continue;
        }
        long id = ++lastId;
        PlanRunner.Demand fresh =
            new PlanRunner.Demand(
                id,
                d.source(),
                d.sourceId(),
                d.item(),
                d.date(),
                d.quantity(),
                d.reference(),
                d.makeToOrder());
        demands.put(id, fresh);
        added.add(
            new PlanDemand(id, d.item(), d.date(), d.quantity(), d.reference(), d.makeToOrder()));
      }
      List<Long> removed = new ArrayList<>();
      for (Deque<Long> ids : kept.values()) {
        for (long id : ids) {
          removed.add(id);
          demands.remove(id);
        }
      }
      planner.apply(added, removed);
      List<PlanRunner.Demand> all = new ArrayList<>(demands.values());
      all.sort(Comparator.comparingLong(PlanRunner.Demand::id));
      return new Planned(
          new PlanRunner.Loaded(planner.input(), all, loaded.plants(), loaded.procurement()),
          planner.current(),
          true);
    }

    private static PlanRunner.Demand content(PlanRunner.Demand d) {
      return new PlanRunner.Demand(
          0,
          d.source(),
          d.sourceId(),
          d.item(),
          d.date(),
          d.quantity(),
          d.reference(),
          d.makeToOrder());
    }

    private static <T> boolean same(Collection<T> a, Collection<T> b) {
      return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    /** Working days from a year before the plan start to a year after the horizon. */
    private static BitSet workingDays(MrpInput in) {
      WorkCalendar cal = in.calendar();
      LocalDate from = in.planStart().minusDays(366);
      int days = in.horizonDays() + 2 * 366;
      BitSet out = new BitSet(days);
      for (int d = 0; d < days; d++) {
        if (cal.isWorkingDay(from.plusDays(d))) {
          out.set(d);
        }
      }
      return out;
    }
  }
}
