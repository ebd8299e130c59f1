package io.tianshu.execution.engine;

/** Priority of an Andon call, most urgent first. */
public enum AndonPriority {
  /** Line stopped or safety issue. */
  CRITICAL,
  /** Line at risk of stopping. */
  HIGH,
  /** Ordinary call. */
  NORMAL,
  /** Can wait. */
  LOW
}
