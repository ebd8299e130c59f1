package io.tianshu.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.execution.OperationStatus;
import io.tianshu.execution.OverheadRule;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderComponent;
import io.tianshu.execution.WorkOrderKind;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.execution.engine.CostAllocation;
import io.tianshu.execution.engine.CostBasis;
import io.tianshu.execution.engine.CostMaterialVariance;
import io.tianshu.execution.engine.WorkOrderCosting;
import io.tianshu.execution.engine.WorkOrderCostingResult;
import io.tianshu.execution.internal.CostAssembly.Assembled;
import io.tianshu.execution.internal.CostAssembly.LedgerLine;
import io.tianshu.execution.internal.CostAssembly.Output;
import io.tianshu.execution.internal.CostAssembly.Price;
import io.tianshu.execution.internal.CostAssembly.Rate;
import io.tianshu.execution.internal.CostAssembly.ReportTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server's reading of a work order for the costing engine, on the example the container test
 * runs through REST (CostingTestBase): FG (id 1) ← 2 C1 (id 2) + 0.5 C2 (id 3); operation 10 setup
 * 10 min + 2 min/unit, operation 20 3 min/unit, both at work centre 7 (labour 30/h per person, crew
 * 2, machine 60/h); overhead OH 12 per labour hour (standard 10). C1 standard 2.00, moving average
 * 2.10; C2 standard 8.00. 10 started: op 10 10 good in 40 min, op 20 9 good + 1 scrap in 36 min,
 * backflushing 20 C1 and 5 C2; 9 FG into stock.
 *
 * <pre>
 * Actual:   material 20 x 2.10 + 5 x 8.00 = 42.00 + 40.00 = 82.00
 *           time 40 + 36 = 76 machine min, x crew 2 = 152 labour min
 *           labour 152/60 x 30 = 76.00; machine 76/60 x 60 = 76.00
 *           overhead 12 x 152/60 = 30.40                        total 264.40
 * Standard for Q = 9: material 18 x 2.00 + 4.5 x 8.00 = 36.00 + 36.00 = 72.00
 *           minutes op 10 10 + 2 x 9 = 28, op 20 3 x 9 = 27: 55 machine, 110 labour
 *           labour 110/60 x 30 = 55.00; machine 55/60 x 60 = 55.00
 *           overhead 10 x 110/60 = 18.33                         total 200.33
 * Variances: C1 price 42.00 - 20 x 2.00 = 2.00, usage (20 - 18) x 2.00 = 4.00
 *            C2 price 0.00, usage (5 - 4.5) x 8.00 = 4.00
 *            labour rate 0.00, efficiency 76.00 - 55.00 = 21.00; machine 0.00 and 21.00
 *            overhead spending (12 - 10) x 152/60 = 5.07, efficiency (152 - 110)/60 x 10 = 7.00
 *            total 2 + 8 + 21 + 21 + 5.07 + 7 = 64.07 = 264.40 - 200.33
 * </pre>
 */
class CostAssemblyTest {
  private static final long FG = 1;
  private static final long C1 = 2;
  private static final long C2 = 3;
  private static final long WC = 7;
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  private static WorkOrderOperation op(int seq, String setup, String run) {
    return op(seq, setup, run, false);
  }

  private static WorkOrderOperation op(int seq, String setup, String run, boolean outsourced) {
    BigDecimal z = BigDecimal.ZERO;
    return new WorkOrderOperation(
        seq,
        seq,
        "op",
        WC,
        bd(setup),
        bd(run),
        OperationStatus.DONE,
        z,
        z,
        z,
        z,
        z,
        outsourced,
        null,
        z,
        null,
        null,
        null,
        null,
        null);
  }

  private static WorkOrder order(String completed, List<WorkOrderComponent> comps) {
    return order(completed, comps, List.of(op(10, "10", "2"), op(20, "0", "3")));
  }

  private static WorkOrder order(
      String completed, List<WorkOrderComponent> comps, List<WorkOrderOperation> ops) {
    return new WorkOrder(
        99,
        5,
        "WO-99",
        WorkOrderKind.STANDARD,
        WorkOrderStatus.COMPLETED,
        FG,
        "FG",
        bd("10"),
        "PCS",
        "WO-99",
        LocalDate.of(2026, 3, 2),
        LocalDate.of(2026, 3, 2),
        null,
        1L,
        2L,
        true,
        null,
        null,
        null,
        null,
        bd(completed),
        bd("1"),
        null,
        T,
        T,
        T,
        null,
        T,
        "li",
        3,
        comps,
        ops);
  }

