package io.tianshu.execution.engine;

import io.tianshu.execution.WorkOrderStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed moves of a work order. The table is the rule; the server asks it before every change
 * of status so that no path (REST, console, a connector) can skip a step.
 */
public final class WorkOrderLifecycle {
  /** What a user or the system does to an order. */
  public enum Action {
    RELEASE,
    START,
    REPORT,
    COMPLETE,
    CLOSE,
    CANCEL,
    SPLIT,
    EDIT,
    /** Move the order to another line. */
    TRANSFER,
    /** Merge into a batch order (合批). */
    MERGE
  }

  private static final Map<Action, Set<WorkOrderStatus>> FROM =
      Map.of(
          Action.RELEASE, EnumSet.of(WorkOrderStatus.PLANNED),
          Action.START, EnumSet.of(WorkOrderStatus.RELEASED),
          Action.REPORT, EnumSet.of(WorkOrderStatus.RELEASED, WorkOrderStatus.STARTED),
          Action.COMPLETE, EnumSet.of(WorkOrderStatus.RELEASED, WorkOrderStatus.STARTED),
          Action.CLOSE, EnumSet.of(WorkOrderStatus.COMPLETED),
          // A started order has stock movements behind it: it is completed (forced), not cancelled.
          Action.CANCEL, EnumSet.of(WorkOrderStatus.PLANNED, WorkOrderStatus.RELEASED),
          Action.SPLIT,
              EnumSet.of(
                  WorkOrderStatus.PLANNED, WorkOrderStatus.RELEASED, WorkOrderStatus.STARTED),
          Action.EDIT, EnumSet.of(WorkOrderStatus.PLANNED, WorkOrderStatus.RELEASED),
          Action.TRANSFER,
              EnumSet.of(
                  WorkOrderStatus.PLANNED, WorkOrderStatus.RELEASED, WorkOrderStatus.STARTED),
          Action.MERGE, EnumSet.of(WorkOrderStatus.PLANNED));

  private WorkOrderLifecycle() {}

  public static boolean allowed(WorkOrderStatus from, Action action) {
    return FROM.get(action).contains(from);
  }

  /** The status after {@code action}; throws when the action is not allowed from {@code from}. */
  public static WorkOrderStatus next(WorkOrderStatus from, Action action) {
    if (!allowed(from, action)) {
      throw new IllegalStateException(
          "A "
              + from
              + " work order cannot be "
              + verb(action)
              + " / 状态为 "
              + from
              + " 的工单不能执行 "
              + action);
    }
    return switch (action) {
      case RELEASE -> WorkOrderStatus.RELEASED;
      case START, REPORT -> WorkOrderStatus.STARTED;
      case COMPLETE -> WorkOrderStatus.COMPLETED;
      case CLOSE -> WorkOrderStatus.CLOSED;
      case CANCEL -> WorkOrderStatus.CANCELLED;
      case SPLIT, EDIT, TRANSFER -> from;
      case MERGE -> WorkOrderStatus.CANCELLED;
    };
  }

  /** The statuses from which {@code action} is allowed. */
  public static Set<WorkOrderStatus> from(Action action) {
    return EnumSet.copyOf(FROM.get(action));
  }

  private static String verb(Action action) {
    return switch (action) {
      case RELEASE -> "released";
      case START -> "started";
      case REPORT -> "reported on";
      case COMPLETE -> "completed";
      case CLOSE -> "closed";
      case CANCEL -> "cancelled";
      case SPLIT -> "split";
      case EDIT -> "edited";
      case TRANSFER -> "moved to another line";
      case MERGE -> "merged";
    };
  }
}
