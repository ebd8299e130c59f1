package io.tianshu.execution;

/**
 * STANDARD production, REWORK (repair of already made units, usually with its own routing), or
 * BATCH (合批): one run of several orders of the same process.
 */
public enum WorkOrderKind {
  STANDARD,
  REWORK,
  BATCH
}
