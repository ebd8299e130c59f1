package io.tianshu.planning.engine;

import static io.tianshu.planning.engine.MrpInvariants.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderMergeTest {
  private static OrderMerge.Candidate o(
      long id, long material, String release, String due, double quantity) {
    return new OrderMerge.Candidate(id, 1, material, d(release), d(due), quantity);
  }

  @Test
  void ordersWithinTheWindowOfTheFirstDueDateBecomeOneOrder() {
    // Material 7: due 2, 4, 9, 10 March; window 3 days → {2, 4} and {9, 10}; material 8 alone.
    List<OrderMerge.Group> groups =
        OrderMerge.merge(
            List.of(
                o(4, 7, "2026-03-06", "2026-03-09", 5),
                o(1, 7, "2026-02-27", "2026-03-02", 10),
                o(2, 7, "2026-03-03", "2026-03-04", 20),
                o(5, 7, "2026-03-05", "2026-03-10", 7),
                o(3, 8, "2026-03-01", "2026-03-02", 1)),
            3);
    assertThat(groups)
        .containsExactly(
            new OrderMerge.Group(1, 7, d("2026-02-27"), d("2026-03-02"), 30, List.of(1L, 2L)),
            new OrderMerge.Group(1, 7, d("2026-03-05"), d("2026-03-09"), 12, List.of(4L, 5L)),
            new OrderMerge.Group(1, 8, d("2026-03-01"), d("2026-03-02"), 1, List.of(3L)));
  }

  @Test
  void windowZeroMergesOnlyTheSameDueDate() {
    List<OrderMerge.Group> groups =
        OrderMerge.merge(
            List.of(
                o(1, 7, "2026-03-01", "2026-03-02", 10),
                o(2, 7, "2026-03-01", "2026-03-02", 15),
                o(3, 7, "2026-03-02", "2026-03-03", 1)),
            0);
    assertThat(groups).extracting(OrderMerge.Group::quantity).containsExactly(25.0, 1.0);
  }

  @Test
  void quantitiesAreConservedAndNoGroupIsLaterThanItsOrders() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      List<OrderMerge.Candidate> orders = new ArrayList<>();
      double total = 0;
      for (int i = 0; i < 30; i++) {
        int due = random.nextInt(60);
        double q = 1 + random.nextInt(100);
        total += q;
        orders.add(
            new OrderMerge.Candidate(
                i,
                1 + random.nextInt(2),
                random.nextInt(3),
                d("2026-03-01").plusDays(due - random.nextInt(5)),
                d("2026-03-01").plusDays(due),
                q));
      }
      int window = random.nextInt(10);
      List<OrderMerge.Group> groups = OrderMerge.merge(orders, window);
      double merged = 0;
      int members = 0;
      for (OrderMerge.Group g : groups) {
        merged += g.quantity();
        members += g.orderIds().size();
        for (long id : g.orderIds()) {
          OrderMerge.Candidate c = orders.get((int) id);
          assertThat(c.materialId()).isEqualTo(g.materialId());
          assertThat(c.plantId()).isEqualTo(g.plantId());
          assertThat(g.dueDate()).isBeforeOrEqualTo(c.dueDate());
          assertThat(g.releaseDate()).isBeforeOrEqualTo(c.releaseDate());
          assertThat(c.dueDate()).isBeforeOrEqualTo(g.dueDate().plusDays(window));
        }
      }
      assertThat(merged).isEqualTo(total);
      assertThat(members).isEqualTo(orders.size());
    }
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> OrderMerge.merge(List.of(), -1)).hasMessageContaining("windowDays");
    assertThatThrownBy(() -> o(1, 7, "2026-03-01", "2026-03-02", 0))
        .hasMessageContaining("quantity");
    OrderMerge.Candidate a = o(1, 7, "2026-03-01", "2026-03-02", 1);
    assertThatThrownBy(() -> OrderMerge.merge(List.of(a, a), 0)).hasMessageContaining("twice");
  }
}