  private static List<WorkOrderComponent> bom() {
    return List.of(
        new WorkOrderComponent(1, 10, C1, "C1", bd("2"), bd("0"), bd("20"), bd("20"), null, true),
        new WorkOrderComponent(2, 20, C2, "C2", bd("0.5"), bd("0"), bd("5"), bd("5"), null, true));
  }

  private static final Map<Long, Price> PRICES =
      Map.of(C1, new Price(bd("2.00"), bd("2.10")), C2, new Price(bd("8.00"), null));
  private static final Map<Long, Rate> RATES = Map.of(WC, new Rate(bd("30"), bd("60"), bd("2")));
  private static final List<OverheadRule> RULES =
      List.of(new OverheadRule("OH", "LABOUR_HOURS", bd("12"), bd("10")));

  /** Backflush issues (negative in the ledger) and the product receipt (not a material). */
  private static final List<LedgerLine> LEDGER =
      List.of(
          new LedgerLine(C1, bd("-20")), new LedgerLine(C2, bd("-5")), new LedgerLine(FG, bd("9")));

  private static List<ReportTime> timed() {
    return List.of(
        new ReportTime(10, bd("10"), bd("0"), bd("0"), T, T.plusSeconds(40 * 60)),
        new ReportTime(
            20, bd("9"), bd("1"), bd("0"), T.plusSeconds(3600), T.plusSeconds(3600 + 36 * 60)));
  }

  @Test
  void theHandWorkedExampleWithReportedTimes() {
    Assembled a =
        CostAssembly.assemble(order("9", bom()), timed(), LEDGER, PRICES, RATES, RULES, List.of());
    assertThat(a.timeSource()).isEqualTo("REPORTED");
    assertThat(a.machineMinutes()).isEqualByComparingTo("76");
    assertThat(a.labourMinutes()).isEqualByComparingTo("152");
    assertThat(a.standardMachineMinutes()).isEqualByComparingTo("55");
    assertThat(a.standardLabourMinutes()).isEqualByComparingTo("110");
    assertThat(a.notes()).isEmpty();
    WorkOrderCostingResult r = WorkOrderCosting.cost(a.input());
    assertThat(r.actual().material()).isEqualByComparingTo("82.00");
    assertThat(r.actual().labour()).isEqualByComparingTo("76.00");
    assertThat(r.actual().machine()).isEqualByComparingTo("76.00");
    assertThat(r.actual().overhead()).isEqualByComparingTo("30.40");
    assertThat(r.actual().total()).isEqualByComparingTo("264.40");
    assertThat(r.materialByBasis().get(CostBasis.MOVING_AVERAGE)).isEqualByComparingTo("42.00");
    assertThat(r.materialByBasis().get(CostBasis.STANDARD)).isEqualByComparingTo("40.00");
    assertThat(r.standard().material()).isEqualByComparingTo("72.00");
    assertThat(r.standard().labour()).isEqualByComparingTo("55.00");
    assertThat(r.standard().machine()).isEqualByComparingTo("55.00");
    assertThat(r.standard().overhead()).isEqualByComparingTo("18.33");
    assertThat(r.standard().total()).isEqualByComparingTo("200.33");
    var v = r.variances();
    assertThat(v.materialPrice()).isEqualByComparingTo("2.00");
    assertThat(v.materialUsage()).isEqualByComparingTo("8.00");
    assertThat(v.labourRate()).isEqualByComparingTo("0.00");
    assertThat(v.labourEfficiency()).isEqualByComparingTo("21.00");
    assertThat(v.machineSpending()).isEqualByComparingTo("0.00");
    assertThat(v.machineEfficiency()).isEqualByComparingTo("21.00");
    assertThat(v.overheadSpending()).isEqualByComparingTo("5.07");
    assertThat(v.overheadEfficiency()).isEqualByComparingTo("7.00");
    assertThat(v.total()).isEqualByComparingTo("64.07");
    CostMaterialVariance c1 = v.materials().get(0);
    assertThat(c1.materialId()).isEqualTo("2");
    assertThat(c1.priceVariance()).isEqualByComparingTo("2.00");
    assertThat(c1.usageVariance()).isEqualByComparingTo("4.00");
    CostAllocation main = r.allocations().get(0);
    assertThat(main.allocatedCost()).isEqualByComparingTo("264.40");
    assertThat(main.unitCost()).isEqualByComparingTo("29.3778");
  }

