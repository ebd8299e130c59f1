package io.tianshu.execution.engine;

import io.tianshu.execution.OperationStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splitting an operation's work into parts and merging them back (工序分割 / 合并), e.g. 100 waiting at
 * operation 20 split 60 to station A and 40 to station B, each reported on its own.
 *
 * <p>The operation's quantities ({@link OperationQuantities}) stay the totals and keep following
 * {@link OperationFlow}; the parts only say where they are. What no part holds is the <em>rest</em>
 * (part 0): the operation minus all parts, field by field. It is never negative, so the rest and
 * the parts always add up to exactly the operation: nothing is created or lost. New quantity
 * arriving from the operation before goes to the rest.
 *
 * <ul>
 *   <li><b>Split</b> carves positive quantities out of the work in progress of the rest (or of one
 *       part) into new parts numbered after the highest so far. A part emptied by it disappears.
 *   <li><b>Report</b> naming a part takes what it reports from that part's work in progress (or,
 *       from rework, from what the part holds for rework); a report naming no part takes it from
 *       the rest.
 *   <li><b>Merge</b> puts parts back together: into the rest (they disappear, their history counted
 *       in the operation as it always was) or into one other part, which then holds their sums.
 * </ul>
 *
 * A skipped operation takes no parts; an operation with parts is not skipped and nothing is
 * inserted before it (its quantity would have to leave the parts): merge them first.
 */
public final class OperationSplit {
  private OperationSplit() {}

  /**
   * The unsplit rest (part 0) of {@code op}; refused when the parts hold more than the operation.
   */
  public static OperationPart rest(OperationQuantities op, List<OperationPart> parts) {
    BigDecimal in = op.in();
    BigDecimal good = op.good();
    BigDecimal scrap = op.scrap();
    BigDecimal rework = op.rework();
    for (OperationPart p : parts) {
      in = in.subtract(p.in());
      good = good.subtract(p.good());
      scrap = scrap.subtract(p.scrap());
      rework = rework.subtract(p.rework());
    }
    if (in.signum() < 0 || good.signum() < 0 || scrap.signum() < 0 || rework.signum() < 0) {
      throw new IllegalArgumentException(
          "operationSeq: operation "
              + op.seq()
              + " is split into parts that hold more than it has; merge them first / 工序 "
              + op.seq()
              + " 已分割，请先合并");
    }
    OperationPart rest = new OperationPart(0, in, good, scrap, rework);
    if (rest.inProgress().signum() < 0) {
      throw new IllegalArgumentException(
          "operationSeq: operation " + op.seq() + ": the rest has more reported than received");
    }
    return rest;
  }

