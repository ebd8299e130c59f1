package io.tianshu.execution.engine;

import io.tianshu.execution.OperationStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How quantities move through a work order's operations. A report at an operation turns part of
 * what it has in progress into good, scrap or rework; good output moves on at once to the next
 * operation (so the next one may start while this one still runs: overlap), through skipped
 * operations, and out of the last one as completed product. Nothing is created or lost: for every
 * operation {@code in = good + scrap + rework + inProgress}, each operation's {@code in} is the
 * previous one's good, and the order quantity equals all scrap, rework and work in progress plus
 * the last operation's good.
 */
public final class OperationFlow {
  private OperationFlow() {}

  /** The operations after a change, and what left the last operation as completed product. */
  public record Result(List<OperationQuantities> operations, BigDecimal completed) {}

  /** A quantity report at the operation with index {@code at} (position in the routing). */
  public record Report(
      int at, BigDecimal good, BigDecimal scrap, BigDecimal rework, boolean fromRework) {
    public Report {
      if (good == null) {
        good = BigDecimal.ZERO;
      }
      if (scrap == null) {
        scrap = BigDecimal.ZERO;
      }
      if (rework == null) {
        rework = BigDecimal.ZERO;
      }
    }

    public BigDecimal total() {
      return good.add(scrap).add(rework);
    }
  }

  /** The operations of a released order of {@code quantity}: all of it waits at the first. */
  public static List<OperationQuantities> release(List<Integer> seqs, BigDecimal quantity) {
    List<OperationQuantities> ops = new ArrayList<>();
    for (int i = 0; i < seqs.size(); i++) {
      ops.add(OperationQuantities.waiting(seqs.get(i), i == 0 ? quantity : BigDecimal.ZERO));
    }
    return List.copyOf(ops);
  }

  /**
   * Applies a report. Refused (IllegalArgumentException naming the field) when a quantity is
   * negative, all are zero, the operation is skipped, or more is reported than the operation has in
   * progress (or, from rework, than it holds for rework).
   */
  public static Result report(List<OperationQuantities> operations, Report r) {
    check(operations, r.at());
    if (r.good().signum() < 0) {
      throw new IllegalArgumentException("good: must not be negative / 合格数不能为负");
    }
    if (r.scrap().signum() < 0) {
      throw new IllegalArgumentException("scrap: must not be negative / 报废数不能为负");
    }
    if (r.rework().signum() < 0) {
      throw new IllegalArgumentException("rework: must not be negative / 返工数不能为负");
    }
    if (r.total().signum() == 0) {
      throw new IllegalArgumentException("good: nothing reported / 报工数量全为零");
    }
    List<OperationQuantities> ops = new ArrayList<>(operations);
    OperationQuantities op = ops.get(r.at());
    if (op.status() == OperationStatus.SKIPPED) {
      throw new IllegalArgumentException(
          "operationSeq: operation " + op.seq() + " is skipped / 工序 " + op.seq() + " 已跳过");
    }
    OperationQuantities after;
    if (r.fromRework()) {
      if (r.rework().signum() != 0) {
        throw new IllegalArgumentException(
            "rework: a report from rework gives good or scrap only / 返工报工只能报合格或报废");
      }
      BigDecimal taken = r.good().add(r.scrap());
      if (taken.compareTo(op.rework()) > 0) {
        throw new IllegalArgumentException(
            "good: "
                + plain(taken)
                + " is more than the "
                + plain(op.rework())
                + " held for rework at operation "
                + op.seq()
                + " / 超过返工在制数");
      }
      after =
          op.with(
              op.status(),
              op.in(),
              op.good().add(r.good()),
              op.scrap().add(r.scrap()),
              op.rework().subtract(taken));
    } else {
      if (r.total().compareTo(op.inProgress()) > 0) {
        throw new IllegalArgumentException(
            "good: "
                + plain(r.total())
                + " reported but only "
                + plain(op.inProgress())
                + " in progress at operation "
                + op.seq()
                + " / 报工数超过在制数");
      }
      after =
          op.with(
              op.status(),
              op.in(),
              op.good().add(r.good()),
              op.scrap().add(r.scrap()),
              op.rework().add(r.rework()));
    }
    ops.set(r.at(), after);
    BigDecimal completed = passOn(ops, r.at(), r.good());
    settle(ops);
    return new Result(List.copyOf(ops), completed);
  }

