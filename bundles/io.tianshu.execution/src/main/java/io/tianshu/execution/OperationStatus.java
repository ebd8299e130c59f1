package io.tianshu.execution;

/**
 * An order operation's state: WAITING for input, READY (input arrived), STARTED, PAUSED, DONE (all
 * its input reported) or SKIPPED (everything it receives passes on unworked).
 */
public enum OperationStatus {
  WAITING,
  READY,
  STARTED,
  PAUSED,
  DONE,
  SKIPPED
}
