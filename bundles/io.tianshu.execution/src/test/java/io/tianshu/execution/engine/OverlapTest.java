package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.execution.engine.OperationFlow.Report;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapTest {
  private static BigDecimal d(long v) {
    return BigDecimal.valueOf(v);
  }

  @Test
  void theSuccessorWaitsForItsShareOfThePredecessor() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20), d(100));
    // overlap 30 %: operation 20 starts once 70 of the 100 are finished at 10
    ops = OperationFlow.report(ops, new Report(0, d(50), d(5), d(4), false)).operations();
    List<OperationQuantities> at59 = ops;
    assertThatThrownBy(() -> Overlap.check(at59, 1, d(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("operationSeq: operation 20 overlaps its predecessor 10 by 30%")
        .hasMessageContaining(" / 工序 20");
    assertThat(Overlap.refusal(ops, 1, null)).isNull();
    assertThat(Overlap.refusal(ops, 1, d(100))).isNull();
    assertThat(Overlap.refusal(ops, 1, d(50))).isNull();
    ops = OperationFlow.report(ops, new Report(0, d(11), null, null, false)).operations();
    assertThat(Overlap.refusal(ops, 1, d(30))).isNull();
    // finish-to-start (0 %) waits for all of it: done at 10
    assertThat(Overlap.refusal(ops, 1, d(0))).isNotNull();
    ops = OperationFlow.report(ops, new Report(0, d(30), null, null, false)).operations();
    // everything reported (4 of it held for rework counts as finished): not done, but 100 %
    assertThat(Overlap.refusal(ops, 1, d(0))).isNull();
    ops = OperationFlow.report(ops, new Report(0, d(4), null, null, true)).operations();
    assertThat(Overlap.refusal(ops, 1, d(0))).isNull();
    // the first operation has no predecessor
    assertThat(Overlap.refusal(ops, 0, d(0))).isNull();
  }
}
