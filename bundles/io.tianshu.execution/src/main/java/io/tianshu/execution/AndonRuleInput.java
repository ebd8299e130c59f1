package io.tianshu.execution;

import java.util.List;

/**
 * One escalation ladder of a plant, as given.
 *
 * @param category category the ladder is for
 * @param priority priority it is for, or null for any priority (a ladder for the call's own
 *     priority wins)
 * @param stopOnAcknowledge whether an acknowledgement stops the ladder (default true); if false it
 *     runs on until the call is resolved
 * @param levels the levels, at least one
 */
public record AndonRuleInput(
    String category, String priority, Boolean stopOnAcknowledge, List<AndonLevelInput> levels) {

  /**
   * One level of a ladder.
   *
   * @param delayMinutes minutes after the anchor, 0..10080
   * @param anchor RAISE (default) or PREVIOUS_LEVEL (after the previous level fell due)
   * @param recipient role or recipient to notify
   */
  public record AndonLevelInput(Integer delayMinutes, String anchor, String recipient) {}
}
