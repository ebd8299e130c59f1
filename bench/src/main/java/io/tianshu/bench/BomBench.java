package io.tianshu.bench;

import io.tianshu.bom.BomEngine;
import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomVersion;
import io.tianshu.bom.ExplosionRow;
import io.tianshu.bom.WhereUsed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates an 8-level product model (default 100k materials, about 600k BOM lines, a tenth of the
 * assemblies with a second, later version) and times the engine on it: compile, summarised
 * explosion of top items, indented explosion, where-used of leaves. Deterministic (seeded).
 *
 * <p>Usage: {@code bench/bom.sh [materials] [seed]}
 */
public final class BomBench {
  public static final int LEVELS = 8;
  static final LocalDate FROM = LocalDate.of(2020, 1, 1);
  static final LocalDate CHANGE = LocalDate.of(2027, 1, 1);
  static final LocalDate AT = LocalDate.of(2026, 12, 1);

  private BomBench() {}

  public static void main(String[] args) {
    int materials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    int perLevel = materials / LEVELS;
    Random random = new Random(seed);
    System.gc();
    long heapBefore = usedHeap();
    List<BomVersion> versions = generate(perLevel, random);
    long lines = versions.stream().mapToLong(v -> v.lines().size()).sum();
    System.out.printf(
        "model: %d materials, %d levels, %d BOM versions, %d lines (seed %d)%n",
        perLevel * LEVELS, LEVELS, versions.size(), lines, seed);

    long t0 = System.nanoTime();
    BomEngine engine = BomEngine.build(versions);
    long buildMs = (System.nanoTime() - t0) / 1_000_000;
    versions = null;
    System.gc();
    System.out.printf(
        "compile: %d ms; engine heap (after the input is dropped) ≈ %d MB%n",
        buildMs, (usedHeap() - heapBefore) / (1 << 20));

    // Top items are ids 0 .. perLevel-1, leaves the last level.
    long[] tops = random.ints(300, 0, perLevel).asLongStream().toArray();
    long[] leaves =
        random.ints(300, (LEVELS - 1) * perLevel, LEVELS * perLevel).asLongStream().toArray();

    int[] reached = new int[1];
    time("warm-up", 100, i -> reached[0] = engine.summarised(tops[i % tops.length], 1, AT).size());
    double[] summarised =
        time(
            "summarised explosion of a top item",
            200,
            i -> reached[0] = engine.summarised(tops[i], 10, AT).size());
    System.out.printf("  (components per top item, last one: %d)%n", reached[0]);
    double[] indented =
        time(
            "indented explosion, first 100k rows",
            50,
            i -> {
              List<ExplosionRow> rows = engine.indented(tops[i], 1, AT, 100_000);
              reached[0] = rows.size();
            });
    System.out.printf("  (rows, last one: %d)%n", reached[0]);
    time("warm-up", 100, i -> engine.whereUsed(leaves[i % leaves.length], AT, true));
    double[] whereUsed =
        time(
            "multi-level where-used of a leaf",
            200,
            i -> {
              List<WhereUsed> used = engine.whereUsed(leaves[i], AT, true);
              reached[0] = used.size();
            });
    System.out.printf("  (parents, last one: %d)%n", reached[0]);
    time("single-level where-used of a leaf", 200, i -> engine.whereUsed(leaves[i], AT, false));
    Map<Long, Double> check = engine.summarised(tops[0], 1, AT);
    System.out.printf(
        "targets: explosion < 50 ms (median %.1f), where-used < 200 ms (median %.1f); %d components%n",
        summarised[0], whereUsed[0], check.size());
    if (indented.length == 0) {
      throw new IllegalStateException();
    }
  }

  /** A model in which each assembly uses ~6 components, 80 % from the next level, 20 % two down. */
  public static List<BomVersion> generate(int perLevel, Random random) {
    List<BomVersion> versions = new ArrayList<>();
    for (int level = 0; level < LEVELS - 1; level++) {
      for (int i = 0; i < perLevel; i++) {
        long parent = (long) level * perLevel + i;
        boolean changed = random.nextInt(10) == 0;
        versions.add(
            new BomVersion(
                parent, "1", FROM, changed ? CHANGE : null, lines(level, perLevel, random)));
        if (changed) {
          versions.add(new BomVersion(parent, "2", CHANGE, null, lines(level, perLevel, random)));
        }
      }
    }
    return versions;
  }

  static List<BomLine> lines(int level, int perLevel, Random random) {
    int count = 3 + random.nextInt(7);
    List<BomLine> lines = new ArrayList<>(count);
    for (int j = 0; j < count; j++) {
      int below = level + (random.nextInt(5) == 0 && level + 2 < LEVELS ? 2 : 1);
      long component = (long) below * perLevel + random.nextInt(perLevel);
      lines.add(
          new BomLine(component, 1 + random.nextInt(4), random.nextInt(4) == 0 ? 2.5 : 0, false));
    }
    return lines;
  }

  interface Op {
    void run(int i);
  }

  /** Runs {@code op} n times; prints and returns median and 95th percentile in milliseconds. */
  static double[] time(String name, int n, Op op) {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      op.run(i);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    double median = ms[n / 2];
    double p95 = ms[(int) Math.min(n - 1, Math.round(n * 0.95))];
    if (!name.equals("warm-up")) {
      System.out.printf(
          "%s: median %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)%n", name, median, p95, ms[n - 1], n);
    }
    return new double[] {median, p95};
  }

  static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