  /**
   * Skips an operation that has had no report: what it holds and what it will receive passes on
   * unworked.
   */
  public static Result skip(List<OperationQuantities> operations, int at) {
    check(operations, at);
    List<OperationQuantities> ops = new ArrayList<>(operations);
    OperationQuantities op = ops.get(at);
    if (op.reported() || op.status() == OperationStatus.SKIPPED) {
      throw new IllegalArgumentException(
          "operationSeq: operation " + op.seq() + " has reports or is skipped already / 工序已报工或已跳过");
    }
    ops.set(at, op.with(OperationStatus.SKIPPED, op.in(), op.in(), op.scrap(), op.rework()));
    BigDecimal completed = passOn(ops, at, op.in());
    settle(ops);
    return new Result(List.copyOf(ops), completed);
  }

  /** Marks an operation STARTED or PAUSED (a status only; quantities do not change). */
  public static List<OperationQuantities> setStatus(
      List<OperationQuantities> operations, int at, OperationStatus status) {
    check(operations, at);
    OperationQuantities op = operations.get(at);
    if (op.status() == OperationStatus.SKIPPED || op.status() == OperationStatus.DONE) {
      throw new IllegalArgumentException(
          "operationSeq: operation " + op.seq() + " is " + op.status() + " / 工序已结束");
    }
    List<OperationQuantities> ops = new ArrayList<>(operations);
    ops.set(at, op.with(status, op.in(), op.good(), op.scrap(), op.rework()));
    return List.copyOf(ops);
  }

  /**
   * Takes {@code quantity} off the order before any of it is worked: it must still be in progress
   * at the first operation (used to split an order or reduce it).
   */
  public static List<OperationQuantities> reduce(
      List<OperationQuantities> operations, BigDecimal quantity) {
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("operations: the order has none");
    }
    OperationQuantities first = operations.get(0);
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("quantity: must be positive / 数量必须为正");
    }
    if (first.status() == OperationStatus.SKIPPED || quantity.compareTo(first.inProgress()) > 0) {
      throw new IllegalArgumentException(
          "quantity: only "
              + plain(
                  first.status() == OperationStatus.SKIPPED ? BigDecimal.ZERO : first.inProgress())
              + " is not yet worked at the first operation / 首工序未加工数量不足");
    }
    List<OperationQuantities> ops = new ArrayList<>(operations);
    ops.set(
        0,
        first.with(
            first.status(),
            first.in().subtract(quantity),
            first.good(),
            first.scrap(),
            first.rework()));
    settle(ops);
    return List.copyOf(ops);
  }

  /** Good output moves to the next operation, through skipped ones; returns what left the last. */
  private static BigDecimal passOn(List<OperationQuantities> ops, int from, BigDecimal good) {
    for (int i = from + 1; i < ops.size() && good.signum() > 0; i++) {
      OperationQuantities next = ops.get(i);
      if (next.status() == OperationStatus.SKIPPED) {
        ops.set(
            i,
            next.with(
                next.status(),
                next.in().add(good),
                next.good().add(good),
                next.scrap(),
                next.rework()));
      } else {
        ops.set(
            i,
            next.with(
                next.status(), next.in().add(good), next.good(), next.scrap(), next.rework()));
        return BigDecimal.ZERO;
      }
    }
    return good;
  }

  /**
   * Derives statuses: an operation is DONE when nothing is in progress or held for rework there and
   * every operation before it is done or skipped; READY when it holds work nobody started; WAITING
   * when it holds nothing yet.
   */
  static void settle(List<OperationQuantities> ops) {
    boolean upstreamDone = true;
    for (int i = 0; i < ops.size(); i++) {
      OperationQuantities op = ops.get(i);
      if (op.status() == OperationStatus.SKIPPED) {
        continue;
      }
      boolean idle = op.inProgress().signum() == 0 && op.rework().signum() == 0;
      OperationStatus s;
      if (idle && upstreamDone) {
        s = OperationStatus.DONE;
      } else if (op.status() == OperationStatus.STARTED || op.status() == OperationStatus.PAUSED) {
        s = op.status();
      } else if (op.reported()) {
        s = OperationStatus.STARTED;
      } else {
        s = op.in().signum() > 0 ? OperationStatus.READY : OperationStatus.WAITING;
      }
      if (s != op.status()) {
        ops.set(i, op.with(s, op.in(), op.good(), op.scrap(), op.rework()));
      }
      upstreamDone = upstreamDone && s == OperationStatus.DONE;
    }
  }

  private static void check(List<OperationQuantities> operations, int at) {
    if (at < 0 || at >= operations.size()) {
      throw new IllegalArgumentException("operationSeq: not an operation of the order / 非本工单工序");
    }
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
