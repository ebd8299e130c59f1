package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a new or changed order line displaces when it is given its quantity on its requested date
 * ahead of the lines already committed: the committed lines that are covered today and would no
 * longer be.
 *
 * <p>The new line is served first: it takes its quantity from the supply that arrives by its date
 * (on hand at the start, then each supply on its date), the latest arrivals first, so that earlier
 * supply stays with earlier lines. Then the committed lines are covered first come, first served by
 * due date (on one date in input order): a supply serves only lines due on or after it arrives, and
 * a line gets {@code min(quantity, what has arrived by its date and is not yet taken)}; serving the
 * earliest due line first never leaves a later line worse off, so this is the best coverage the
 * remaining supply allows. A line is displaced when its shortfall grows by more than {@link
 * AvailableToPromise#EPSILON} once the new line is served; the result gives how much more it lacks.
 * Dates before the start count on the start. Plain Java, deterministic.
 */
public final class Displacement {
  private Displacement() {}

  /** A committed order line. */
  public record Line(long id, String reference, LocalDate date, double quantity) {
    /** Checks the date and the quantity. */
    public Line {
      Objects.requireNonNull(date, "date");
      if (!Double.isFinite(quantity) || quantity < 0) {
        throw new IllegalArgumentException(
            "line " + id + ": quantity must be finite and >= 0, was " + quantity);
      }
    }
  }

  /** A committed line that the new line would leave short by {@code shortBy} more. */
  public record Displaced(
      long id, String reference, LocalDate date, double quantity, double shortBy) {}

  /**
   * The committed lines the new line displaces, in due-date order.
   *
   * @param start the first day (today); supply and lines dated before it count on it
   * @param onHand stock at the start, finite and not negative
   * @param supplies supplies by date
   * @param committed the committed lines, any order
   * @param quantity the new line's quantity, finite and positive
   * @param date the new line's requested date
   */
  public static List<Displaced> of(
      LocalDate start,
      double onHand,
      List<AtpSupply> supplies,
      List<Line> committed,
      double quantity,
      LocalDate date) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(date, "date");
    if (!Double.isFinite(onHand) || onHand < 0) {
      throw new IllegalArgumentException("on-hand must be finite and >= 0, was " + onHand);
    }
    if (!Double.isFinite(quantity) || quantity <= 0) {
      throw new IllegalArgumentException("quantity must be finite and > 0, was " + quantity);
    }
    List<AtpSupply> sorted = new ArrayList<>(supplies);
    sorted.sort(Comparator.comparing(AtpSupply::date));
    List<Line> lines = new ArrayList<>(committed);
    // A stable sort keeps the input order on one date.
    lines.sort(Comparator.comparing((Line l) -> max(start, l.date())));
    double[] before = shortfalls(start, onHand, sorted, lines, null);
    double[] after = shortfalls(start, onHand, sorted, lines, new Line(-1, null, date, quantity));
    List<Displaced> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      double more = after[i] - before[i];
      if (more > AvailableToPromise.EPSILON * Math.max(1, lines.get(i).quantity())) {
        Line l = lines.get(i);
        out.add(new Displaced(l.id(), l.reference(), l.date(), l.quantity(), more));
      }
    }
    return out;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Shortfall of each committed line (in {@code lines} order) after the new line, if any, took its
   * quantity first from the supplies that arrive by its date, latest first (so that the earliest
   * supply stays with the earliest lines).
   */
  private static double[] shortfalls(
      LocalDate start, double onHand, List<AtpSupply> supplies, List<Line> lines, Line added) {
    int n = supplies.size() + 1;
    LocalDate[] when = new LocalDate[n];
    double[] left = new double[n];
    when[0] = start;
    left[0] = onHand;
    for (int i = 1; i < n; i++) {
      when[i] = max(start, supplies.get(i - 1).date());
      left[i] = supplies.get(i - 1).quantity();
    }
    if (added != null) {
      LocalDate d = max(start, added.date());
      double want = added.quantity();
      for (int i = n - 1; i >= 0 && want > 0; i--) {
        if (!when[i].isAfter(d)) {
          double take = Math.min(want, left[i]);
          left[i] -= take;
          want -= take;
        }
      }
    }
    double[] shortfall = new double[lines.size()];
    double pool = 0;
    int next = 0;
    for (int i = 0; i < lines.size(); i++) {
      LocalDate due = max(start, lines.get(i).date());
      while (next < n && !when[next].isAfter(due)) {
        pool += left[next++];
      }
      double covered = Math.min(pool, lines.get(i).quantity());
      pool -= covered;
      shortfall[i] = lines.get(i).quantity() - covered;
    }
    return shortfall;
  }
}
