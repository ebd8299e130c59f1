package io.tianshu.execution;

/**
 * Where an Andon call is: raised on the floor, acknowledged by someone who is on it, resolved (the
 * line runs again) and closed after review. A call may be resolved without an acknowledgement.
 */
public enum AndonStatus {
  /** Raised, nobody has responded yet (已呼叫). */
  RAISED,
  /** Someone is on it (已响应). */
  ACKNOWLEDGED,
  /** The problem is solved (已解决). */
  RESOLVED,
  /** Reviewed and closed (已关闭). */
  CLOSED;

  /** True while the call is open: escalation may still run. */
  public boolean open() {
    return this == RAISED || this == ACKNOWLEDGED;
  }
}
