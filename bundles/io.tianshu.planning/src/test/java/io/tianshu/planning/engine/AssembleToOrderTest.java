package io.tianshu.planning.engine;

import static io.tianshu.planning.engine.MrpInvariants.CAL;
import static io.tianshu.planning.engine.MrpInvariants.START;
import static io.tianshu.planning.engine.MrpInvariants.d;
import static io.tianshu.planning.engine.MrpInvariants.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssembleToOrderTest {
  private static final long X = 1;
  private static final long A = 2;
  private static final long B = 3;

  private static final List<PlanBomLine> BOM =
      List.of(new PlanBomLine(X, A, 2, 10), new PlanBomLine(X, B, 1, 0));

  @Test
  void forecastBecomesComponentRequirementsOnTheReleaseDate() {
    // 40 of X on Wed 11 Mar, lead 2 working days, yield 80 %: the assembly would start Mon 9 Mar
    // with 40 × 100 / 80 = 50; A: 50 × 2 × 1.10 = 110, B: 50 × 1 = 50.
    List<AssembleToOrder.Requirement> r =
        AssembleToOrder.explode(
            List.of(new ForecastLine(7, X, d("2026-03-11"), 40)),
            List.of(new AssembleToOrder.Assembly(X, 2, 80)),
            BOM,
            CAL);
    assertThat(r)
        .containsExactly(
            new AssembleToOrder.Requirement(7, X, A, d("2026-03-09"), 110),
            new AssembleToOrder.Requirement(7, X, B, d("2026-03-09"), 50));
  }

  @Test
  void leadTimeZeroKeepsTheDateAndOtherItemsAndEmptyLinesGiveNothing() {
    List<AssembleToOrder.Requirement> r =
        AssembleToOrder.explode(
            List.of(
                new ForecastLine(1, X, d("2026-03-14"), 10), // a Saturday
                new ForecastLine(2, X, d("2026-03-16"), 0),
                new ForecastLine(3, A, d("2026-03-16"), 5)), // A is no ATO item
            List.of(new AssembleToOrder.Assembly(X, 0, 100)),
            List.of(new PlanBomLine(X, A, 3, 0), new PlanBomLine(X, B, 0, 0)),
            CAL);
    assertThat(r).containsExactly(new AssembleToOrder.Requirement(1, X, A, d("2026-03-14"), 30));
  }

  @Test
  void componentsArePlannedExactlyAsIfTheAssemblyWerePlannedForTheForecast() {
    // Regenerative reference: X planned to stock for the forecast, components netted below it.
    List<PlanItem> items =
        List.of(
            item(X).lead(3).yield(90).build(),
            item(A).lead(1).onHand(25).build(),
            item(B).lead(2).build());
    List<ForecastLine> forecasts =
        List.of(
            new ForecastLine(1, X, d("2026-03-12"), 40),
            new ForecastLine(2, X, d("2026-03-19"), 17),
            new ForecastLine(3, X, d("2026-03-26"), 33));
    List<PlanDemand> demands = new ArrayList<>();
    for (ForecastLine f : forecasts) {
      demands.add(new PlanDemand(f.id(), X, f.date(), f.quantity(), "FC " + f.id()));
    }
    MrpResult reference =
        MrpEngine.run(new MrpInput(items, BOM, demands, List.of(), CAL, START, 60));

    // ATO: the forecast is passed to the components; X is not planned for it at all.
    List<PlanDemand> passed = new ArrayList<>();
    for (AssembleToOrder.Requirement q :
        AssembleToOrder.explode(
            forecasts, List.of(new AssembleToOrder.Assembly(X, 3, 90)), BOM, CAL)) {
      passed.add(
          new PlanDemand(
              100 + passed.size(),
              q.componentId(),
              q.date(),
              q.quantity(),
              "FC " + q.forecastId()));
    }
    MrpResult ato = MrpEngine.run(new MrpInput(items, BOM, passed, List.of(), CAL, START, 60));

    assertThat(ordersOf(ato, X)).isEmpty();
    assertThat(ordersOf(ato, A)).isNotEmpty().isEqualTo(ordersOf(reference, A));
    assertThat(ordersOf(ato, B)).isNotEmpty().isEqualTo(ordersOf(reference, B));
  }

  @Test
  void invalidBomLinesAreRefused() {
    assertThatThrownBy(
            () ->
                AssembleToOrder.explode(
                    List.of(),
                    List.of(new AssembleToOrder.Assembly(X, 0, 100)),
                    List.of(new PlanBomLine(X, A, Double.NaN, 0)),
                    CAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 -> 2");
    assertThatThrownBy(() -> new AssembleToOrder.Assembly(X, 0, 0)).hasMessageContaining("yield");
  }

  /** An item's orders as (release, due, quantity) strings, without ids. */
  private static List<String> ordersOf(MrpResult r, long material) {
    List<String> out = new ArrayList<>();
    for (PlannedOrder o : r.plannedOrders()) {
      if (o.materialId() == material) {
        out.add(o.releaseDate() + " " + o.dueDate() + " " + o.quantity());
      }
    }
    return out;
  }
}
