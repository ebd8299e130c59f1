package io.tianshu.quality.sampling;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of the switching state machine.
 *
 * @param state the state after the lot
 * @param reason why the severity changed, or {@link TransitionReason#NONE}
 * @param judgement the judgement of the lot (empty for {@link SwitchingRules#resume})
 * @param detail a human-readable account of the step, for the audit trail
 */
public record Transition(
    SwitchingState state,
    TransitionReason reason,
    Optional<LotJudgement> judgement,
    String detail) {

  /** Validates. */
  public Transition {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(judgement, "judgement");
    Objects.requireNonNull(detail, "detail");
  }
}
