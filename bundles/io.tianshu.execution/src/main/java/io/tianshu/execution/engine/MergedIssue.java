package io.tianshu.execution.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merged issue (合并发料): one material issued for several work orders in one go. The lots are picked
 * first in first out for the whole quantity (as {@link Backflush#pickLots}) and then handed to the
 * orders in the order of their start date (then id), so that the order that starts first gets the
 * oldest lots; a lot is split between two orders where one order's share ends inside it. The
 * quantities conserve: the sum of the shares is what was picked, which is what the lots gave.
 */
public final class MergedIssue {
  private MergedIssue() {}

  /** An order's part of the merged issue: {@code quantity} to give it. */
  public record Order(long workOrderId, LocalDate startDate, BigDecimal quantity) {}

  /** A part of a lot given to an order; {@code lot} null: the part no lot covered (shortage). */
  public record Share(long workOrderId, String lot, BigDecimal quantity) {}

  /**
   * The whole merged issue: the total asked, the lots taken (without the shortage), each order's
   * shares (with a null-lot share for its part of the shortage) and the shortage.
   */
  public record Allocation(
      BigDecimal total, List<Backflush.LotTake> picked, List<Share> shares, BigDecimal shortage) {
    /** The shares of one order, lots first in first out, its shortage (null lot) last. */
    public List<Share> of(long workOrderId) {
      return shares.stream().filter(s -> s.workOrderId() == workOrderId).toList();
    }
  }

  /** A component line of an order with what it still needs. */
  public record ComponentOpen(long componentId, BigDecimal open) {}

  /** A part of an order's share booked on one of its component lines. */
  public record ComponentShare(long componentId, BigDecimal quantity) {}

  /** Orders by start date (no date last), then id: the sequence in which they receive lots. */
  public static List<Order> sequence(List<Order> orders) {
    List<Order> sorted = new ArrayList<>(orders);
    sorted.sort(
        Comparator.comparing(
                Order::startDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparingLong(Order::workOrderId));
    return sorted;
  }

  /**
   * Picks the orders' total from {@code lots} first in first out and splits the takes to the orders
   * in {@link #sequence} order. Orders asking zero get no share. The shortage, if any, falls on the
   * orders that come last.
   */
  public static Allocation allocate(List<Order> orders, List<Backflush.LotStock> lots) {
    BigDecimal total = BigDecimal.ZERO;
    for (Order o : orders) {
      if (o.quantity().signum() < 0) {
        throw new IllegalArgumentException("negative quantity for order " + o.workOrderId());
      }
      total = total.add(o.quantity());
    }
    List<Backflush.LotTake> takes =
        total.signum() > 0 ? Backflush.pickLots(lots, total) : List.of();
    List<Share> shares = new ArrayList<>();
    int t = 0;
    BigDecimal leftInTake = takes.isEmpty() ? BigDecimal.ZERO : takes.get(0).quantity();
    for (Order o : sequence(orders)) {
      BigDecimal need = o.quantity();
      while (need.signum() > 0) {
        Backflush.LotTake take = takes.get(t);
        BigDecimal q = need.min(leftInTake);
        addShare(shares, o.workOrderId(), take.lot(), q);
        need = need.subtract(q);
        leftInTake = leftInTake.subtract(q);
        if (leftInTake.signum() == 0 && t + 1 < takes.size()) {
          t++;
          leftInTake = takes.get(t).quantity();
        }
      }
    }
    List<Backflush.LotTake> picked = new ArrayList<>();
    BigDecimal shortage = BigDecimal.ZERO;
    for (Backflush.LotTake take : takes) {
      if (take.lot() == null) {
        shortage = shortage.add(take.quantity());
      } else {
        picked.add(take);
      }
    }
    return new Allocation(total, picked, shares, shortage);
  }

  private static void addShare(List<Share> shares, long order, String lot, BigDecimal q) {
    if (q.signum() > 0) {
      shares.add(new Share(order, lot, q));
    }
  }

  /**
   * Books an order's share on its component lines of the material in their order: each line up to
   * what it still needs, anything beyond (an explicit quantity above the need) on the last line.
   */
  public static List<ComponentShare> toComponents(
      BigDecimal quantity, List<ComponentOpen> components) {
    if (components.isEmpty()) {
      throw new IllegalArgumentException("no component line");
    }
    List<ComponentShare> out = new ArrayList<>();
    BigDecimal left = quantity;
    for (int i = 0; i < components.size() && left.signum() > 0; i++) {
      ComponentOpen k = components.get(i);
      BigDecimal q = i == components.size() - 1 ? left : left.min(k.open().max(BigDecimal.ZERO));
      if (q.signum() > 0) {
        out.add(new ComponentShare(k.componentId(), q));
        left = left.subtract(q);
      }
    }
    return out;
  }

  /** What the lines still need in total (required less issued, never below zero per line). */
  public static BigDecimal open(List<ComponentOpen> components) {
    BigDecimal s = BigDecimal.ZERO;
    for (ComponentOpen k : components) {
      s = s.add(k.open().max(BigDecimal.ZERO));
    }
    return s;
  }

  /** A posting line of an order: one lot's part on one component line. */
  public record Posting(long componentId, String lot, BigDecimal quantity) {}

  /**
   * Pairs an order's lot shares (in their sequence) with its component shares (in theirs), so that
   * each component line gets its quantity from the lots in first in first out order. Both lists
   * must add up to the same quantity.
   */
  public static List<Posting> postings(List<Share> shares, List<ComponentShare> components) {
    List<Posting> out = new ArrayList<>();
    int s = 0;
    BigDecimal leftInShare = shares.isEmpty() ? BigDecimal.ZERO : shares.get(0).quantity();
    for (ComponentShare k : components) {
      BigDecimal need = k.quantity();
      while (need.signum() > 0) {
        if (s >= shares.size()) {
          throw new IllegalArgumentException("component shares exceed the lot shares");
        }
        BigDecimal q = need.min(leftInShare);
        if (q.signum() > 0) {
          out.add(new Posting(k.componentId(), shares.get(s).lot(), q));
        }
        need = need.subtract(q);
        leftInShare = leftInShare.subtract(q);
        if (leftInShare.signum() == 0) {
          s++;
          leftInShare = s < shares.size() ? shares.get(s).quantity() : BigDecimal.ZERO;
        }
      }
    }
    return out;
  }
}
