package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutsourcingTest {
  private static BigDecimal d(long v) {
    return BigDecimal.valueOf(v);
  }

  /**
   * 20 units over 10 → 20 → 30 → 40; 20 and 30 are done by one supplier. Op 10 reports 20 good; 15
   * are sent at op 20; the supplier returns 12 good + 1 scrap through op 30: op 20 good 13 (passed
   * on), op 30 in 13, good 12, scrap 1; op 40 receives 12; 2 are still at the supplier and 5 at op
   * 20 here.
   */
  @Test
  void consecutiveOperationsAtOneSupplier() {
    List<OperationQuantities> ops =
        OperationFlow.report(
                OperationFlow.release(List.of(10, 20, 30, 40), d(20)),
                new OperationFlow.Report(0, d(20), null, null, false))
            .operations();
    List<BigDecimal> held = new ArrayList<>(List.of(d(0), d(0), d(0), d(0)));
    held.set(1, Outsourcing.send(ops.get(1), held.get(1), d(15)));
    assertThatThrownBy(() -> Outsourcing.send(ops0(ops), d(15), d(6)))
        .hasMessageStartingWith("quantity: 6 to send but only 5 in progress here");
    Outsourcing.Received r = Outsourcing.receive(ops, held, 1, 2, d(12), d(1));
    assertThat(r.atSupplier().get(1)).isEqualByComparingTo("2");
    assertThat(r.operations().get(1).good()).isEqualByComparingTo("13");
    assertThat(r.operations().get(2).in()).isEqualByComparingTo("13");
    assertThat(r.operations().get(2).good()).isEqualByComparingTo("12");
    assertThat(r.operations().get(2).scrap()).isEqualByComparingTo("1");
    assertThat(r.operations().get(3).in()).isEqualByComparingTo("12");
    assertThat(r.operations().get(1).inProgress()).isEqualByComparingTo("7");
    assertThat(r.completed()).isEqualByComparingTo("0");
    assertThatThrownBy(() -> Outsourcing.receive(r.operations(), r.atSupplier(), 1, 1, d(3), null))
        .hasMessageStartingWith("good: 3 received but only 2 is at the supplier");
  }

  @Test
  void theLastOperationOutsourcedCompletesTheOrder() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10), d(5));
    List<BigDecimal> held = List.of(Outsourcing.send(ops.get(0), d(0), d(5)));
    Outsourcing.Received r = Outsourcing.receive(ops, held, 0, 0, d(5), null);
    assertThat(r.completed()).isEqualByComparingTo("5");
    assertThat(r.atSupplier().get(0)).isEqualByComparingTo("0");
  }

  private static OperationQuantities ops0(List<OperationQuantities> ops) {
    return ops.get(1);
  }
}
