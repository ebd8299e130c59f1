package io.tianshu.execution;

/**
 * Where a work order is in its life. PLANNED orders may still change; RELEASED orders carry their
 * own copy of the BOM and routing and may be worked; STARTED orders have had a report; COMPLETED
 * orders take no more reports but may still be corrected; CLOSED and CANCELLED are final.
 */
public enum WorkOrderStatus {
  PLANNED,
  RELEASED,
  STARTED,
  COMPLETED,
  CLOSED,
  CANCELLED
}
