package io.tianshu.bench;

import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomVersion;
import io.tianshu.planning.engine.LotSizing;
import io.tianshu.planning.engine.MrpEngine;
import io.tianshu.planning.engine.MrpInput;
import io.tianshu.planning.engine.MrpResult;
import io.tianshu.planning.engine.PlanBomLine;
import io.tianshu.planning.engine.PlanDemand;
import io.tianshu.planning.engine.PlanItem;
import io.tianshu.planning.engine.PlanReceipt;
import io.tianshu.resource.CalendarDefinition;
import io.tianshu.resource.Shift;
import io.tianshu.resource.WorkCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * MRP engine benchmark (issue 4, "MRP-100k"): the BOM benchmark's 8-level model (versions effective
 * at the plan start), lead times and lot-sizing rules drawn at random, 1M independent demand lines
 * on the top level over a 365-day horizon, scheduled receipts; times {@link MrpEngine#run} alone.
 * Usage: bench/mrp.sh [materials (default 100000)] [demands (default 1000000)] [seed (default 42)]
 */
public final class MrpBench {
  private MrpBench() {}

  public static void main(String[] args) {
    int materials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int demandLines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    MrpInput input = model(materials, demandLines, seed);
    System.out.printf(
        "model: %d items, %d BOM lines in effect, %d demand lines, %d receipts, 365 days (seed %d)%n",
        input.items().size(),
        input.bom().size(),
        input.demands().size(),
        input.receipts().size(),
        seed);
    System.gc();
    long heapBefore = usedHeap();
    long peak = heapBefore;
    double[] times = new double[5];
    MrpResult result = null;
    for (int run = 0; run < times.length; run++) {
      result = null; // the previous result is not kept alive during the next run
      long t0 = System.nanoTime();
      result = MrpEngine.run(input);
      times[run] = (System.nanoTime() - t0) / 1e6;
      peak = Math.max(peak, usedHeap());
      System.out.printf(
          "run %d: %.0f ms, %d planned orders, %d pegging rows, %d messages%n",
          run + 1,
          times[run],
          result.plannedOrders().size(),
          result.pegging().size(),
          result.messages().size());
    }
    System.gc();
    long retained = usedHeap() - heapBefore;
    java.lang.ref.Reference.reachabilityFence(result);
    java.util.Arrays.sort(times);
    System.out.printf(
        "engine alone: median %.0f ms, best %.0f ms (target ≤ 3000 ms); heap after input ≈ %d MB,"
            + " highest seen ≈ %d MB, one result retained ≈ %d MB%n",
        times[times.length / 2], times[0], heapBefore >> 20, peak >> 20, retained >> 20);
  }

  /**
   * The benchmark model: the BOM benchmark's 8-level model with {@code materials} items (versions
   * in effect at the plan start 2026-12-01), random planning parameters, {@code demandLines}
   * demands on the top level over 365 days, one receipt per 10 items (also used by {@link
   * NetChangeBench}).
   */
  static MrpInput model(int materials, int demandLines, long seed) {
    int perLevel = materials / BomBench.LEVELS;
    Random random = new Random(seed);
    LocalDate start = LocalDate.of(2026, 12, 1);
    List<PlanBomLine> bom = new ArrayList<>();
    for (BomVersion v : BomBench.generate(perLevel, random)) {
      // The version in effect at the plan start (versions that start later are a later change).
      if (!v.effectiveAt(start)) {
        continue;
      }
      for (BomLine l : v.lines()) {
        bom.add(new PlanBomLine(v.parentId(), l.componentId(), l.quantityPer(), l.scrapPercent()));
      }
    }
    List<PlanItem> items = new ArrayList<>();
    // Fixed quantities are left out: requirements multiply by up to 4 × 1.025 per level in this
    // model, so a fixed lot sized for the top would mean millions of orders eight levels down.
    LotSizing[] rules = {LotSizing.LOT_FOR_LOT, LotSizing.PERIOD_ORDER_QUANTITY};
    for (int i = 0; i < perLevel * BomBench.LEVELS; i++) {
      LotSizing rule = rules[random.nextInt(rules.length)];
      items.add(
          new PlanItem(
              i,
              1 + random.nextInt(10),
              rule,
              rule == LotSizing.FIXED_QUANTITY ? 50 + random.nextInt(500) : 0,
              rule == LotSizing.PERIOD_ORDER_QUANTITY ? 7 : 0,
              0,
              0,
              random.nextInt(4) == 0 ? 10 : 0,
              random.nextInt(5) == 0 ? 20 : 0,
              random.nextInt(200),
              100,
              false));
    }
    List<PlanDemand> demands = new ArrayList<>(demandLines);
    for (int d = 0; d < demandLines; d++) {
      demands.add(
          new PlanDemand(
              d + 1,
              random.nextInt(perLevel),
              start.plusDays(random.nextInt(365)),
              1 + random.nextInt(20),
              "SO"));
    }
    List<PlanReceipt> receipts = new ArrayList<>();
    for (int r = 0; r < materials / 10; r++) {
      receipts.add(
          new PlanReceipt(
              r + 1,
              random.nextInt(perLevel * BomBench.LEVELS),
              start.plusDays(random.nextInt(60)),
              10 + random.nextInt(100),
              "PO"));
    }
    WorkCalendar calendar =
        WorkCalendar.of(
            new CalendarDefinition(
                List.of(
                    new Shift(
                        "A",
                        LocalTime.of(8, 0),
                        LocalTime.of(16, 0),
                        30,
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))),
                List.of(),
                List.of()));
    return new MrpInput(items, bom, demands, receipts, calendar, start, 365);
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
