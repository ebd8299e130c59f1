package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.execution.OperationStatus;
import io.tianshu.execution.engine.OperationFlow.Report;
import io.tianshu.execution.engine.OperationFlow.Result;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OperationFlowTest {
  private static BigDecimal d(long v) {
    return BigDecimal.valueOf(v);
  }

  private static Report report(int at, long good, long scrap, long rework) {
    return new Report(at, d(good), d(scrap), d(rework), false);
  }

  /**
   * 100 units over 10 → 20 → 30. Op 10 reports 60 good + 2 scrap, then 30 good + 3 rework; op 20
   * reports 80 good + 5 scrap; op 30 reports 70 good. The reworked 3 come back 2 good + 1 scrap and
   * flow through. Worked by hand:
   *
   * <pre>
   *   op 10: in 100, good 60+30+2 = 92, scrap 2+1 = 3, rework 3-3 = 0, wip 5
   *   op 20: in 92, good 80, scrap 5, wip 7
   *   op 30: in 80, good 70, wip 10 → 70 completed
   *   check: 100 = scrap (3+5) + wip (5+7+10) + completed 70
   * </pre>
   */
  @Test
  void handWorkedThreeOperations() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20, 30), d(100));
    assertThat(ops.get(0).status()).isEqualTo(OperationStatus.READY);
    assertThat(ops.get(1).status()).isEqualTo(OperationStatus.WAITING);
    Result r = OperationFlow.report(ops, report(0, 60, 2, 0));
    assertThat(r.operations().get(1).in()).isEqualByComparingTo("60");
    assertThat(r.operations().get(1).status()).isEqualTo(OperationStatus.READY);
    assertThat(r.completed()).isEqualByComparingTo("0");
    r = OperationFlow.report(r.operations(), report(0, 30, 0, 3));
    r = OperationFlow.report(r.operations(), report(1, 80, 5, 0));
    r = OperationFlow.report(r.operations(), report(2, 70, 0, 0));
    assertThat(r.completed()).isEqualByComparingTo("70");
    r = OperationFlow.report(r.operations(), new Report(0, d(2), d(1), null, true));
    List<OperationQuantities> o = r.operations();
    assertThat(o.get(0).good()).isEqualByComparingTo("92");
    assertThat(o.get(0).scrap()).isEqualByComparingTo("3");
    assertThat(o.get(0).rework()).isEqualByComparingTo("0");
    assertThat(o.get(0).inProgress()).isEqualByComparingTo("5");
    assertThat(o.get(1).in()).isEqualByComparingTo("92");
    assertThat(o.get(1).inProgress()).isEqualByComparingTo("7");
    assertThat(o.get(2).in()).isEqualByComparingTo("80");
    assertThat(o.get(2).inProgress()).isEqualByComparingTo("10");
    assertThat(o.get(0).status()).isEqualTo(OperationStatus.STARTED);
  }

  @Test
  void operationsFinishInOrder() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20), d(10));
    Result r = OperationFlow.report(ops, report(0, 9, 1, 0));
    assertThat(r.operations().get(0).status()).isEqualTo(OperationStatus.DONE);
    assertThat(r.operations().get(1).status()).isEqualTo(OperationStatus.READY);
    r = OperationFlow.report(r.operations(), report(1, 9, 0, 0));
    assertThat(r.operations().get(1).status()).isEqualTo(OperationStatus.DONE);
    assertThat(r.completed()).isEqualByComparingTo("9");
  }

  @Test
  void aLaterOperationIsNotDoneWhileEarlierOnesStillWork() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20), d(10));
    Result r = OperationFlow.report(ops, report(0, 4, 0, 0));
    r = OperationFlow.report(r.operations(), report(1, 4, 0, 0));
    assertThat(r.operations().get(1).inProgress()).isEqualByComparingTo("0");
    assertThat(r.operations().get(1).status()).isEqualTo(OperationStatus.STARTED);
  }

  @Test
  void skippedOperationsPassWorkOn() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20, 30), d(10));
    Result r = OperationFlow.skip(ops, 1);
    r = OperationFlow.report(r.operations(), report(0, 6, 0, 0));
    assertThat(r.operations().get(1).good()).isEqualByComparingTo("6");
    assertThat(r.operations().get(2).in()).isEqualByComparingTo("6");
    r = OperationFlow.skip(r.operations(), 2);
    assertThat(r.completed()).isEqualByComparingTo("6");
    r = OperationFlow.report(r.operations(), report(0, 4, 0, 0));
    assertThat(r.completed()).isEqualByComparingTo("4");
    assertThatThrownBy(() -> OperationFlow.report(ops, report(0, 11, 0, 0)))
        .hasMessageStartingWith("good: 11 reported but only 10 in progress");
  }

  @Test
  void refusals() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20), d(10));
    assertThatThrownBy(() -> OperationFlow.report(ops, report(1, 1, 0, 0)))
        .hasMessageStartingWith("good: 1 reported but only 0 in progress at operation 20");
    assertThatThrownBy(() -> OperationFlow.report(ops, report(0, 0, 0, 0)))
        .hasMessageStartingWith("good: nothing reported");
    assertThatThrownBy(() -> OperationFlow.report(ops, report(0, -1, 2, 0)))
        .hasMessageStartingWith("good: must not be negative");
    assertThatThrownBy(() -> OperationFlow.report(ops, report(2, 1, 0, 0)))
        .hasMessageStartingWith("operationSeq:");
    assertThatThrownBy(() -> OperationFlow.report(ops, new Report(0, d(1), null, null, true)))
        .hasMessageContaining("held for rework");
    Result r = OperationFlow.report(ops, report(0, 1, 0, 0));
    assertThatThrownBy(() -> OperationFlow.skip(r.operations(), 0))
        .hasMessageStartingWith("operationSeq: operation 10 has reports");
    assertThatThrownBy(() -> OperationFlow.reduce(r.operations(), d(10)))
        .hasMessageStartingWith("quantity: only 9 is not yet worked");
    List<OperationQuantities> reduced = OperationFlow.reduce(r.operations(), d(9));
    assertThat(reduced.get(0).in()).isEqualByComparingTo("1");
    assertThat(reduced.get(0).status()).isEqualTo(OperationStatus.DONE);
  }

  /**
   * Random report sequences (valid and invalid, from rework, skips, splits) over random routings:
   * after every accepted step the order quantity equals scrap + rework + in progress + completed,
   * each operation's input is its predecessor's good, and no quantity is negative.
   */
  @Test
  void quantitiesAreConservedOverRandomSequences() {
    Random rnd = new Random(20261122);
    int accepted = 0;
    for (int run = 0; run < 500; run++) {
      int n = 1 + rnd.nextInt(5);
      List<Integer> seqs = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        seqs.add((i + 1) * 10);
      }
      BigDecimal quantity = d(1 + rnd.nextInt(200));
      BigDecimal order = quantity;
      List<OperationQuantities> ops = OperationFlow.release(seqs, quantity);
      BigDecimal completed = BigDecimal.ZERO;
      for (int step = 0; step < 60; step++) {
        int at = rnd.nextInt(n);
        try {
          int kind = rnd.nextInt(20);
          Result r;
          if (kind == 0) {
            r = OperationFlow.skip(ops, at);
          } else if (kind == 1) {
            BigDecimal q = d(1 + rnd.nextInt(20));
            ops = OperationFlow.reduce(ops, q);
            order = order.subtract(q);
            r = new Result(ops, BigDecimal.ZERO);
          } else if (kind < 5) {
            r =
                OperationFlow.report(
                    ops, new Report(at, d(rnd.nextInt(5)), d(rnd.nextInt(3)), null, true));
          } else {
            r =
                OperationFlow.report(
                    ops, report(at, rnd.nextInt(12), rnd.nextInt(3), rnd.nextInt(2)));
          }
          ops = r.operations();
          completed = completed.add(r.completed());
          accepted++;
        } catch (IllegalArgumentException refused) {
          // refused reports change nothing; the invariants below still hold
        }
        BigDecimal total = completed;
        for (int i = 0; i < n; i++) {
          OperationQuantities op = ops.get(i);
          assertThat(op.inProgress().signum()).isGreaterThanOrEqualTo(0);
          total = total.add(op.scrap()).add(op.rework()).add(op.inProgress());
          if (i > 0) {
            assertThat(op.in()).isEqualByComparingTo(ops.get(i - 1).good());
          }
        }
        assertThat(total).as("run %d step %d", run, step).isEqualByComparingTo(order);
        assertThat(completed).isEqualByComparingTo(ops.get(n - 1).good());
      }
    }
    // most steps must be real changes, or the invariants above would prove little
    assertThat(accepted).isGreaterThan(500 * 60 / 4);
  }
}
