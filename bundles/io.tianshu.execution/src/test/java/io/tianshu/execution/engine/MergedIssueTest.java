package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.execution.engine.Backflush.LotStock;
import io.tianshu.execution.engine.Backflush.LotTake;
import io.tianshu.execution.engine.MergedIssue.Allocation;
import io.tianshu.execution.engine.MergedIssue.ComponentOpen;
import io.tianshu.execution.engine.MergedIssue.ComponentShare;
import io.tianshu.execution.engine.MergedIssue.Order;
import io.tianshu.execution.engine.MergedIssue.Posting;
import io.tianshu.execution.engine.MergedIssue.Share;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MergedIssueTest {
  private static final LocalDate D24 = LocalDate.of(2026, 11, 24);
  private static final LocalDate D25 = LocalDate.of(2026, 11, 25);

  private static BigDecimal q(String s) {
    return new BigDecimal(s);
  }

  /** A (id 7) and C (id 5) start on the 25th, B (id 3) on the 24th: B, then C, then A. */
  private static List<Order> orders() {
    return List.of(
        new Order(7, D25, q("12")), new Order(3, D24, q("10")), new Order(5, D25, q("6")));
  }

  @Test
  void ordersAreServedByStartDateThenId() {
    assertThat(MergedIssue.sequence(orders()).stream().map(Order::workOrderId))
        .containsExactly(3L, 5L, 7L);
    assertThat(
            MergedIssue.sequence(List.of(new Order(1, null, q("1")), new Order(2, D24, q("1"))))
                .stream()
                .map(Order::workOrderId))
        .containsExactly(2L, 1L);
  }

  /**
   * 28 in all from L1 8, L2 20, L3 30 (listed out of order): L1 8 and L2 20 are picked. B (10) gets
   * L1 8 + L2 2, C (6) gets L2 6, A (12) gets L2 12; L3 is not touched.
   */
  @Test
  void lotsPickedForTheWholeAreSplitToTheOrdersInSequence() {
    Allocation a =
        MergedIssue.allocate(
            orders(),
            List.of(
                new LotStock("L2", q("20")),
                new LotStock("L1", q("8")),
                new LotStock("L3", q("30"))));
    assertThat(a.total()).isEqualByComparingTo("28");
    assertThat(a.shortage()).isEqualByComparingTo("0");
    assertThat(a.picked()).containsExactly(new LotTake("L1", q("8")), new LotTake("L2", q("20")));
    assertThat(a.of(3)).containsExactly(new Share(3, "L1", q("8")), new Share(3, "L2", q("2")));
    assertThat(a.of(5)).containsExactly(new Share(5, "L2", q("6")));
    assertThat(a.of(7)).containsExactly(new Share(7, "L2", q("12")));
  }

  /** Only 13 on hand for 28: the shortage of 15 falls on the last orders (C 3, A 12). */
  @Test
  void theShortageFallsOnTheOrdersThatComeLast() {
    Allocation a =
        MergedIssue.allocate(
            orders(), List.of(new LotStock("L1", q("8")), new LotStock("L2", q("5"))));
    assertThat(a.shortage()).isEqualByComparingTo("15");
    assertThat(a.picked()).containsExactly(new LotTake("L1", q("8")), new LotTake("L2", q("5")));
    assertThat(a.of(3)).containsExactly(new Share(3, "L1", q("8")), new Share(3, "L2", q("2")));
    assertThat(a.of(5)).containsExactly(new Share(5, "L2", q("3")), new Share(5, null, q("3")));
    assertThat(a.of(7)).containsExactly(new Share(7, null, q("12")));
  }

  @Test
  void anOrderAskingNothingGetsNoShare() {
    Allocation a =
        MergedIssue.allocate(
            List.of(new Order(1, D24, q("0")), new Order(2, D25, q("4"))),
            List.of(new LotStock("L1", q("10"))));
    assertThat(a.of(1)).isEmpty();
    assertThat(a.of(2)).containsExactly(new Share(2, "L1", q("4")));
    assertThat(MergedIssue.allocate(List.of(new Order(1, D24, q("0"))), List.of()).shares())
        .isEmpty();
  }

  /**
   * 10 for lines needing 4 and 3: 4 and 6 (the excess on the last line); 3: all on the first; 10
   * for lines needing 4 and 10: 4 and 6.
   */
  @Test
  void anOrdersShareIsBookedOnItsLinesInOrder() {
    List<ComponentOpen> lines =
        List.of(new ComponentOpen(11, q("4")), new ComponentOpen(12, q("3")));
    assertThat(MergedIssue.open(lines)).isEqualByComparingTo("7");
    assertThat(MergedIssue.toComponents(q("10"), lines))
        .containsExactly(new ComponentShare(11, q("4")), new ComponentShare(12, q("6")));
    assertThat(MergedIssue.toComponents(q("3"), lines))
        .containsExactly(new ComponentShare(11, q("3")));
    assertThat(
            MergedIssue.toComponents(
                q("10"), List.of(new ComponentOpen(11, q("4")), new ComponentOpen(12, q("10")))))
        .containsExactly(new ComponentShare(11, q("4")), new ComponentShare(12, q("6")));
  }

  /** B's L1 8 + L2 2 on lines 11 (4) and 12 (6): 11 ← L1 4; 12 ← L1 4, L2 2. */
  @Test
  void postingsPairLotsWithLines() {
    assertThat(
            MergedIssue.postings(
                List.of(new Share(3, "L1", q("8")), new Share(3, "L2", q("2"))),
                List.of(new ComponentShare(11, q("4")), new ComponentShare(12, q("6")))))
        .containsExactly(
            new Posting(11, "L1", q("4")),
            new Posting(12, "L1", q("4")),
            new Posting(12, "L2", q("2")));
  }

  /** Random orders and lots: shares add up to the total, lots taken to picked + shortage. */
  @Test
  void quantitiesConserve() {
    Random r = new Random(42);
    for (int run = 0; run < 500; run++) {
      List<Order> orders = new ArrayList<>();
      for (int i = 0; i < 1 + r.nextInt(5); i++) {
        orders.add(
            new Order(i + 1, D24.plusDays(r.nextInt(3)), BigDecimal.valueOf(r.nextInt(5000), 2)));
      }
      List<LotStock> lots = new ArrayList<>();
      for (int i = 0; i < r.nextInt(5); i++) {
        lots.add(new LotStock("L" + i, BigDecimal.valueOf(r.nextInt(5000), 2)));
      }
      Allocation a = MergedIssue.allocate(orders, lots);
      BigDecimal shared = BigDecimal.ZERO;
      BigDecimal sharedFromLots = BigDecimal.ZERO;
      for (Share s : a.shares()) {
        shared = shared.add(s.quantity());
        if (s.lot() != null) {
          sharedFromLots = sharedFromLots.add(s.quantity());
        }
      }
      BigDecimal picked =
          a.picked().stream().map(LotTake::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal onHand =
          lots.stream().map(LotStock::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(shared).isEqualByComparingTo(a.total());
      assertThat(sharedFromLots).isEqualByComparingTo(picked);
      assertThat(picked.add(a.shortage())).isEqualByComparingTo(a.total());
      assertThat(picked).isEqualByComparingTo(a.total().min(onHand));
      for (Order o : orders) {
        BigDecimal got =
            a.of(o.workOrderId()).stream()
                .map(Share::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(got).isEqualByComparingTo(o.quantity());
      }
    }
  }
}
