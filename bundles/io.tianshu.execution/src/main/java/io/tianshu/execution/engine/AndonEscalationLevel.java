package io.tianshu.execution.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of an escalation ladder: whom to notify and when.
 *
 * @param delay how long after the anchor the level is due, {@code >= 0}
 * @param anchor what the delay is measured from
 * @param recipient role or recipient to notify (e.g. "team-leader", "maintenance")
 */
public record AndonEscalationLevel(Duration delay, Anchor anchor, String recipient) {

  /** What a level's delay is measured from. */
  public enum Anchor {
    /** From when the call was raised. */
    RAISE,
    /**
     * From when the previous level was due (its scheduled time, not when it was actually sent, so a
     * late run of the engine does not push the rest of the ladder back). For the first level this
     * is the raise.
     */
    PREVIOUS_LEVEL
  }

  /** Validates the fields. */
  public AndonEscalationLevel {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(anchor, "anchor");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("level.delay must be >= 0, was " + delay);
    }
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("level.recipient is required");
    }
  }

  /**
   * A level due some minutes after the raise.
   *
   * @param minutes minutes after the raise
   * @param recipient whom to notify
   * @return the level
   */
  public static AndonEscalationLevel afterRaise(long minutes, String recipient) {
    return new AndonEscalationLevel(Duration.ofMinutes(minutes), Anchor.RAISE, recipient);
  }

  /**
   * A level due some minutes after the previous level was due.
   *
   * @param minutes minutes after the previous level
   * @param recipient whom to notify
   * @return the level
   */
  public static AndonEscalationLevel afterPrevious(long minutes, String recipient) {
    return new AndonEscalationLevel(Duration.ofMinutes(minutes), Anchor.PREVIOUS_LEVEL, recipient);
  }
}
