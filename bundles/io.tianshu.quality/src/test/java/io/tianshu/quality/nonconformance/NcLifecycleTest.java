package io.tianshu.quality.nonconformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NcLifecycleTest {

  /** The whole table, written out by hand: every status × action; absent means refused. */
  private static final Map<String, NcStatus> ALLOWED =
      Map.of(
          "OPEN PROPOSE", NcStatus.PROPOSED,
          "OPEN CANCEL", NcStatus.CANCELLED,
          "PROPOSED PROPOSE", NcStatus.PROPOSED,
          "PROPOSED APPROVE", NcStatus.APPROVED,
          "PROPOSED REJECT", NcStatus.OPEN,
          "PROPOSED CANCEL", NcStatus.CANCELLED,
          "APPROVED EXECUTE", NcStatus.EXECUTED,
          "EXECUTED CLOSE", NcStatus.CLOSED);

  @Test
  void everyStatusAndActionAgainstTheTable() {
    Map<String, NcStatus> seen = new HashMap<>();
    int refused = 0;
    for (NcStatus s : NcStatus.values()) {
      for (NcAction a : NcAction.values()) {
        var next = NcLifecycle.next(s, a);
        if (next.isPresent()) {
          seen.put(s + " " + a, next.get());
        } else {
          refused++;
        }
      }
    }
    assertThat(seen).isEqualTo(ALLOWED);
    // 6 statuses × 6 actions = 36, 8 allowed
    assertThat(refused).isEqualTo(28);
  }

  @Test
  void closedAndCancelledAreFinal() {
    for (NcAction a : NcAction.values()) {
      assertThat(NcLifecycle.next(NcStatus.CLOSED, a)).isEmpty();
      assertThat(NcLifecycle.next(NcStatus.CANCELLED, a)).isEmpty();
    }
  }

  @Test
  void requireNamesStatusAndAction() {
    assertThat(NcLifecycle.require(NcStatus.APPROVED, NcAction.EXECUTE))
        .isEqualTo(NcStatus.EXECUTED);
    assertThatThrownBy(() -> NcLifecycle.require(NcStatus.APPROVED, NcAction.CANCEL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CANCEL")
        .hasMessageContaining("APPROVED");
  }
}
