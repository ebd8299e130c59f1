package io.tianshu.change;

import java.util.Set;

/**
 * Where a change order stands. Draft → evaluated → approved → released; editing an evaluated change
 * returns it to draft (its evaluation no longer holds); a change may be rejected when evaluated and
 * cancelled until released. Released, rejected and cancelled are final.
 */
public enum ChangeStatus {
  DRAFT,
  EVALUATED,
  APPROVED,
  RELEASED,
  REJECTED,
  CANCELLED;

  /** The statuses this one may move to. */
  public Set<ChangeStatus> next() {
    return switch (this) {
      case DRAFT -> Set.of(EVALUATED, CANCELLED);
      case EVALUATED -> Set.of(DRAFT, APPROVED, REJECTED, CANCELLED);
      case APPROVED -> Set.of(RELEASED, CANCELLED);
      case RELEASED, REJECTED, CANCELLED -> Set.of();
    };
  }

  public boolean canMoveTo(ChangeStatus target) {
    return next().contains(target);
  }
}
