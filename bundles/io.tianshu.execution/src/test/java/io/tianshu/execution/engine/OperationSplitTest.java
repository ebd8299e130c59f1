package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.execution.OperationStatus;
import io.tianshu.execution.engine.OperationFlow.Report;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OperationSplitTest {
  private static BigDecimal d(long v) {
    return BigDecimal.valueOf(v);
  }

  private static Report good(int at, long g) {
    return new Report(at, d(g), BigDecimal.ZERO, BigDecimal.ZERO, false);
  }

  @Test
  void sixtyFortyReportedSeparatelyAndMergedBack() {
    List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20), d(100));
    ops = OperationFlow.report(ops, good(0, 100)).operations();
    OperationQuantities op20 = ops.get(1);
    List<OperationPart> parts = OperationSplit.split(op20, List.of(), null, List.of(d(60), d(40)));
    assertThat(parts).extracting(OperationPart::partNo).containsExactly(1, 2);
    assertThat(OperationSplit.rest(op20, parts).in()).isEqualByComparingTo("0");

    // part 1 reports 55 good and 5 scrap, part 2 reports 40 good
    Report r1 = new Report(1, d(55), d(5), BigDecimal.ZERO, false);
    parts = OperationSplit.report(ops.get(1), parts, 1, r1);
    ops = OperationFlow.report(ops, r1).operations();
    Report r2 = good(1, 40);
    List<OperationPart> before2 = parts;
    OperationQuantities op20now = ops.get(1);
    // part 2 holds 40: 41 is refused although the operation still has 40 in progress
    assertThatThrownBy(() -> OperationSplit.report(op20now, before2, 2, good(1, 41)))
        .hasMessageStartingWith("good: 41 reported but only 40 in progress in part 2");
    parts = OperationSplit.report(ops.get(1), parts, 2, r2);
    OperationFlow.Result res = OperationFlow.report(ops, r2);
    assertThat(res.completed()).isEqualByComparingTo("40");
    assertThat(parts.get(0).good()).isEqualByComparingTo("55");
    assertThat(parts.get(0).scrap()).isEqualByComparingTo("5");
    assertThat(parts.get(1).good()).isEqualByComparingTo("40");
    assertThat(OperationSplit.violation(res.operations().get(1), parts)).isNull();

    List<OperationPart> merged = OperationSplit.merge(res.operations().get(1), parts, null, null);
    assertThat(merged).isEmpty();
    OperationPart rest = OperationSplit.rest(res.operations().get(1), merged);
    assertThat(rest.good()).isEqualByComparingTo("95");
    assertThat(rest.scrap()).isEqualByComparingTo("5");
    assertThat(rest.in()).isEqualByComparingTo("100");
  }

  @Test
  void refusals() {
    OperationQuantities op = OperationQuantities.waiting(10, d(100));
    assertThatThrownBy(() -> OperationSplit.split(op, List.of(), null, List.of(d(101))))
        .hasMessageStartingWith("quantity:");
    assertThatThrownBy(() -> OperationSplit.split(op, List.of(), null, List.of(d(0))))
        .hasMessageStartingWith("quantity:");
    assertThatThrownBy(() -> OperationSplit.split(op, List.of(), null, List.of()))
        .hasMessageStartingWith("parts:");
    assertThatThrownBy(() -> OperationSplit.split(op, List.of(), 3, List.of(d(1))))
        .hasMessageStartingWith("fromPart:");
    assertThatThrownBy(() -> OperationSplit.merge(op, List.of(), null, null))
        .hasMessageStartingWith("parts:");
    List<OperationPart> parts = OperationSplit.split(op, List.of(), null, List.of(d(30)));
    assertThatThrownBy(() -> OperationSplit.merge(op, parts, List.of(7), null))
        .hasMessageStartingWith("parts:");
    assertThatThrownBy(() -> OperationSplit.merge(op, parts, null, 9))
        .hasMessageStartingWith("intoPart:");
    // the rest holds 70: a report of 71 without a part is refused
    assertThatThrownBy(() -> OperationSplit.report(op, parts, null, good(0, 71)))
        .hasMessageStartingWith("good:");
    // splitting a part further, and merging into a part
    List<OperationPart> more = OperationSplit.split(op, parts, 1, List.of(d(10)));
    assertThat(more).extracting(OperationPart::in).containsExactly(d(20), d(10));
    List<OperationPart> back = OperationSplit.merge(op, more, List.of(2), 1);
    assertThat(back).hasSize(1);
    assertThat(back.get(0).in()).isEqualByComparingTo("30");
    OperationQuantities skipped =
        new OperationQuantities(
            10, OperationStatus.SKIPPED, d(0), d(0), BigDecimal.ZERO, BigDecimal.ZERO);
    assertThatThrownBy(() -> OperationSplit.split(skipped, List.of(), null, List.of(d(1))))
        .hasMessageStartingWith("operationSeq:");
  }

  /**
   * Random sequences of reports (on parts and on the rest, from rework too), splits and merges over
   * a three-operation order: the flow always holds, every operation's parts fit it, and the parts
   * plus the rest add up to the operation field by field.
   */
  @Test
  void partsAlwaysAddUpOverRandomSequences() {
    Random rnd = new Random(20261122);
    int accepted = 0;
    for (int round = 0; round < 300; round++) {
      BigDecimal qty = d(1 + rnd.nextInt(200));
      List<OperationQuantities> ops = OperationFlow.release(List.of(10, 20, 30), qty);
      Map<Integer, List<OperationPart>> parts = new HashMap<>();
      BigDecimal completed = BigDecimal.ZERO;
      for (int step = 0; step < 60; step++) {
        int at = rnd.nextInt(3);
        OperationQuantities op = ops.get(at);
        List<OperationPart> ps = parts.getOrDefault(at, List.of());
        Integer part =
            ps.isEmpty() || rnd.nextInt(3) == 0 ? null : ps.get(rnd.nextInt(ps.size())).partNo();
        try {
          switch (rnd.nextInt(4)) {
            case 0 -> {
              List<BigDecimal> qs = new ArrayList<>();
              for (int k = 0; k <= rnd.nextInt(3); k++) {
                qs.add(d(rnd.nextInt(30)));
              }
              parts.put(at, OperationSplit.split(op, ps, part, qs));
            }
            case 1 -> {
              List<Integer> which = new ArrayList<>();
              for (OperationPart p : ps) {
                if (rnd.nextBoolean()) {
                  which.add(p.partNo());
                }
              }
              parts.put(at, OperationSplit.merge(op, ps, which, part));
            }
            default -> {
              boolean fromRework = rnd.nextInt(4) == 0;
              Report r =
                  new Report(
                      at,
                      d(rnd.nextInt(25)),
                      d(rnd.nextInt(4)),
                      fromRework ? BigDecimal.ZERO : d(rnd.nextInt(3)),
                      fromRework);
              List<OperationPart> after = OperationSplit.report(op, ps, part, r);
              OperationFlow.Result res = OperationFlow.report(ops, r);
              ops = res.operations();
              completed = completed.add(res.completed());
              parts.put(at, after);
            }
          }
          accepted++;
        } catch (IllegalArgumentException e) {
          assertThat(e.getMessage()).matches("^[a-zA-Z]+: .*");
        }
        assertThat(RoutingEdit.violation(ops, qty)).isNull();
        for (int i = 0; i < ops.size(); i++) {
          List<OperationPart> pi = parts.getOrDefault(i, List.of());
          OperationQuantities oi = ops.get(i);
          assertThat(OperationSplit.violation(oi, pi)).isNull();
          OperationPart sum = OperationSplit.rest(oi, pi);
          for (OperationPart p : pi) {
            sum = sum.plus(p, 0);
          }
          assertThat(sum.in()).isEqualByComparingTo(oi.in());
          assertThat(sum.good()).isEqualByComparingTo(oi.good());
          assertThat(sum.scrap()).isEqualByComparingTo(oi.scrap());
          assertThat(sum.rework()).isEqualByComparingTo(oi.rework());
          assertThat(sum.inProgress()).isEqualByComparingTo(oi.inProgress());
        }
        // the order quantity: all scrap, rework and work in progress plus what was completed
        BigDecimal held = completed;
        for (OperationQuantities o : ops) {
          held = held.add(o.scrap()).add(o.rework()).add(o.inProgress());
        }
        assertThat(held).isEqualByComparingTo(qty);
      }
    }
    assertThat(accepted).isGreaterThan(3000);
  }
}
