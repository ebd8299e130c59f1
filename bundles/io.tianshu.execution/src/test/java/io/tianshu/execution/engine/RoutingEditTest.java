package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.execution.OperationStatus;
import io.tianshu.execution.engine.OperationFlow.Report;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoutingEditTest {
  private static BigDecimal d(long v) {
    return BigDecimal.valueOf(v);
  }

  private static List<OperationQuantities> report(
      List<OperationQuantities> ops, int at, long good, long scrap) {
    return OperationFlow.report(ops, new Report(at, d(good), d(scrap), d(0), false)).operations();
  }

  private static void assertQty(OperationQuantities op, int seq, long in, long good, long wip) {
    assertThat(op.seq()).isEqualTo(seq);
    assertThat(op.in()).isEqualByComparingTo(d(in));
    assertThat(op.good()).isEqualByComparingTo(d(good));
    assertThat(op.inProgress()).isEqualByComparingTo(d(wip));
  }

  /**
   * 100 over 10 → 20 → 30; 10 reports 60 good, 20 reports 40 good and 5 scrap. By hand:
   *
   * <pre>
   *   10: in 100, good 60, wip 40
   *   20: in 60, good 40, scrap 5, wip 15
   *   30: in 40, nothing reported (READY)
   * insert 25: the 40 waiting at 30 move to 25, 30 gets 0 (WAITING)
   * remove 30: it received nothing, allowed; its components go to 25 (the one before, it was last)
   * 25 reports 40 good: 40 leave the routing as product.
   *   check: 100 = wip (40 + 15) + scrap 5 + completed 40
   * </pre>
   */
  @Test
  void insertTakesWhatWaitsAtTheNextOperationAndRemoveDropsAnEmptyOne() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20, 30), d(100));
    ops = report(ops, 0, 60, 0);
    ops = report(ops, 1, 40, 5);
    assertQty(ops.get(2), 30, 40, 0, 40);

    ops = RoutingEdit.insert(ops, 25);
    assertThat(ops).extracting(OperationQuantities::seq).containsExactly(10, 20, 25, 30);
    assertQty(ops.get(2), 25, 40, 0, 40);
    assertThat(ops.get(2).status()).isEqualTo(OperationStatus.READY);
    assertQty(ops.get(3), 30, 0, 0, 0);
    assertThat(ops.get(3).status()).isEqualTo(OperationStatus.WAITING);
    assertThat(RoutingEdit.violation(ops, d(100))).isNull();

    assertThat(RoutingEdit.componentsMoveTo(ops, 30)).isEqualTo(25);
    assertThat(RoutingEdit.componentsMoveTo(ops, 20)).isEqualTo(25);
    ops = RoutingEdit.remove(ops, 30);
    assertThat(ops).extracting(OperationQuantities::seq).containsExactly(10, 20, 25);

    OperationFlow.Result r = OperationFlow.report(ops, new Report(2, d(40), d(0), d(0), false));
    assertThat(r.completed()).isEqualByComparingTo(d(40));
    assertThat(RoutingEdit.violation(r.operations(), d(100))).isNull();
  }

  @Test
  void insertBeforeAnOperationWithReportsIsRefused() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20, 30), d(100));
    ops = report(ops, 0, 60, 0);
    ops = report(ops, 1, 40, 0);
    List<OperationQuantities> fixed = ops;
    assertThatThrownBy(() -> RoutingEdit.insert(fixed, 15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("seq: operation 20,");
    assertThatThrownBy(() -> RoutingEdit.insert(fixed, 5))
        .hasMessageStartingWith("seq: operation 10,");
    assertThatThrownBy(() -> RoutingEdit.insert(fixed, 20))
        .hasMessageStartingWith("seq: the order");
    assertThatThrownBy(() -> RoutingEdit.insert(fixed, 0)).hasMessageStartingWith("seq: must");
  }

  @Test
  void insertBeforeAStartedOperationIsRefused() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20), d(100));
    List<OperationQuantities> started = OperationFlow.setStatus(ops, 1, OperationStatus.STARTED);
    assertThatThrownBy(() -> RoutingEdit.insert(started, 15))
        .hasMessageStartingWith("seq: operation 20,");
  }

  @Test
  void insertBeforeTheFirstUnworkedOperationTakesTheWholeQuantity() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20), d(100));
    ops = RoutingEdit.insert(ops, 5);
    assertQty(ops.get(0), 5, 100, 0, 100);
    assertQty(ops.get(1), 10, 0, 0, 0);
    assertThat(ops.get(1).status()).isEqualTo(OperationStatus.WAITING);
    assertThat(RoutingEdit.violation(ops, d(100))).isNull();
  }

  @Test
  void appendingIsRefusedOnceProductLeftTheLastOperation() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20), d(100));
    ops = report(ops, 0, 50, 0);
    // nothing left 20 yet: appending 30 is allowed and it waits with nothing
    List<OperationQuantities> appended = RoutingEdit.insert(ops, 30);
    assertQty(appended.get(2), 30, 0, 0, 0);
    assertThat(RoutingEdit.violation(appended, d(100))).isNull();

    List<OperationQuantities> shipped = report(ops, 1, 10, 0);
    assertThatThrownBy(() -> RoutingEdit.insert(shipped, 30))
        .hasMessageStartingWith("seq: product already left the last operation 20");
  }

  @Test
  void insertBeforeASkippedEmptyOperationKeepsItSkipped() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20, 30), d(100));
    ops = OperationFlow.skip(ops, 2).operations();
    ops = RoutingEdit.insert(ops, 25);
    assertThat(ops.get(3).status()).isEqualTo(OperationStatus.SKIPPED);
    assertQty(ops.get(2), 25, 0, 0, 0);
    assertThat(RoutingEdit.violation(ops, d(100))).isNull();
  }

  @Test
  void removeOfAnOperationWithQuantityIsRefused() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20, 30), d(100));
    List<OperationQuantities> reported = report(ops, 0, 30, 0);
    // 10 has reports, 20 has 30 waiting (work in progress), 30 nothing
    assertThatThrownBy(() -> RoutingEdit.remove(reported, 10))
        .hasMessageStartingWith("seq: operation 10 has received quantity");
    assertThatThrownBy(() -> RoutingEdit.remove(reported, 20))
        .hasMessageStartingWith("seq: operation 20 has received quantity");
    assertThatThrownBy(() -> RoutingEdit.remove(reported, 40))
        .hasMessageStartingWith("seq: not an operation");
    List<OperationQuantities> after = RoutingEdit.remove(reported, 30);
    assertThat(after).extracting(OperationQuantities::seq).containsExactly(10, 20);
    List<OperationQuantities> single = OperationFlow.release(List.of(10), d(0));
    assertThatThrownBy(() -> RoutingEdit.remove(single, 10))
        .hasMessageStartingWith("seq: the only operation");
  }

  @Test
  void removeInTheMiddleLetsTheNextReceiveFromTheOneBefore() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20, 30), d(100));
    ops = RoutingEdit.remove(ops, 20);
    ops = report(ops, 0, 60, 0);
    assertQty(ops.get(1), 30, 60, 0, 60);
    assertThat(RoutingEdit.violation(ops, d(100))).isNull();
  }

  /**
   * Random reports, skips, inserts and removes: after every step the flow holds, the order quantity
   * is all scrap, rework and work in progress plus what left the routing, and what left it is the
   * last operation's good output. Refusals leave the operations as they were and happen only where
   * the rule says.
   */
  @Test
  void randomEditSequencesConserveQuantity() {
    Random rnd = new Random(20261122L);
    for (int run = 0; run < 500; run++) {
      BigDecimal qty = d(50 + rnd.nextInt(200));
      List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20, 30), qty);
      BigDecimal completed = BigDecimal.ZERO;
      for (int step = 0; step < 40; step++) {
        int kind = rnd.nextInt(4);
        int at = rnd.nextInt(ops.size());
        OperationQuantities op = ops.get(at);
        if (kind == 0) {
          long wip = op.inProgress().longValueExact();
          if (wip == 0 || op.status() == OperationStatus.SKIPPED) {
            continue;
          }
          long total = 1 + rnd.nextInt((int) wip);
          long scrap = rnd.nextInt((int) total + 1) / 3;
          long rework = rnd.nextInt(4) == 0 ? Math.min(1, total - scrap) : 0;
          OperationFlow.Result r =
              OperationFlow.report(
                  ops, new Report(at, d(total - scrap - rework), d(scrap), d(rework), false));
          ops = r.operations();
          completed = completed.add(r.completed());
        } else if (kind == 1) {
          if (op.reported() || op.status() == OperationStatus.SKIPPED) {
            continue;
          }
          OperationFlow.Result r = OperationFlow.skip(ops, at);
          ops = r.operations();
          completed = completed.add(r.completed());
        } else if (kind == 2) {
          int seq = 1 + rnd.nextInt(60);
          List<OperationQuantities> before = ops;
          try {
            ops = RoutingEdit.insert(ops, seq);
            assertThat(ops).hasSize(before.size() + 1);
          } catch (IllegalArgumentException e) {
            assertThat(insertRefused(before, seq)).as(e.getMessage()).isTrue();
            assertThat(ops).isSameAs(before);
          }
        } else {
          List<OperationQuantities> before = ops;
          try {
            ops = RoutingEdit.remove(ops, op.seq());
            assertThat(ops).hasSize(before.size() - 1);
            assertThat(op.in().signum()).isZero();
          } catch (IllegalArgumentException e) {
            assertThat(before.size() == 1 || op.in().signum() > 0).as(e.getMessage()).isTrue();
          }
        }
        assertThat(RoutingEdit.violation(ops, qty)).isNull();
        BigDecimal held = completed;
        for (OperationQuantities o : ops) {
          held = held.add(o.scrap()).add(o.rework()).add(o.inProgress());
        }
        assertThat(held).isEqualByComparingTo(qty);
        assertThat(ops.get(ops.size() - 1).good()).isEqualByComparingTo(completed);
      }
    }
  }

  private static boolean insertRefused(List<OperationQuantities> ops, int seq) {
    List<OperationQuantities> after = new ArrayList<>();
    for (OperationQuantities o : ops) {
      if (o.seq() == seq) {
        return true;
      }
      if (o.seq() > seq) {
        after.add(o);
      }
    }
    if (after.isEmpty()) {
      return ops.get(ops.size() - 1).good().signum() > 0;
    }
    OperationQuantities next = after.get(0);
    return next.reported()
        || next.status() == OperationStatus.STARTED
        || next.status() == OperationStatus.PAUSED;
  }
}
