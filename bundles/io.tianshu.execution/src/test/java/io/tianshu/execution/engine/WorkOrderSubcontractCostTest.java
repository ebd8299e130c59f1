package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outsourcing processing fees (委外加工费) as the fifth cost element, worked by hand. P, 100 good.
 *
 * <pre>
 * Actual = standard for the in-house elements:
 *   material M1 200 kg x 5.00             = 1,000.00   (standard 2 kg x 5.00 per unit)
 *   labour      600 min @ 20.00/h          =   200.00   (standard 6 min per unit)
 *   machine     360 min @ 50.00/h          =   300.00   (standard 3.6 min per unit)
 *   subcontract 2 receipts x 150.00        =   300.00   (no standard: 0.00)
 *   before overhead                          1,800.00
 *   overhead 10 % of direct cost 1,500.00  =   150.00   (the fees are not in the base)
 *   actual total                             1,950.00; standard total 1,650.00
 *   variances: all zero but subcontract 300.00 = 1,950.00 - 1,650.00; unit cost 19.5000
 * </pre>
 */
class WorkOrderSubcontractCostTest {
  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  private static WorkOrderCostingInput input(List<CostSubcontractFee> fees) {
    return new WorkOrderCostingInput(
        "WO-S",
        List.of(CostMaterialIssue.issue("M1", "200", "5.00", CostBasis.STANDARD)),
        List.of(CostActivity.of("0010", "WC-A", "600", "20.00", "360", "50")),
        List.of(CostOverheadRule.of("plant", CostOverheadBase.DIRECT_COST, "10")),
        CostJointOutput.byFactor("P", "100", "1"),
        List.of(),
        List.of(),
        CostAllocationMethod.EQUIVALENCE_FACTOR,
        new CostStandard(
            List.of(CostStandardMaterial.of("M1", "2", "5.00")),
            bd("6"),
            bd("20"),
            bd("3.6"),
            bd("50")),
        fees);
  }

  private static final List<CostSubcontractFee> FEES =
      List.of(
          new CostSubcontractFee(20, 20, "SUP-A", bd("60"), bd("150.00")),
          new CostSubcontractFee(20, 30, "SUP-A", bd("40"), bd("150.00")));

  @Test
  void feesAreTheSubcontractElementOutsideTheOverheadBase() {
    WorkOrderCostingResult r = WorkOrderCosting.cost(input(FEES));
    CostElements a = r.actual();
    assertThat(a.material()).isEqualByComparingTo("1000.00");
    assertThat(a.labour()).isEqualByComparingTo("200.00");
    assertThat(a.machine()).isEqualByComparingTo("300.00");
    assertThat(a.subcontract()).isEqualByComparingTo("300.00");
    assertThat(a.subcontract().scale()).isEqualTo(2);
    assertThat(a.direct()).isEqualByComparingTo("1500.00");
    assertThat(a.direct().add(a.subcontract())).isEqualByComparingTo("1800.00");
    assertThat(a.overhead()).isEqualByComparingTo("150.00");
    assertThat(a.total()).isEqualByComparingTo("1950.00");
    assertThat(r.standard().subcontract()).isEqualByComparingTo("0.00");
    assertThat(r.standard().total()).isEqualByComparingTo("1650.00");
    CostVariances v = r.variances();
    assertThat(v.subcontract()).isEqualByComparingTo("300.00");
    assertThat(v.materialPrice().add(v.materialUsage())).isEqualByComparingTo("0");
    assertThat(v.labourRate().add(v.labourEfficiency())).isEqualByComparingTo("0");
    assertThat(v.machineSpending().add(v.machineEfficiency())).isEqualByComparingTo("0");
    assertThat(v.overheadSpending().add(v.overheadEfficiency())).isEqualByComparingTo("0");
    assertThat(v.total()).isEqualByComparingTo("300.00");
    assertThat(r.totalVariance()).isEqualByComparingTo(a.total().subtract(r.standard().total()));
    assertThat(r.jointCost()).isEqualByComparingTo("1950.00");
    assertThat(r.allocations().get(0).unitCost()).isEqualByComparingTo("19.5000");
  }

  /** Without fees the result is what the four-element input gives: subcontract 0.00 throughout. */
  @Test
  void anOrderWithoutFeesIsCostedAsBefore() {
    WorkOrderCostingResult none = WorkOrderCosting.cost(input(List.of()));
    WorkOrderCostingInput in = input(List.of());
    WorkOrderCostingResult legacy =
        WorkOrderCosting.cost(
            new WorkOrderCostingInput(
                in.workOrderId(),
                in.materialIssues(),
                in.activities(),
                in.overheadRules(),
                in.mainProduct(),
                in.coProducts(),
                in.byProducts(),
                in.allocationMethod(),
                in.standard()));
    assertThat(legacy).isEqualTo(none);
    assertThat(none.actual())
        .isEqualTo(new CostElements(bd("1000.00"), bd("200.00"), bd("300.00"), bd("150.00")));
    assertThat(none.actual().total()).isEqualByComparingTo("1650.00");
    assertThat(none.variances().subcontract()).isEqualByComparingTo("0");
    assertThat(none.variances().total()).isEqualByComparingTo("0");
  }

  @Test
  void aNegativeFeeIsRefused() {
    assertThatThrownBy(() -> new CostSubcontractFee(10, 10, "S", BigDecimal.ONE, bd("-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
