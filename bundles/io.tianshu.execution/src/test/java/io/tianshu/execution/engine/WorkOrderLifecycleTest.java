package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.execution.engine.WorkOrderLifecycle.Action;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WorkOrderLifecycleTest {
  @Test
  void theHappyPath() {
    WorkOrderStatus s = WorkOrderStatus.PLANNED;
    s = WorkOrderLifecycle.next(s, Action.RELEASE);
    assertThat(s).isEqualTo(WorkOrderStatus.RELEASED);
    s = WorkOrderLifecycle.next(s, Action.REPORT);
    assertThat(s).isEqualTo(WorkOrderStatus.STARTED);
    s = WorkOrderLifecycle.next(s, Action.REPORT);
    assertThat(s).isEqualTo(WorkOrderStatus.STARTED);
    s = WorkOrderLifecycle.next(s, Action.COMPLETE);
    assertThat(s).isEqualTo(WorkOrderStatus.COMPLETED);
    s = WorkOrderLifecycle.next(s, Action.CLOSE);
    assertThat(s).isEqualTo(WorkOrderStatus.CLOSED);
  }

  /** The whole table, written out: every status × action either allowed or refused. */
  @Test
  void everyPairOfStatusAndAction() {
    String expected =
        """
        PLANNED: RELEASE CANCEL SPLIT EDIT TRANSFER MERGE
        RELEASED: START REPORT COMPLETE CANCEL SPLIT EDIT TRANSFER
        STARTED: REPORT COMPLETE SPLIT TRANSFER
        COMPLETED: CLOSE
        CLOSED:
        CANCELLED:
        """;
    StringBuilder actual = new StringBuilder();
    for (WorkOrderStatus s : WorkOrderStatus.values()) {
      actual.append(s).append(':');
      for (Action a : Action.values()) {
        if (WorkOrderLifecycle.allowed(s, a)) {
          actual.append(' ').append(a);
        }
      }
      actual.append('\n');
    }
    assertThat(actual.toString()).isEqualTo(expected);
  }

  @Test
  void refusedMovesSayWhy() {
    assertThatThrownBy(() -> WorkOrderLifecycle.next(WorkOrderStatus.STARTED, Action.CANCEL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("A STARTED work order cannot be cancelled");
    assertThat(WorkOrderLifecycle.from(Action.CLOSE))
        .isEqualTo(EnumSet.of(WorkOrderStatus.COMPLETED));
  }
}
