package io.tianshu.execution.engine;

import io.tianshu.execution.OperationStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to the shape of an order routing (the copy made at release) that keep the quantity flow
 * of {@link OperationFlow} intact: every operation's {@code in} stays the good output of the one
 * before, and nothing is created or lost.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li><b>Insert</b> an operation before the operation {@code next} (the first one with a higher
 *       seq): allowed only while {@code next} has not begun — nothing reported there, not STARTED
 *       or PAUSED. Whatever waits at {@code next} (the good output of the operation before) then
 *       moves to the new operation, which passes it on when it is reported. Work already begun at
 *       {@code next} cannot be taken back through an operation it never went through, hence the
 *       refusal.
 *   <li><b>Insert</b> after the last operation: allowed only while nothing has left the routing yet
 *       (the last operation has no good output), since that output was already received into stock
 *       as product.
 *   <li><b>Remove</b> an operation: allowed only when it has received nothing ({@code in} is zero:
 *       no reports and no work in progress); one with history is skipped instead (SKIP), which
 *       keeps its record. The operation after it then receives from the one before, both zero.
 * </ul>
 */
public final class RoutingEdit {
  private RoutingEdit() {}

  /**
   * The operations with a new operation {@code seq} in its place by seq. Refused
   * (IllegalArgumentException naming the field) when {@code seq} is not positive or taken, or by
   * the rules above.
   */
  public static List<OperationQuantities> insert(List<OperationQuantities> operations, int seq) {
    if (seq <= 0) {
      throw new IllegalArgumentException("seq: must be positive / 工序号须为正");
    }
    int at = 0;
    for (OperationQuantities op : operations) {
      if (op.seq() == seq) {
        throw new IllegalArgumentException(
            "seq: the order already has operation " + seq + " / 工序号已存在");
      }
      if (op.seq() < seq) {
        at++;
      }
    }
    List<OperationQuantities> ops = new ArrayList<>(operations);
    BigDecimal moved = BigDecimal.ZERO;
    if (at < ops.size()) {
      OperationQuantities next = ops.get(at);
      if (next.reported()
          || next.status() == OperationStatus.STARTED
          || next.status() == OperationStatus.PAUSED) {
        throw new IllegalArgumentException(
            "seq: operation "
                + next.seq()
                + ", which would follow it, has begun work; insert after it instead / 后序工序 "
                + next.seq()
                + " 已开工，不能在其前插入");
      }
      moved = next.in();
      OperationStatus s =
          next.status() == OperationStatus.SKIPPED
              ? OperationStatus.SKIPPED
              : OperationStatus.WAITING;
      ops.set(at, next.with(s, BigDecimal.ZERO, next.good(), next.scrap(), next.rework()));
    } else if (!ops.isEmpty() && ops.get(ops.size() - 1).good().signum() > 0) {
      throw new IllegalArgumentException(
          "seq: product already left the last operation "
              + ops.get(ops.size() - 1).seq()
              + " into stock / 末工序已有完工入库，不能在其后追加工序");
    }
    ops.add(at, OperationQuantities.waiting(seq, moved));
    OperationFlow.settle(ops);
    return List.copyOf(ops);
  }

  /**
   * The operations without operation {@code seq}. Refused (IllegalArgumentException naming the
   * field) when it is not an operation of the order, the only one, or has received anything.
   */
  public static List<OperationQuantities> remove(List<OperationQuantities> operations, int seq) {
    int at = indexOf(operations, seq);
    if (operations.size() == 1) {
      throw new IllegalArgumentException("seq: the only operation stays / 唯一工序不能删除");
    }
    OperationQuantities op = operations.get(at);
    if (op.in().signum() != 0) {
      throw new IllegalArgumentException(
          "seq: operation "
              + seq
              + " has received quantity (reported or in progress); skip it instead / 工序 "
              + seq
              + " 已有数量，请改用跳过");
    }
    List<OperationQuantities> ops = new ArrayList<>(operations);
    ops.remove(at);
    OperationFlow.settle(ops);
    return List.copyOf(ops);
  }

  /**
   * Where the components assigned to a removed operation {@code seq} go: the operation after it, or
   * the one before when it was the last.
   */
  public static int componentsMoveTo(List<OperationQuantities> operations, int seq) {
    int at = indexOf(operations, seq);
    if (operations.size() == 1) {
      throw new IllegalArgumentException("seq: the only operation stays / 唯一工序不能删除");
    }
    return at + 1 < operations.size() ? operations.get(at + 1).seq() : operations.get(at - 1).seq();
  }

  /**
   * Null when the flow holds: quantities not negative, operations in ascending seq, each {@code in}
   * the good output of the operation before and the first's {@code in} the order's {@code
   * quantity}; otherwise what is wrong (a check for tests and for the service before it writes).
   */
  public static String violation(List<OperationQuantities> operations, BigDecimal quantity) {
    for (int i = 0; i < operations.size(); i++) {
      OperationQuantities op = operations.get(i);
      if (op.inProgress().signum() < 0) {
        return "operation " + op.seq() + ": more reported than received";
      }
      if (i > 0 && operations.get(i - 1).seq() >= op.seq()) {
        return "operation " + op.seq() + ": out of order";
      }
      BigDecimal expected = i == 0 ? quantity : operations.get(i - 1).good();
      if (expected != null && op.in().compareTo(expected) != 0) {
        return "operation " + op.seq() + ": in " + op.in() + " but " + expected + " arrived";
      }
    }
    return null;
  }

  private static int indexOf(List<OperationQuantities> operations, int seq) {
    for (int i = 0; i < operations.size(); i++) {
      if (operations.get(i).seq() == seq) {
        return i;
      }
    }
    throw new IllegalArgumentException("seq: not an operation of the order / 非本工单工序");
  }
}
