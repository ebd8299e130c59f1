package io.tianshu.resource;

/** Kinds of plant resources. */
public enum ResourceType {
  MACHINE,
  TOOL,
  FIXTURE,
  MOULD,
  GAUGE
}