  @Test
  void withoutTimesTheStandardMinutesOfTheReportedQuantitiesAndSetupOnce() {
    List<ReportTime> reports =
        List.of(
            new ReportTime(10, bd("6"), bd("0"), bd("0"), null, null),
            new ReportTime(10, bd("4"), bd("0"), bd("0"), null, null),
            // op 20 timed: its setup is taken to be in the time
            new ReportTime(20, bd("9"), bd("1"), bd("0"), T, T.plusSeconds(30 * 60 + 30)));
    Assembled a =
        CostAssembly.assemble(order("9", bom()), reports, LEDGER, PRICES, RATES, RULES, List.of());
    assertThat(a.timeSource()).isEqualTo("MIXED");
    // op 10: 10 setup + 2 x (6 + 4) = 30; op 20: 30.5 measured
    assertThat(a.machineMinutes()).isEqualByComparingTo("60.5");
    assertThat(a.labourMinutes()).isEqualByComparingTo("121");
    List<ReportTime> none =
        List.of(
            new ReportTime(10, bd("10"), bd("0"), bd("0"), null, null),
            new ReportTime(20, bd("9"), bd("1"), bd("0"), null, null));
    Assembled s =
        CostAssembly.assemble(order("9", bom()), none, LEDGER, PRICES, RATES, RULES, List.of());
    assertThat(s.timeSource()).isEqualTo("STANDARD");
    // 10 + 2 x 10 + 3 x 10 = 60
    assertThat(s.machineMinutes()).isEqualByComparingTo("60");
  }

  @Test
  void returnsReduceMaterialAndMissingPricesAndRatesAreNoted() {
    List<LedgerLine> ledger =
        List.of(
            new LedgerLine(C1, bd("-20")),
            new LedgerLine(C1, bd("1.5")),
            new LedgerLine(C2, bd("-5")),
            new LedgerLine(4, bd("-1")));
    Assembled a =
        CostAssembly.assemble(
            order("9", bom()), timed(), ledger, PRICES, Map.of(), RULES, List.of());
    WorkOrderCostingResult r = WorkOrderCosting.cost(a.input());
    // 18.5 x 2.10 + 5 x 8.00 + 1 x 0
    assertThat(r.actual().material()).isEqualByComparingTo("78.85");
    assertThat(r.actual().labour()).isEqualByComparingTo("0");
    assertThat(a.notes())
        .anyMatch(n -> n.startsWith("material 4 has no price"))
        .anyMatch(n -> n.startsWith("work centre 7 has no rates"));
  }

  @Test
  void coProductsShareByTheirBomCostShareAndByProductsAreCredited() {
    Map<Long, Price> prices = new java.util.HashMap<>(PRICES);
    prices.put(9L, new Price(bd("1.00"), null));
    List<Output> outputs =
        List.of(new Output(8, bd("0.5"), true, bd("25")), new Output(9, bd("2"), false, bd("0")));
    Assembled a =
        CostAssembly.assemble(order("9", bom()), timed(), LEDGER, prices, RATES, RULES, outputs);
    WorkOrderCostingResult r = WorkOrderCosting.cost(a.input());
    // by-product 9: 2 x 9 = 18 at 1.00 = 18.00; joint 264.40 - 18.00 = 246.40, 75 % / 25 %
    assertThat(r.byProductCredit()).isEqualByComparingTo("18.00");
    assertThat(r.jointCost()).isEqualByComparingTo("246.40");
    assertThat(r.allocations().get(0).allocatedCost()).isEqualByComparingTo("184.80");
    assertThat(r.allocations().get(1).productId()).isEqualTo("8");
    assertThat(r.allocations().get(1).quantity()).isEqualByComparingTo("4.5");
    assertThat(r.allocations().get(1).allocatedCost()).isEqualByComparingTo("61.60");
    assertThat(a.byProducts().get(0).credit()).isEqualByComparingTo("18.00");
  }

