package io.tianshu.execution.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The escalation ladder for one category, optionally only for one priority. Levels are numbered
 * from 1 in list order.
 *
 * @param category category the rule applies to
 * @param priority priority the rule applies to; empty for any priority (a rule with a priority wins
 *     over one without)
 * @param levels the ladder, at least one level; due times must not decrease down the ladder
 * @param stopOnAcknowledge whether acknowledging the call stops further escalation; if false the
 *     ladder runs on until the call is resolved
 */
public record AndonEscalationRule(
    AndonCategory category,
    Optional<AndonPriority> priority,
    List<AndonEscalationLevel> levels,
    boolean stopOnAcknowledge) {

  /** Validates the fields and that the ladder's due times do not go backwards. */
  public AndonEscalationRule {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(levels, "levels");
    levels = List.copyOf(levels);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("rule.levels must not be empty (" + category + ")");
    }
    Duration previous = Duration.ZERO;
    for (int i = 0; i < levels.size(); i++) {
      AndonEscalationLevel level = levels.get(i);
      Duration offset =
          level.anchor() == AndonEscalationLevel.Anchor.RAISE
              ? level.delay()
              : previous.plus(level.delay());
      if (offset.compareTo(previous) < 0) {
        throw new IllegalArgumentException(
            "rule.levels["
                + i
                + "].delay makes level "
                + (i + 1)
                + " due before level "
                + i
                + " ("
                + category
                + ")");
      }
      previous = offset;
    }
  }

  /**
   * A rule for a category and any priority.
   *
   * @param category category
   * @param stopOnAcknowledge whether acknowledgement stops the ladder
   * @param levels the ladder
   * @return the rule
   */
  public static AndonEscalationRule of(
      AndonCategory category, boolean stopOnAcknowledge, AndonEscalationLevel... levels) {
    return new AndonEscalationRule(category, Optional.empty(), List.of(levels), stopOnAcknowledge);
  }

  /**
   * A rule for a category and one priority.
   *
   * @param category category
   * @param priority priority
   * @param stopOnAcknowledge whether acknowledgement stops the ladder
   * @param levels the ladder
   * @return the rule
   */
  public static AndonEscalationRule of(
      AndonCategory category,
      AndonPriority priority,
      boolean stopOnAcknowledge,
      AndonEscalationLevel... levels) {
    return new AndonEscalationRule(
        category, Optional.of(priority), List.of(levels), stopOnAcknowledge);
  }

  /**
   * When each level is due, measured from the raise.
   *
   * @return offsets of levels 1..n, non-decreasing
   */
  public List<Duration> offsets() {
    List<Duration> out = new ArrayList<>();
    Duration previous = Duration.ZERO;
    for (AndonEscalationLevel level : levels) {
      previous =
          level.anchor() == AndonEscalationLevel.Anchor.RAISE
              ? level.delay()
              : previous.plus(level.delay());
      out.add(previous);
    }
    return out;
  }
}
