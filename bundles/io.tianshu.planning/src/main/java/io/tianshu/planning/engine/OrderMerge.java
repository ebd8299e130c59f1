package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Merges planned orders of one material on release (合并下达): the orders of each (plant, material), by
 * due date then id, are cut into groups; a group starts with its earliest order and takes every
 * following order due at most {@code windowDays} calendar days after that first due date (window 0:
 * the same due date). A group becomes one supply order of the summed quantity, released on its
 * earliest release date and due on its first (earliest) due date — merging never makes supply
 * later. Groups are returned by plant, material, then due date; quantities are kept exactly (sums
 * of the members).
 */
public final class OrderMerge {
  private OrderMerge() {}

  /** A planned order to release. */
  public record Candidate(
      long orderId,
      long plantId,
      long materialId,
      LocalDate releaseDate,
      LocalDate dueDate,
      double quantity) {
    /** Checks dates and quantity. */
    public Candidate {
      Objects.requireNonNull(releaseDate, "releaseDate");
      Objects.requireNonNull(dueDate, "dueDate");
      if (!(quantity > 0) || Double.isInfinite(quantity)) {
        throw new IllegalArgumentException(
            "planned order " + orderId + ": quantity must be > 0 and finite, was " + quantity);
      }
    }
  }

  /** One merged supply order and the planned orders it replaces (in due-date order). */
  public record Group(
      long plantId,
      long materialId,
      LocalDate releaseDate,
      LocalDate dueDate,
      double quantity,
      List<Long> orderIds) {}

  /**
   * The groups of {@code orders}.
   *
   * @throws IllegalArgumentException if {@code windowDays} is negative or an order id repeats
   */
  public static List<Group> merge(List<Candidate> orders, int windowDays) {
    if (windowDays < 0) {
      throw new IllegalArgumentException("windowDays must be >= 0, was " + windowDays);
    }
    List<Candidate> sorted = new ArrayList<>(orders);
    sorted.sort(
        Comparator.comparingLong(Candidate::plantId)
            .thenComparingLong(Candidate::materialId)
            .thenComparing(Candidate::dueDate)
            .thenComparingLong(Candidate::orderId));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).orderId() == sorted.get(i - 1).orderId()
          && sorted.get(i).plantId() == sorted.get(i - 1).plantId()) {
        throw new IllegalArgumentException("planned order " + sorted.get(i).orderId() + " twice");
      }
    }
    List<Group> out = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      Candidate first = sorted.get(i);
      LocalDate release = first.releaseDate();
      double quantity = 0;
      List<Long> ids = new ArrayList<>();
      int j = i;
      while (j < sorted.size()) {
        Candidate o = sorted.get(j);
        if (o.plantId() != first.plantId()
            || o.materialId() != first.materialId()
            || ChronoUnit.DAYS.between(first.dueDate(), o.dueDate()) > windowDays) {
          break;
        }
        quantity += o.quantity();
        ids.add(o.orderId());
        if (o.releaseDate().isBefore(release)) {
          release = o.releaseDate();
        }
        j++;
      }
      out.add(
          new Group(
              first.plantId(),
              first.materialId(),
              release,
              first.dueDate(),
              quantity,
              List.copyOf(ids)));
      i = j;
    }
    return out;
  }
}
