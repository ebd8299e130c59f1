package io.tianshu.resource;

/** Whether a resource can be planned on. */
public enum ResourceStatus {
  ACTIVE,
  MAINTENANCE,
  RETIRED
}
