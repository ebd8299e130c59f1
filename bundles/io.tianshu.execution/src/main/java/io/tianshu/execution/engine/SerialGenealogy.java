package io.tianshu.execution.engine;

import io.tianshu.execution.SerialUnitInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Serial genealogy (序列号追溯) rules: what a serialized product receipt must carry, and the level by
 * level trace over a genealogy graph of serial units and lots.
 *
 * <p>A receipt is serialized when it carries serials (there is no serial flag on the material):
 * then it carries exactly one serial per good unit received (so the quantity must be whole), each
 * serial once, and for each unit its components, each either a serialized component's serial
 * (quantity 1) or a positive quantity of a component lot. A serialized component goes into one unit
 * only.
 *
 * <p>The trace is the lot trace's algorithm on nodes that are units or lots: breadth first, one
 * call of the edge source per level for the whole frontier, each node visited once (so a cycle in
 * bad data ends), at most {@code levels} levels; when edges are left past the limit the trace is
 * truncated. The ends are the frontier nodes beyond the start that have no further edge.
 */
public final class SerialGenealogy {
  /** The most levels a trace may ask for, as for the lot trace. */
  public static final int MAX_LEVELS = 20;

  private static final int MAX_TEXT = 64;

  private SerialGenealogy() {}

  /** A serial unit ({@code serial} set, {@code lot} its lot if known) or a lot (no serial). */
  public record Node(long materialId, String serial, String lot) {
    /** Identity: material and serial for a unit, material and lot for a lot. */
    public String key() {
      return serial != null
          ? "S\u0000" + materialId + "\u0000" + serial
          : "L\u0000" + materialId + "\u0000" + lot;
    }
  }

  /** An edge found at {@code level} (1 = next to the start). */
  public record Leveled<E>(int level, E edge) {}

  /** The trace: its edges in level order, the ends and whether the limit cut it. */
  public record Result<E>(List<Leveled<E>> links, List<Node> ends, boolean truncated) {}

  /**
   * Checks the level limit.
   *
   * @throws IllegalArgumentException "levels: ..." unless 1..{@value #MAX_LEVELS}
   */
  public static void checkLevels(int levels) {
    if (levels < 1 || levels > MAX_LEVELS) {
      throw new IllegalArgumentException("levels: must be 1 to 20 / 层数须在 1 到 20 之间");
    }
  }

  /**
   * Checks the serials of a receipt of {@code received} good units.
   *
   * @throws IllegalArgumentException "field: message" naming the first bad field, e.g. {@code
   *     serials[1].components[0].lot}
   */
  public static void checkReceipt(List<SerialUnitInput> units, BigDecimal received) {
    if (units == null || units.isEmpty()) {
      return;
    }
    if (received == null || received.signum() <= 0) {
      throw new IllegalArgumentException(
          "serials: only a report that puts good product into stock carries serials / 仅完工入库的报工可带序列号");
    }
    if (received.stripTrailingZeros().scale() > 0
        || received.compareTo(BigDecimal.valueOf(units.size())) != 0) {
      throw new IllegalArgumentException(
          "serials: "
              + units.size()
              + " serials for "
              + received.stripTrailingZeros().toPlainString()
              + " received, one serial per unit / 序列号数量 "
              + units.size()
              + " 与入库数量 "
              + received.stripTrailingZeros().toPlainString()
              + " 不符");
    }
    Set<String> serials = new HashSet<>();
    Set<String> componentSerials = new HashSet<>();
    for (int i = 0; i < units.size(); i++) {
      String f = "serials[" + i + "]";
      SerialUnitInput u = units.get(i);
      if (u == null) {
        throw new IllegalArgumentException(f + ": is required / 必填");
      }
      text(f + ".serial", u.serial());
      if (!serials.add(u.serial())) {
        throw new IllegalArgumentException(f + ".serial: " + u.serial() + " appears twice / 序列号重复");
      }
      List<SerialUnitInput.Component> comps = u.components() == null ? List.of() : u.components();
      for (int j = 0; j < comps.size(); j++) {
        String g = f + ".components[" + j + "]";
        SerialUnitInput.Component k = comps.get(j);
        if (k == null) {
          throw new IllegalArgumentException(g + ": is required / 必填");
        }
        if (k.materialId() == null) {
          throw new IllegalArgumentException(g + ".materialId: is required / 必填");
        }
        boolean hasSerial = k.serial() != null;
        boolean hasLot = k.lot() != null;
        if (hasSerial == hasLot) {
          throw new IllegalArgumentException(
              g + ".serial: give either a serial or a lot / 序列号与批次须二选一");
        }
        if (hasSerial) {
          text(g + ".serial", k.serial());
          if (k.quantity() != null && k.quantity().compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException(
                g + ".quantity: a serialized component is one unit / 序列号件数量为 1");
          }
          if (!componentSerials.add(k.materialId() + "\u0000" + k.serial())) {
            throw new IllegalArgumentException(
                g + ".serial: " + k.serial() + " goes into one unit only / 序列号件只能装入一个单元");
          }
        } else {
          text(g + ".lot", k.lot());
          if (k.quantity() == null || k.quantity().signum() <= 0) {
            throw new IllegalArgumentException(g + ".quantity: must be positive / 数量必须为正");
          }
          if (k.quantity().scale() > 6) {
            throw new IllegalArgumentException(g + ".quantity: at most 6 decimals / 最多 6 位小数");
          }
        }
      }
    }
  }

  private static void text(String field, String s) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(field + ": is required / 必填");
    }
    if (s.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          field + ": at most " + MAX_TEXT + " characters / 最多 " + MAX_TEXT + " 个字符");
    }
    if (!s.strip().equals(s)) {
      throw new IllegalArgumentException(field + ": no leading or trailing blanks / 首尾不能有空格");
    }
  }

  /**
   * Traces from {@code start}.
   *
   * @param start the starting unit (or lot)
   * @param backward true: what went into it (parents to children); false: where it went
   * @param levels 1..{@value #MAX_LEVELS}
   * @param edges the edges touching the given nodes on the near side: as parent when {@code
   *     backward}, else as child
   * @param parent an edge's parent node
   * @param child an edge's child node
   * @return the edges level by level, the ends and whether the limit cut the trace
   */
  public static <E> Result<E> trace(
      Node start,
      boolean backward,
      int levels,
      Function<List<Node>, List<E>> edges,
      Function<E, Node> parent,
      Function<E, Node> child) {
    checkLevels(levels);
    Function<E, Node> near = backward ? parent : child;
    Function<E, Node> far = backward ? child : parent;
    List<Leveled<E>> links = new ArrayList<>();
    List<Node> ends = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(start.key());
    List<Node> frontier = List.of(start);
    boolean truncated = false;
    for (int level = 1; !frontier.isEmpty(); level++) {
      List<E> found = edges.apply(frontier);
      Set<String> linked = new HashSet<>();
      for (E e : found) {
        linked.add(near.apply(e).key());
      }
      if (level > 1) {
        for (Node n : frontier) {
          if (!linked.contains(n.key())) {
            ends.add(n);
          }
        }
      }
      if (found.isEmpty()) {
        break;
      }
      if (level > levels) {
        truncated = true;
        break;
      }
      List<Node> next = new ArrayList<>();
      for (E e : found) {
        links.add(new Leveled<>(level, e));
        Node n = far.apply(e);
        if (seen.add(n.key())) {
          next.add(n);
        }
      }
      frontier = next;
    }
    return new Result<>(links, ends, truncated);
  }
}