  @Test
  void nothingInStockYetCannotBeCosted() {
    assertThatThrownBy(
            () ->
                CostAssembly.assemble(
                    order("0", bom()), timed(), LEDGER, PRICES, RATES, RULES, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no good quantity");
  }

  @Test
  void minutesBetweenInstants() {
    assertThat(CostAssembly.minutes(T, T.plusSeconds(90))).isEqualByComparingTo("1.5");
    assertThat(CostAssembly.minutes(T, T.plusSeconds(7))).isEqualByComparingTo("0.116667");
  }

  @Test
  void plannedScrapIsPartOfTheStandardQuantity() {
    List<WorkOrderComponent> comps =
        List.of(
            new WorkOrderComponent(
                1, 10, C1, "C1", bd("2"), bd("10"), bd("22"), bd("20"), null, true));
    Assembled a =
        CostAssembly.assemble(order("9", comps), timed(), LEDGER, PRICES, RATES, RULES, List.of());
    WorkOrderCostingResult r = WorkOrderCosting.cost(a.input());
    // 2.2 x 9 = 19.8 x 2.00
    assertThat(r.standard().material()).isEqualByComparingTo("39.60");
  }

  /**
   * The class example with operation 20 outsourced to SUP1 (routing flag): operation 10 reports 10
   * good in 40 min, SUP1 returns 6 and then 3 good + 1 scrap with a fee of 150.00 each.
   *
   * <pre>
   * Actual:   material 82.00; labour 80/60 x 30 = 40.00; machine 40/60 x 60 = 40.00;
   *           overhead 12 x 80/60 = 16.00; subcontract 300.00; total 478.00
   * Standard for Q = 9, op 20 left out (no in-house time): minutes 10 + 2 x 9 = 28 machine, 56
   *           labour; material 72.00; labour 56/60 x 30 = 28.00; machine 28/60 x 60 = 28.00;
   *           overhead 10 x 56/60 = 9.33; subcontract 0.00 (no standard fee kept); total 137.33
   *           (before the fix op 20's 27 min made it 200.33)
   * Variances: material 2.00 + 8.00; labour efficiency 40.00 - 28.00 = 12.00, machine 12.00;
   *           overhead spending (12 - 10) x 80/60 = 2.67, efficiency (80 - 56)/60 x 10 = 4.00;
   *           subcontract 300.00; total 478.00 - 137.33 = 340.67
   * </pre>
   */
  @Test
  void anOutsourcedOperationHasNoInHouseStandardTime() {
    WorkOrder w = order("9", bom(), List.of(op(10, "10", "2"), op(20, "0", "3", true)));
    List<ReportTime> reports =
        List.of(new ReportTime(10, bd("10"), bd("0"), bd("0"), T, T.plusSeconds(40 * 60)));
    Assembled a =
        CostAssembly.withSubcontractFees(
            CostAssembly.assemble(w, reports, LEDGER, PRICES, RATES, RULES, List.of()),
            List.of(
                new io.tianshu.execution.engine.CostSubcontractFee(
                    20, 20, "SUP1", bd("6"), bd("150.00")),
                new io.tianshu.execution.engine.CostSubcontractFee(
                    20, 20, "SUP1", bd("4"), bd("150.00"))));
    assertThat(a.standardMachineMinutes()).isEqualByComparingTo("28");
    assertThat(a.standardLabourMinutes()).isEqualByComparingTo("56");
    assertThat(a.machineMinutes()).isEqualByComparingTo("40");
    assertThat(a.notes()).anyMatch(n -> n.startsWith("outsourced operations carry no in-house"));
    WorkOrderCostingResult r = WorkOrderCosting.cost(a.input());
    assertThat(r.actual().labour()).isEqualByComparingTo("40.00");
    assertThat(r.actual().machine()).isEqualByComparingTo("40.00");
    assertThat(r.actual().overhead()).isEqualByComparingTo("16.00");
    assertThat(r.actual().subcontract()).isEqualByComparingTo("300.00");
    assertThat(r.actual().total()).isEqualByComparingTo("478.00");
    assertThat(r.standard().material()).isEqualByComparingTo("72.00");
    assertThat(r.standard().labour()).isEqualByComparingTo("28.00");
    assertThat(r.standard().machine()).isEqualByComparingTo("28.00");
    assertThat(r.standard().overhead()).isEqualByComparingTo("9.33");
    assertThat(r.standard().subcontract()).isEqualByComparingTo("0.00");
    assertThat(r.standard().total()).isEqualByComparingTo("137.33");
    var v = r.variances();
    assertThat(v.materialPrice().add(v.materialUsage())).isEqualByComparingTo("10.00");
    assertThat(v.labourEfficiency()).isEqualByComparingTo("12.00");
    assertThat(v.machineEfficiency()).isEqualByComparingTo("12.00");
    assertThat(v.overheadSpending()).isEqualByComparingTo("2.67");
    assertThat(v.overheadEfficiency()).isEqualByComparingTo("4.00");
    assertThat(v.subcontract()).isEqualByComparingTo("300.00");
    assertThat(v.total()).isEqualByComparingTo("340.67");
  }

  @Test
  void theSameOrderWithoutTheFlagKeepsOperation20InTheStandard() {
    List<ReportTime> reports =
        List.of(new ReportTime(10, bd("10"), bd("0"), bd("0"), T, T.plusSeconds(40 * 60)));
    Assembled a =
        CostAssembly.assemble(order("9", bom()), reports, LEDGER, PRICES, RATES, RULES, List.of());
    assertThat(a.standardMachineMinutes()).isEqualByComparingTo("55");
    assertThat(a.notes()).isEmpty();
    assertThat(WorkOrderCosting.cost(a.input()).standard().total()).isEqualByComparingTo("200.33");
  }
}
