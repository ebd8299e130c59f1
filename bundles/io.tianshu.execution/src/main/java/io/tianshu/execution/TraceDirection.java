package io.tianshu.execution;

/** BACKWARD: what went into a lot (where-from); FORWARD: where a lot went (where-used, recall). */
public enum TraceDirection {
  BACKWARD,
  FORWARD
}
