package io.tianshu.bom;

import io.tianshu.core.ValidationException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, compiled set of BOM versions (one view of one owner) that answers explosions and
 * where-used questions at a date. Plain Java on flat arrays (no object per line), so that a
 * planning run or a where-used over hundreds of thousands of lines stays in milliseconds; built
 * once and shared by any number of threads.
 *
 * <p>Building rejects cycles (naming the path) and versions of one parent whose effectivity
 * overlaps: two unranged versions overlap when their date windows overlap; two ranged versions when
 * their windows and their serial ranges overlap. A ranged version may share its window with an
 * unranged one: the unranged version is the default, the ranged one applies to its serials (a
 * serial breakpoint). Every question takes an optional end-item serial: with one, a version applies
 * when its window holds the date and its range holds the serial, a ranged version being preferred
 * to an unranged one; without one, only unranged versions apply. Low-level codes (the deepest level
 * at which a material occurs, over all versions) order the summarised explosion, as in MRP: a
 * material's requirement is complete before it is exploded further.
 */
public final class BomEngine {
  private static final int OPEN = Integer.MAX_VALUE;

  private final long[] ids;
  private final Map<Long, Integer> index;
  // Versions by parent: verStart[p] .. verStart[p + 1], sorted by validFrom.
  private final int[] verStart;
  private final int[] verFrom;
  private final int[] verTo;
  private final int[] verParent;
  private final int[] verLineStart;
  // Serial ranges of the versions (null ends open); verRanged[v] when either end is set.
  private final String[] verSerialFrom;
  private final String[] verSerialTo;
  private final boolean[] verRanged;
  // Lines of version v: verLineStart[v] .. verLineStart[v + 1].
  private final int[] lineComp;
  private final int[] lineVersion;
  private final double[] lineGross;
  private final double[] lineQtyPer;
  private final double[] lineScrap;
  private final boolean[] linePhantom;
  // Lines using component c: usedStart[c] .. usedStart[c + 1], indices into usedLine.
  private final int[] usedStart;
  private final int[] usedLine;
  private final int[] llc;
  private final int maxLlc;
  private volatile Map.Entry<LocalDate, Map<Long, List<BomLine>>> lastStructure;

  private BomEngine(List<BomVersion> versions, Map<Long, Integer> index, long[] ids) {
    this.index = index;
    this.ids = ids;
    int n = ids.length;
    int v = versions.size();
    int lines = versions.stream().mapToInt(x -> x.lines().size()).sum();
    verStart = new int[n + 1];
    verFrom = new int[v];
    verTo = new int[v];
    verParent = new int[v];
    verLineStart = new int[v + 1];
    verSerialFrom = new String[v];
    verSerialTo = new String[v];
    verRanged = new boolean[v];
    lineComp = new int[lines];
    lineVersion = new int[lines];
    lineGross = new double[lines];
    lineQtyPer = new double[lines];
    lineScrap = new double[lines];
    linePhantom = new boolean[lines];
    int[] usedCount = new int[n + 1];
    int line = 0;
    for (int i = 0; i < v; i++) {
      BomVersion bv = versions.get(i);
      int p = index.get(bv.parentId());
      verParent[i] = p;
      verStart[p + 1]++;
      verFrom[i] = (int) bv.validFrom().toEpochDay();
      verTo[i] = bv.validTo() == null ? OPEN : (int) bv.validTo().toEpochDay();
      verLineStart[i] = line;
      verSerialFrom[i] = bv.serialFrom();
      verSerialTo[i] = bv.serialTo();
      verRanged[i] = bv.ranged();
      for (BomLine l : bv.lines()) {
        int c = index.get(l.componentId());
        lineComp[line] = c;
        lineVersion[line] = i;
        lineGross[line] = l.grossPer();
        lineQtyPer[line] = l.quantityPer();
        lineScrap[line] = l.scrapPercent();
        linePhantom[line] = l.phantom();
        usedCount[c + 1]++;
        line++;
      }
    }
    verLineStart[v] = line;
    for (int p = 0; p < n; p++) {
      verStart[p + 1] += verStart[p];
    }
    usedStart = new int[n + 1];
    for (int c = 0; c < n; c++) {
      usedStart[c + 1] = usedStart[c] + usedCount[c + 1];
    }
    usedLine = new int[lines];
    int[] fill = Arrays.copyOf(usedStart, n);
    for (int l = 0; l < lines; l++) {
      usedLine[fill[lineComp[l]]++] = l;
    }
    llc = new int[n];
    maxLlc = lowLevelCodes();
  }

