package io.tianshu.quality.nonconformance;

/** What can be done to a nonconformance. */
public enum NcAction {
  /** Propose (or replace the proposed) dispositions. */
  PROPOSE,
  /** MRB approves the proposal. */
  APPROVE,
  /** MRB sends the proposal back. */
  REJECT,
  /** Carry the approved dispositions out. */
  EXECUTE,
  CLOSE,
  CANCEL
}
