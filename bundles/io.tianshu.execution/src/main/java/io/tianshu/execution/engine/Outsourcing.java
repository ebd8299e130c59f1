package io.tianshu.execution.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Outsourcing (委外) of operations without phantom items: work in progress at an operation is sent to
 * a supplier and stays part of that operation's work in progress, marked as held at the supplier;
 * it comes back as good and scrap reported at that operation, or through a block of consecutive
 * operations the supplier performs (good passes through each, scrap counts at the last). First,
 * middle, last and consecutive operations are all the same case.
 */
public final class Outsourcing {
  private Outsourcing() {}

  /** Operations after a receipt, what left the last operation, and the new held quantities. */
  public record Received(
      List<OperationQuantities> operations, BigDecimal completed, List<BigDecimal> atSupplier) {}

  /**
   * Sends {@code quantity} of operation {@code at}'s unsent work in progress; returns what is held
   * at the supplier after it.
   */
  public static BigDecimal send(
      OperationQuantities op, BigDecimal atSupplier, BigDecimal quantity) {
    if (quantity == null || quantity.signum() <= 0) {
      throw new IllegalArgumentException("quantity: must be positive / 数量必须为正");
    }
    BigDecimal here = op.inProgress().subtract(atSupplier);
    if (quantity.compareTo(here) > 0) {
      throw new IllegalArgumentException(
          "quantity: "
              + plain(quantity)
              + " to send but only "
              + plain(here)
              + " in progress here at operation "
              + op.seq()
              + " / 超过本工序可外发在制数");
    }
    return atSupplier.add(quantity);
  }

  /**
   * Receives {@code good + scrap} held at the supplier for operation {@code from}, performed
   * through operation {@code through} (equal for a single operation).
   */
  public static Received receive(
      List<OperationQuantities> operations,
      List<BigDecimal> atSupplier,
      int from,
      int through,
      BigDecimal good,
      BigDecimal scrap) {
    if (from < 0 || through < from || through >= operations.size()) {
      throw new IllegalArgumentException(
          "throughSeq: must be this operation or a later one / 须为本工序或其后工序");
    }
    BigDecimal g = good == null ? BigDecimal.ZERO : good;
    BigDecimal s = scrap == null ? BigDecimal.ZERO : scrap;
    if (g.signum() < 0 || s.signum() < 0 || g.add(s).signum() == 0) {
      throw new IllegalArgumentException("good: give a positive good or scrap quantity / 数量无效");
    }
    BigDecimal total = g.add(s);
    if (total.compareTo(atSupplier.get(from)) > 0) {
      throw new IllegalArgumentException(
          "good: "
              + plain(total)
              + " received but only "
              + plain(atSupplier.get(from))
              + " is at the supplier / 超过供应商处在制数");
    }
    List<BigDecimal> held = new ArrayList<>(atSupplier);
    held.set(from, held.get(from).subtract(total));
    List<OperationQuantities> ops = operations;
    BigDecimal completed = BigDecimal.ZERO;
    for (int i = from; i <= through; i++) {
      boolean last = i == through;
      OperationFlow.Result r =
          OperationFlow.report(
              ops,
              new OperationFlow.Report(
                  i, last ? g : total, last ? s : BigDecimal.ZERO, BigDecimal.ZERO, false));
      ops = r.operations();
      completed = completed.add(r.completed());
    }
    return new Received(ops, completed, List.copyOf(held));
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