  /**
   * Compiles the versions. Versions must arrive grouped by nothing in particular; they are sorted
   * by parent and start date here.
   *
   * @throws ValidationException naming the cycle or the overlapping versions
   */
  public static BomEngine build(Collection<BomVersion> versions) {
    List<BomVersion> sorted = new ArrayList<>(versions);
    sorted.sort(
        Comparator.comparingLong(BomVersion::parentId).thenComparing(BomVersion::validFrom));
    Map<Long, Integer> index = new HashMap<>();
    List<Long> ids = new ArrayList<>();
    for (BomVersion v : sorted) {
      index.computeIfAbsent(v.parentId(), k -> add(ids, k));
      for (BomLine l : v.lines()) {
        index.computeIfAbsent(l.componentId(), k -> add(ids, k));
      }
    }
    // The arrays are indexed by dense number: versions must be grouped in that order.
    sorted.sort(
        Comparator.comparingInt((BomVersion v) -> index.get(v.parentId()))
            .thenComparing(BomVersion::validFrom));
    // Sorted by start within a parent: the versions whose window overlaps version i's are the
    // following ones that start before it ends.
    for (int i = 0; i < sorted.size(); i++) {
      BomVersion a = sorted.get(i);
      for (int j = i + 1; j < sorted.size(); j++) {
        BomVersion b = sorted.get(j);
        if (a.parentId() != b.parentId()
            || (a.validTo() != null && !a.validTo().isAfter(b.validFrom()))) {
          break;
        }
        // Unranged versions are the default; ranged ones are exceptions on top of it for their
        // serials (a serial breakpoint), so only two of a kind can clash.
        if (a.ranged() == b.ranged()
            && (!a.ranged()
                || SerialNumbers.overlap(
                    a.serialFrom(), a.serialTo(), b.serialFrom(), b.serialTo()))) {
          throw new ValidationException(
              "validFrom",
              "overlap",
              "versions "
                  + a.version()
                  + " and "
                  + b.version()
                  + " of material "
                  + a.parentId()
                  + " are both effective on "
                  + b.validFrom()
                  + (a.ranged() && b.ranged() ? " for common serials" : "")
                  + " / 两个版本的有效期重叠");
        }
      }
    }
    return new BomEngine(sorted, index, ids.stream().mapToLong(Long::longValue).toArray());
  }

  private static int add(List<Long> ids, long id) {
    ids.add(id);
    return ids.size() - 1;
  }

