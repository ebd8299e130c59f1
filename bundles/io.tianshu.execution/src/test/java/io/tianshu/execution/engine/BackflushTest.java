package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.execution.engine.Backflush.Component;
import io.tianshu.execution.engine.Backflush.LotStock;
import io.tianshu.execution.engine.Backflush.LotTake;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackflushTest {
  /**
   * Order BOM per unit: 2 A at operation 10, 0.35 B at operation 20, 1.5 C with no operation (last
   * = 30), D issued by hand. A report of 8 good + 2 scrap at 10 consumes 2 × 10 = 20 A; 7 + 1 at 20
   * consumes 0.35 × 8 = 2.8 B; 5 good at 30 consumes 1.5 × 5 = 7.5 C.
   */
  @Test
  void componentsAreConsumedAtTheirOperation() {
    List<Component> bom =
        List.of(
            new Component(1, 101, new BigDecimal("2"), 10, true),
            new Component(2, 102, new BigDecimal("0.35"), 20, true),
            new Component(3, 103, new BigDecimal("1.5"), null, true),
            new Component(4, 104, new BigDecimal("1"), 10, false));
    assertThat(Backflush.consumption(bom, 10, 30, BigDecimal.valueOf(8), BigDecimal.valueOf(2)))
        .containsExactly(new Backflush.Line(1, 101, new BigDecimal("20.000000")));
    assertThat(Backflush.consumption(bom, 20, 30, BigDecimal.valueOf(7), BigDecimal.ONE))
        .containsExactly(new Backflush.Line(2, 102, new BigDecimal("2.800000")));
    assertThat(Backflush.consumption(bom, 30, 30, BigDecimal.valueOf(5), BigDecimal.ZERO))
        .containsExactly(new Backflush.Line(3, 103, new BigDecimal("7.500000")));
    assertThat(Backflush.consumption(bom, 30, 30, BigDecimal.ZERO, BigDecimal.ZERO)).isEmpty();
  }

  @Test
  void lotsAreTakenFirstInFirstOut() {
    List<LotStock> lots =
        List.of(
            new LotStock("L20261103", new BigDecimal("5")),
            new LotStock("L20261101", new BigDecimal("3")),
            new LotStock("L20261102", new BigDecimal("0")));
    assertThat(Backflush.pickLots(lots, new BigDecimal("6")))
        .containsExactly(
            new LotTake("L20261101", new BigDecimal("3")),
            new LotTake("L20261103", new BigDecimal("3")));
    assertThat(Backflush.pickLots(lots, new BigDecimal("10")))
        .containsExactly(
            new LotTake("L20261101", new BigDecimal("3")),
            new LotTake("L20261103", new BigDecimal("5")),
            new LotTake(null, new BigDecimal("2")));
  }
}
