package io.tianshu.bench;

import io.tianshu.planning.engine.MrpEngine;
import io.tianshu.planning.engine.MrpInput;
import io.tianshu.planning.engine.MrpResult;
import io.tianshu.planning.engine.NetChangePlanner;
import io.tianshu.planning.engine.NetChangeResult;
import io.tianshu.planning.engine.PlanDemand;
import io.tianshu.planning.engine.PlannedOrder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Net-change MRP benchmark (issue "regenerative and net-change runs", target: net change after one
 * order change p99 ≤ 50 ms on MRP-100k): the {@link MrpBench} model, {@link NetChangePlanner#of}
 * once (time and heap), then single random demand changes applied one at a time: 45 % a new
 * quantity (1–20) of a random existing demand, 35 % a new date within the horizon, 10 % a new
 * demand on a random top-level item, 10 % a removed demand. Prints percentiles of the apply times,
 * the fallbacks and the affected items per apply; with {@code check}, compares the final plan with
 * a fresh regenerative run (orders per material: count and total quantity).
 *
 * <p>Usage: bench/netchange.sh [materials (default 100000)] [demands (default 1000000)] [seed
 * (default 42)] [applies (default 1000)] [regenerate share (default 1: never for size)] [check]
 */
public final class NetChangeBench {
  private NetChangeBench() {}

  public static void main(String[] args) {
    int materials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int demandLines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    int applies = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    double share = args.length > 4 ? Double.parseDouble(args[4]) : 1.0;
    boolean check = args.length > 5 && args[5].equals("check");
    MrpInput input = MrpBench.model(materials, demandLines, seed);
    System.out.printf(
        "model: %d items, %d BOM lines in effect, %d demand lines, %d receipts, 365 days (seed %d)%n",
        input.items().size(),
        input.bom().size(),
        input.demands().size(),
        input.receipts().size(),
        seed);
    System.gc();
    long heapInput = usedHeap();
    resetPeaks();
    long t0 = System.nanoTime();
    NetChangePlanner planner = NetChangePlanner.of(input, share);
    double buildMs = (System.nanoTime() - t0) / 1e6;
    long peakBuild = peakHeap();
    long seenBuild = usedHeap();
    MrpResult first = planner.current();
    System.out.printf(
        "build (regenerative run + indexes): %.0f ms; %d planned orders, %d pegging rows, %d messages;"
            + " heap used after the build %d MB (sum of heap pool peaks %d MB; input alone ≈ %d MB)%n",
        buildMs,
        first.plannedOrders().size(),
        first.pegging().size(),
        first.messages().size(),
        seenBuild >> 20,
        peakBuild >> 20,
        heapInput >> 20);
    first = null;
    System.gc();
    System.out.printf("heap retained with the planner ≈ %d MB%n", usedHeap() >> 20);

    Random random = new Random(seed + 1);
    int perLevel = materials / BomBench.LEVELS;
    List<PlanDemand> live = new ArrayList<>(input.demands());
    long nextId = live.size() + 1L;
    double[] ms = new double[applies];
    long affected = 0;
    long changed = 0;
    int maxAffected = 0;
    int fallbacks;
    int[] kinds = new int[4];
    long seenApply = 0;
    resetPeaks();
    for (int a = 0; a < applies; a++) {
      int r = random.nextInt(100);
      List<PlanDemand> added = new ArrayList<>(1);
      List<Long> removed = new ArrayList<>(1);
      int pick = random.nextInt(live.size());
      PlanDemand d = live.get(pick);
      if (r < 45) {
        kinds[0]++;
        PlanDemand c =
            new PlanDemand(d.id(), d.materialId(), d.date(), 1 + random.nextInt(20), d.reference());
        removed.add(d.id());
        added.add(c);
        live.set(pick, c);
      } else if (r < 80) {
        kinds[1]++;
        PlanDemand c =
            new PlanDemand(
                d.id(),
                d.materialId(),
                input.planStart().plusDays(random.nextInt(365)),
                d.quantity(),
                d.reference());
        removed.add(d.id());
        added.add(c);
        live.set(pick, c);
      } else if (r < 90) {
        kinds[2]++;
        PlanDemand c =
            new PlanDemand(
                nextId++,
                random.nextInt(perLevel),
                input.planStart().plusDays(random.nextInt(365)),
                1 + random.nextInt(20),
                "SO");
        added.add(c);
        live.add(c);
      } else {
        kinds[3]++;
        removed.add(d.id());
        live.set(pick, live.get(live.size() - 1));
        live.remove(live.size() - 1);
      }
      long s = System.nanoTime();
      NetChangeResult nc = planner.apply(added, removed);
      ms[a] = (System.nanoTime() - s) / 1e6;
      affected += nc.replannedItems();
      changed += nc.changedItems();
      maxAffected = Math.max(maxAffected, nc.replannedItems());
      seenApply = Math.max(seenApply, usedHeap());
    }
    long peakApply = peakHeap();
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double firstHundred = 0;
    for (int a = 0; a < Math.min(100, applies); a++) {
      firstHundred += ms[a];
    }
    System.out.printf(
        "%d applies (%d quantity, %d date, %d added, %d removed): p50 %.2f ms, p95 %.2f ms,"
            + " p99 %.2f ms, max %.2f ms, mean %.2f ms (first 100: mean %.2f ms) (target p99 ≤ 50"
            + " ms)%n",
        applies,
        kinds[0],
        kinds[1],
        kinds[2],
        kinds[3],
        pct(sorted, 50),
        pct(sorted, 95),
        pct(sorted, 99),
        sorted[applies - 1],
        Arrays.stream(ms).average().orElse(0),
        firstHundred / Math.min(100, applies));
    fallbacks = planner.fallbacks();
    System.out.printf(
        "fallbacks %d, regenerations for size %d (share %.3f); affected items per apply: mean %.1f, max %d; items with changed orders per"
            + " apply: mean %.1f; heap used after an apply ≤ %d MB (sum of heap pool peaks %d MB)%n",
        fallbacks,
        planner.sizeRegenerations(),
        share,
        (double) affected / applies,
        maxAffected,
        (double) changed / applies,
        seenApply >> 20,
        peakApply >> 20);

    if (check) {
      MrpResult cur = planner.current();
      Map<Long, double[]> a = perMaterial(cur.plannedOrders());
      MrpInput changedInput = planner.input();
      planner = null;
      cur = null;
      Map<Long, double[]> b = perMaterial(MrpEngine.run(changedInput).plannedOrders());
      int diff = 0;
      for (Map.Entry<Long, double[]> e : b.entrySet()) {
        double[] x = a.get(e.getKey());
        double[] y = e.getValue();
        if (x == null
            || x[0] != y[0]
            || Math.abs(x[1] - y[1]) > 1e-6 * Math.max(1, Math.abs(y[1]))) {
          diff++;
        }
      }
      diff += Math.max(0, a.size() - b.size());
      System.out.printf(
          "check against a fresh regenerative run: %d of %d materials differ (order count or total"
              + " quantity)%n",
          diff, b.size());
    }
  }

  private static Map<Long, double[]> perMaterial(List<PlannedOrder> orders) {
    Map<Long, double[]> m = new HashMap<>();
    for (PlannedOrder o : orders) {
      double[] v = m.computeIfAbsent(o.materialId(), k -> new double[2]);
      v[0]++;
      v[1] += o.quantity();
    }
    return m;
  }

  private static double pct(double[] sorted, int p) {
    int k = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak usage since the last reset (an upper bound of the peak heap). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