  /** Kahn's topological order over all versions; a node left over lies on a cycle. */
  private int lowLevelCodes() {
    int n = ids.length;
    int[] indegree = new int[n];
    for (int c : lineComp) {
      indegree[c]++;
    }
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        queue[tail++] = i;
      }
    }
    int max = 0;
    while (head < tail) {
      int p = queue[head++];
      for (int v = verStart[p]; v < verStart[p + 1]; v++) {
        for (int l = verLineStart[v]; l < verLineStart[v + 1]; l++) {
          int c = lineComp[l];
          if (llc[p] + 1 > llc[c]) {
            llc[c] = llc[p] + 1;
            max = Math.max(max, llc[c]);
          }
          if (--indegree[c] == 0) {
            queue[tail++] = c;
          }
        }
      }
    }
    if (tail < n) {
      for (int i = 0; i < n; i++) {
        if (indegree[i] > 0) {
          List<Long> cycle = cycleThrough(i, indegree);
          throw new ValidationException(
              "lines",
              "cycle",
              "BOM cycle / BOM 循环: "
                  + String.join(" → ", cycle.stream().map(String::valueOf).toList()));
        }
      }
    }
    return max;
  }

  /** Walks from a node left with indegree until a node repeats: the repeated part is a cycle. */
  private List<Long> cycleThrough(int start, int[] indegree) {
    // Every node with indegree left has a parent with indegree left: walk parents upwards.
    Map<Integer, Integer> seenAt = new HashMap<>();
    List<Integer> walk = new ArrayList<>();
    int node = start;
    while (!seenAt.containsKey(node)) {
      seenAt.put(node, walk.size());
      walk.add(node);
      int next = -1;
      for (int u = usedStart[node]; u < usedStart[node + 1] && next < 0; u++) {
        int parent = verParent[lineVersion[usedLine[u]]];
        if (indegree[parent] > 0) {
          next = parent;
        }
      }
      node = next;
    }
    List<Long> cycle = new ArrayList<>();
    for (int i = walk.size() - 1; i >= seenAt.get(node); i--) {
      cycle.add(ids[walk.get(i)]);
    }
    cycle.add(ids[walk.get(walk.size() - 1)]);
    return cycle;
  }

  /** Number of distinct materials and of lines compiled. */
  public int materials() {
    return ids.length;
  }

  public int lines() {
    return lineComp.length;
  }

  /**
   * The single-level structure in effect on {@code date} without a serial: for every parent with an
   * unranged version applying on the day, that version's lines, parents in material-id order. This
   * is what a planning run nets against; it blows nothing through (phantom lines keep their flag).
   */
  public Map<Long, List<BomLine>> structureAt(LocalDate date) {
    Map.Entry<LocalDate, Map<Long, List<BomLine>>> last = lastStructure;
    if (last != null && last.getKey().equals(date)) {
      return last.getValue();
    }
    int day = (int) date.toEpochDay();
    Integer[] parents = new Integer[ids.length];
    for (int p = 0; p < ids.length; p++) {
      parents[p] = p;
    }
    Arrays.sort(parents, (a, b) -> Long.compare(ids[a], ids[b]));
    Map<Long, List<BomLine>> structure = new LinkedHashMap<>();
    for (int p : parents) {
      int v = effectiveVersion(p, day, null);
      if (v < 0) {
        continue;
      }
      List<BomLine> lines = new ArrayList<>(verLineStart[v + 1] - verLineStart[v]);
      for (int l = verLineStart[v]; l < verLineStart[v + 1]; l++) {
        lines.add(new BomLine(ids[lineComp[l]], lineQtyPer[l], lineScrap[l], linePhantom[l]));
      }
      structure.put(ids[p], List.copyOf(lines));
    }
    Map<Long, List<BomLine>> result = Collections.unmodifiableMap(structure);
    // Order promising asks for today's structure on every call: keep the last one.
    lastStructure = Map.entry(date, result);
    return result;
  }

  /** The low-level code of a material: 0 for a top item; -1 when the engine does not know it. */
  public int lowLevelCode(long materialId) {
    Integer i = index.get(materialId);
    return i == null ? -1 : llc[i];
  }

  /**
   * The version of parent {@code p} applying on the day for the serial: a ranged version holding
   * the serial first, else an unranged one; -1 if none. Without a serial only unranged ones apply.
   */
  private int effectiveVersion(int p, int day, String serial) {
    int unranged = -1;
    for (int v = verStart[p]; v < verStart[p + 1]; v++) {
      if (verFrom[v] > day || day >= verTo[v]) {
        continue;
      }
      if (!verRanged[v]) {
        if (unranged < 0) {
          unranged = v;
        }
      } else if (serial != null && SerialNumbers.within(serial, verSerialFrom[v], verSerialTo[v])) {
        return v;
      }
    }
    return unranged;
  }

  /** {@link #summarised(long, double, LocalDate, String)} without a serial. */
  public Map<Long, Double> summarised(long top, double quantity, LocalDate date) {
    return summarised(top, quantity, date, null);
  }

  /**
   * Total requirements of every component (all levels) for {@code quantity} of {@code top} at
   * {@code date}, scrap included, phantoms blown through (not listed, their components are).
   * Ordered by low-level code, then as found. {@code serial} is the end item's serial (null: none).
   */
  public Map<Long, Double> summarised(long top, double quantity, LocalDate date, String serial) {
    Integer t = index.get(top);
    if (t == null) {
      return Map.of();
    }
    int day = (int) date.toEpochDay();
    int n = ids.length;
    double[] req = new double[n];
    boolean[] seen = new boolean[n];
    boolean[] phantom = new boolean[n];
    // Collect what is reachable at the date, bucketed by low-level code.
    int[] sizes = new int[maxLlc + 1];
    int[][] byLevel = new int[maxLlc + 1][];
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    List<Integer> reached = new ArrayList<>();
    stack.push(t);
    seen[t] = true;
    while (!stack.isEmpty()) {
      int p = stack.pop();
      reached.add(p);
      sizes[llc[p]]++;
      int v = effectiveVersion(p, day, serial);
      if (v < 0) {
        continue;
      }
      for (int l = verLineStart[v]; l < verLineStart[v + 1]; l++) {
        int c = lineComp[l];
        phantom[c] |= linePhantom[l];
        if (!seen[c]) {
          seen[c] = true;
          stack.push(c);
        }
      }
    }
    for (int level = 0; level <= maxLlc; level++) {
      byLevel[level] = new int[sizes[level]];
      sizes[level] = 0;
    }
    for (int p : reached) {
      byLevel[llc[p]][sizes[llc[p]]++] = p;
    }
    req[t] = quantity;
    Map<Long, Double> result = new LinkedHashMap<>();
    for (int[] level : byLevel) {
      for (int p : level) {
        double need = req[p];
        if (p != t && !phantom[p]) {
          result.put(ids[p], need);
        }
        int v = effectiveVersion(p, day, serial);
        if (v < 0 || need == 0) {
          continue;
        }
        for (int l = verLineStart[v]; l < verLineStart[v + 1]; l++) {
          req[lineComp[l]] += need * lineGross[l];
        }
      }
    }
    return result;
  }

  /**
   * The indented explosion (depth first, in line order) for {@code quantity} of {@code top} at
   * {@code date}, at most {@code maxRows} rows: a deep, wide product yields millions of rows, so
   * the caller says how many it can use.
   */
  public List<ExplosionRow> indented(long top, double quantity, LocalDate date, int maxRows) {
    return indented(top, quantity, date, null, maxRows);
  }

  /** The indented explosion for the end item with {@code serial} (null: none). */
  public List<ExplosionRow> indented(
      long top, double quantity, LocalDate date, String serial, int maxRows) {
    Integer t = index.get(top);
    if (t == null) {
      return List.of();
    }
    int day = (int) date.toEpochDay();
    List<ExplosionRow> rows = new ArrayList<>();
    explode(t, quantity, 1, day, serial, maxRows, rows);
    return rows;
  }

  private void explode(
      int p,
      double quantity,
      int level,
      int day,
      String serial,
      int maxRows,
      List<ExplosionRow> rows) {
    int v = effectiveVersion(p, day, serial);
    if (v < 0) {
      return;
    }
    for (int l = verLineStart[v]; l < verLineStart[v + 1] && rows.size() < maxRows; l++) {
      double q = quantity * lineGross[l];
      rows.add(new ExplosionRow(level, ids[p], ids[lineComp[l]], lineQtyPer[l], q, linePhantom[l]));
      explode(lineComp[l], q, level + 1, day, serial, maxRows, rows);
    }
  }

  /**
   * Parents using {@code component} in a version effective at {@code date}: the direct ones only,
   * or every level up to the top items ({@code multiLevel}), each once at its nearest level.
   */
  public List<WhereUsed> whereUsed(long component, LocalDate date, boolean multiLevel) {
    return whereUsed(component, date, null, multiLevel);
  }

  /**
   * Where-used for the end item with {@code serial} (null: none): a parent counts through the
   * version that applies to it at the date and serial.
   */
  public List<WhereUsed> whereUsed(
      long component, LocalDate date, String serial, boolean multiLevel) {
    Integer c0 = index.get(component);
    if (c0 == null) {
      return List.of();
    }
    int day = (int) date.toEpochDay();
    int[] levelOf = new int[ids.length];
    List<WhereUsed> result = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(c0);
    levelOf[c0] = -1;
    while (!queue.isEmpty()) {
      int c = queue.poll();
      int level = levelOf[c] < 0 ? 1 : levelOf[c] + 1;
      for (int u = usedStart[c]; u < usedStart[c + 1]; u++) {
        int v = lineVersion[usedLine[u]];
        if (verFrom[v] > day || day >= verTo[v]) {
          continue;
        }
        int p = verParent[v];
        if (effectiveVersion(p, day, serial) != v) {
          continue;
        }
        if (levelOf[p] == 0 && p != c0) {
          levelOf[p] = level;
          result.add(new WhereUsed(ids[p], level));
          if (multiLevel) {
            queue.add(p);
          }
        }
      }
    }
    return result;
  }

  /**
   * Every material reached from {@code top} (itself and phantoms included) through the versions
   * applying at the date and serial.
   */
  public Set<Long> reached(long top, LocalDate date, String serial) {
    Integer t = index.get(top);
    if (t == null) {
      return Set.of(top);
    }
    int day = (int) date.toEpochDay();
    boolean[] seen = new boolean[ids.length];
    ArrayDeque<Integer> stack = new ArrayDeque<>(List.of(t));
    seen[t] = true;
    Set<Long> result = new HashSet<>();
    while (!stack.isEmpty()) {
      int p = stack.pop();
      result.add(ids[p]);
      int v = effectiveVersion(p, day, serial);
      for (int l = v < 0 ? 0 : verLineStart[v]; v >= 0 && l < verLineStart[v + 1]; l++) {
        if (!seen[lineComp[l]]) {
          seen[lineComp[l]] = true;
          stack.push(lineComp[l]);
        }
      }
    }
    return result;
  }

  /**
   * A path from {@code from} down to {@code to} through any version, if one exists; adding a line
   * {@code to → from} would then close the cycle {@code to → from → … → to}.
   */
  public Optional<List<Long>> path(long from, long to) {
    Integer f = index.get(from);
    Integer t = index.get(to);
    if (f == null || t == null) {
      return Optional.empty();
    }
    int[] previous = new int[ids.length];
    Arrays.fill(previous, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(f));
    previous[f] = f;
    while (!queue.isEmpty()) {
      int p = queue.poll();
      if (p == t) {
        List<Long> path = new ArrayList<>();
        for (int x = t; x != f; x = previous[x]) {
          path.add(ids[x]);
        }
        path.add(ids[f]);
        Collections.reverse(path);
        return Optional.of(path);
      }
      for (int v = verStart[p]; v < verStart[p + 1]; v++) {
        for (int l = verLineStart[v]; l < verLineStart[v + 1]; l++) {
          int c = lineComp[l];
          if (previous[c] < 0) {
            previous[c] = p;
            queue.add(c);
          }
        }
      }
    }
    return Optional.empty();
  }
}
