package io.tianshu.execution;

import io.tianshu.execution.engine.AndonCategory;
import io.tianshu.execution.engine.AndonEscalationLevel;
import io.tianshu.execution.engine.AndonPriority;
import java.util.List;

/**
 * A plant's escalation ladder for a category (and maybe one priority).
 *
 * @param id id
 * @param plantId plant
 * @param category category
 * @param priority priority, or null for any
 * @param stopOnAcknowledge whether an acknowledgement stops the ladder
 * @param levels the levels, numbered from 1
 */
public record AndonRule(
    long id,
    long plantId,
    AndonCategory category,
    AndonPriority priority,
    boolean stopOnAcknowledge,
    List<Level> levels) {

  /** Copies the list. */
  public AndonRule {
    levels = List.copyOf(levels);
  }

  /**
   * One level.
   *
   * @param level number from 1
   * @param delayMinutes minutes after the anchor
   * @param anchor RAISE or PREVIOUS_LEVEL
   * @param recipient whom to notify
   */
  public record Level(
      int level, int delayMinutes, AndonEscalationLevel.Anchor anchor, String recipient) {}
}
