package io.tianshu.execution.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the engine says about a call at a given moment.
 *
 * @param callId the call
 * @param currentLevel the highest level reached: notified before or due now; 0 if none
 * @param due levels to notify now, lowest first; each level appears here only until the caller
 *     records it in {@link AndonCall#notifiedLevels()}
 * @param nextDueAt when the next not yet due level falls due, if escalation is still running
 * @param stopped true if the call is resolved, or acknowledged under a rule that stops on
 *     acknowledgement
 */
public record AndonEscalationStatus(
    String callId,
    int currentLevel,
    List<AndonDueEscalation> due,
    Optional<Instant> nextDueAt,
    boolean stopped) {

  /** Copies the list. */
  public AndonEscalationStatus {
    due = List.copyOf(due);
  }
}