  /**
   * Null when the parts fit the operation: numbered from 1 without repeats, each consistent, and
   * their sums within the operation (so the rest is not negative); otherwise what is wrong.
   */
  public static String violation(OperationQuantities op, List<OperationPart> parts) {
    Set<Integer> seen = new HashSet<>();
    for (OperationPart p : parts) {
      if (p.partNo() <= 0 || !seen.add(p.partNo())) {
        return "operation " + op.seq() + ": bad part number " + p.partNo();
      }
      if (p.inProgress().signum() < 0) {
        return "operation " + op.seq() + " part " + p.partNo() + ": more reported than received";
      }
    }
    try {
      rest(op, parts);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    return null;
  }

  /**
   * The parts after splitting {@code quantities} off the rest ({@code from} null or 0) or off part
   * {@code from}. Refused (IllegalArgumentException naming the field) when a quantity is not
   * positive, there is none, the operation is skipped or done, or more is asked than is in progress
   * there.
   */
  public static List<OperationPart> split(
      OperationQuantities op,
      List<OperationPart> parts,
      Integer from,
      List<BigDecimal> quantities) {
    if (quantities == null || quantities.isEmpty()) {
      throw new IllegalArgumentException("parts: at least one part / 至少分出一份");
    }
    if (op.status() == OperationStatus.SKIPPED || op.status() == OperationStatus.DONE) {
      throw new IllegalArgumentException(
          "operationSeq: operation " + op.seq() + " is " + op.status() + " / 工序已结束或已跳过");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal q : quantities) {
      if (q == null || q.signum() <= 0) {
        throw new IllegalArgumentException("quantity: must be positive / 数量必须为正");
      }
      total = total.add(q);
    }
    List<OperationPart> out = new ArrayList<>(parts);
    OperationPart source;
    int sourceAt = -1;
    if (from == null || from == 0) {
      source = rest(op, parts);
    } else {
      sourceAt = indexOf(parts, from, "fromPart");
      source = parts.get(sourceAt);
    }
    if (total.compareTo(source.inProgress()) > 0) {
      throw new IllegalArgumentException(
          "quantity: "
              + plain(total)
              + " asked but only "
              + plain(source.inProgress())
              + " in progress "
              + (sourceAt < 0 ? "unsplit at operation " + op.seq() : "in part " + from)
              + " / 分割数量超过在制数");
    }
    if (sourceAt >= 0) {
      OperationPart s =
          new OperationPart(
              source.partNo(),
              source.in().subtract(total),
              source.good(),
              source.scrap(),
              source.rework());
      if (s.in().signum() == 0) {
        out.remove(sourceAt);
      } else {
        out.set(sourceAt, s);
      }
    }
    int next = parts.stream().mapToInt(OperationPart::partNo).max().orElse(0) + 1;
    for (BigDecimal q : quantities) {
      out.add(OperationPart.of(next++, q));
    }
    out.sort(Comparator.comparingInt(OperationPart::partNo));
    return List.copyOf(out);
  }

  /**
   * The parts after merging {@code which} (null or empty: all) into part {@code into} (null or 0:
   * the rest). Refused when a part is not one of the operation's, or is both merged and the target.
   */
  public static List<OperationPart> merge(
      OperationQuantities op, List<OperationPart> parts, List<Integer> which, Integer into) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(
          "parts: operation " + op.seq() + " is not split / 工序 " + op.seq() + " 未分割");
    }
    List<Integer> merged =
        which == null || which.isEmpty()
            ? parts.stream().map(OperationPart::partNo).toList()
            : List.copyOf(new java.util.LinkedHashSet<>(which));
    int target = into == null ? 0 : into;
    List<OperationPart> out = new ArrayList<>(parts);
    OperationPart sum = null;
    for (Integer n : merged) {
      if (n == null) {
        throw new IllegalArgumentException("parts: a part number is missing / 缺少分割号");
      }
      if (n == target) {
        continue; // merging a part into itself (e.g. "all into 2") leaves it
      }
      OperationPart p = out.get(indexOf(out, n, "parts"));
      out.remove(p);
      sum = sum == null ? p : sum.plus(p, 0);
    }
    if (target != 0) {
      int at = indexOf(out, target, "intoPart");
      if (sum != null) {
        out.set(at, out.get(at).plus(sum, target));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The parts after a report of {@code r} at {@code op} for part {@code partNo} (null or 0: the
   * rest). The operation itself is changed by {@link OperationFlow#report}; this checks that the
   * part has what is reported and books it there. Refused (naming the field) when not.
   */
  public static List<OperationPart> report(
      OperationQuantities op, List<OperationPart> parts, Integer partNo, OperationFlow.Report r) {
    if (parts.isEmpty() && (partNo == null || partNo == 0)) {
      return parts;
    }
    boolean isRest = partNo == null || partNo == 0;
    OperationPart p = isRest ? rest(op, parts) : parts.get(indexOf(parts, partNo, "part"));
    String where = isRest ? "unsplit at operation " + op.seq() : "in part " + partNo;
    if (r.fromRework()) {
      BigDecimal taken = r.good().add(r.scrap());
      if (taken.compareTo(p.rework()) > 0) {
        throw new IllegalArgumentException(
            "good: "
                + plain(taken)
                + " is more than the "
                + plain(p.rework())
                + " held for rework "
                + where
                + " / 超过该分割的返工在制数");
      }
    } else if (r.total().compareTo(p.inProgress()) > 0) {
      throw new IllegalArgumentException(
          "good: "
              + plain(r.total())
              + " reported but only "
              + plain(p.inProgress())
              + " in progress "
              + where
              + " / 报工数超过该分割的在制数");
    }
    if (isRest) {
      return parts;
    }
    BigDecimal reworkChange = r.fromRework() ? r.good().add(r.scrap()).negate() : r.rework();
    OperationPart after =
        new OperationPart(
            p.partNo(),
            p.in(),
            p.good().add(r.good()),
            p.scrap().add(r.scrap()),
            p.rework().add(reworkChange));
    List<OperationPart> out = new ArrayList<>(parts);
    out.set(parts.indexOf(p), after);
    return List.copyOf(out);
  }

  private static int indexOf(List<OperationPart> parts, int partNo, String field) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).partNo() == partNo) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        field + ": no part " + partNo + " at this operation / 本工序无分割 " + partNo);
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
