package io.tianshu.execution.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of one Andon call as the engine needs it.
 *
 * @param id call id
 * @param line production line where it was raised
 * @param station station on the line, if raised at a station
 * @param category cause category
 * @param priority priority
 * @param raisedAt when it was raised
 * @param acknowledgedAt when someone acknowledged it, not before {@code raisedAt}
 * @param resolvedAt when it was resolved, not before {@code raisedAt} nor {@code acknowledgedAt}
 * @param notifiedLevels escalation levels (1-based) already notified
 */
public record AndonCall(
    String id,
    String line,
    Optional<String> station,
    AndonCategory category,
    AndonPriority priority,
    Instant raisedAt,
    Optional<Instant> acknowledgedAt,
    Optional<Instant> resolvedAt,
    Set<Integer> notifiedLevels) {

  /** Validates the fields and the order of the timestamps. */
  public AndonCall {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("call.id is required");
    }
    if (line == null || line.isBlank()) {
      throw new IllegalArgumentException("call.line is required");
    }
    Objects.requireNonNull(station, "station");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(raisedAt, "raisedAt");
    Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    Objects.requireNonNull(notifiedLevels, "notifiedLevels");
    notifiedLevels = Set.copyOf(notifiedLevels);
    for (Integer level : notifiedLevels) {
      if (level < 1) {
        throw new IllegalArgumentException("call.notifiedLevels must be >= 1, has " + level);
      }
    }
    if (acknowledgedAt.isPresent() && acknowledgedAt.get().isBefore(raisedAt)) {
      throw new IllegalArgumentException(
          "call.acknowledgedAt " + acknowledgedAt.get() + " is before raisedAt " + raisedAt);
    }
    if (resolvedAt.isPresent() && resolvedAt.get().isBefore(raisedAt)) {
      throw new IllegalArgumentException(
          "call.resolvedAt " + resolvedAt.get() + " is before raisedAt " + raisedAt);
    }
    if (resolvedAt.isPresent()
        && acknowledgedAt.isPresent()
        && resolvedAt.get().isBefore(acknowledgedAt.get())) {
      throw new IllegalArgumentException(
          "call.resolvedAt "
              + resolvedAt.get()
              + " is before acknowledgedAt "
              + acknowledgedAt.get());
    }
  }

  /**
   * A newly raised call: not acknowledged, not resolved, nothing notified.
   *
   * @param id call id
   * @param line line
   * @param station station, or null for the line as a whole
   * @param category category
   * @param priority priority
   * @param raisedAt when raised
   * @return the call
   */
  public static AndonCall raised(
      String id,
      String line,
      String station,
      AndonCategory category,
      AndonPriority priority,
      Instant raisedAt) {
    return new AndonCall(
        id,
        line,
        Optional.ofNullable(station),
        category,
        priority,
        raisedAt,
        Optional.empty(),
        Optional.empty(),
        Set.of());
  }

  /**
   * This call with more levels recorded as notified.
   *
   * @param levels levels just notified
   * @return the updated call
   */
  public AndonCall withNotified(int... levels) {
    Set<Integer> all = new TreeSet<>(notifiedLevels);
    for (int level : levels) {
      all.add(level);
    }
    return new AndonCall(
        id, line, station, category, priority, raisedAt, acknowledgedAt, resolvedAt, all);
  }

  /**
   * This call acknowledged.
   *
   * @param at when
   * @return the updated call
   */
  public AndonCall acknowledged(Instant at) {
    return new AndonCall(
        id,
        line,
        station,
        category,
        priority,
        raisedAt,
        Optional.of(at),
        resolvedAt,
        notifiedLevels);
  }

  /**
   * This call resolved.
   *
   * @param at when
   * @return the updated call
   */
  public AndonCall resolved(Instant at) {
    return new AndonCall(
        id,
        line,
        station,
        category,
        priority,
        raisedAt,
        acknowledgedAt,
        Optional.of(at),
        notifiedLevels);
  }
}
