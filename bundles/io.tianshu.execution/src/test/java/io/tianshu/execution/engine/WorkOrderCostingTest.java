package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkOrderCostingTest {

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  /**
   * Textbook example, worked by hand. Main product P, good quantity 1,000.
   *
   * <pre>
   * Standard per unit of P:
   *   material M1   2 kg x 5.00            = 10.00
   *   labour       30 min @ 20.00/h       = 10.00
   *   machine      12 min @ 50.00/h       = 10.00
   *   variable OH  6.00 per labour hour   =  3.00   (0.5 h x 6)
   *   fixed OH     40.00 per machine hour =  8.00   (0.2 h x 40)
   *   total                                 41.00  -> standard cost of 1,000 = 41,000.00
   *
   * Actual:
   *   M1 issue  1,200 kg @ 5.00 (standard)       =  6,000.00
   *   M1 issue    900 kg @ 5.40 (moving average) =  4,860.00
   *   M1 return    50 kg @ 5.40 (moving average) =   -270.00
   *     AQ = 2,050 kg, AC = 10,590.00
   *   op 0010 WC-A labour 18,000 min (300 h) @ 21.00 = 6,300.00; machine 7,200 min (120 h) @ 50 = 6,000.00
   *   op 0020 WC-B labour 13,200 min (220 h) @ 22.00 = 4,840.00; machine 4,500 min (75 h) @ 48 = 3,600.00
   *     AH labour 520 h, AC 11,140.00; AH machine 195 h, AC 9,600.00
   *   variable OH: actual rate 6.50/labour h x 520 h = 3,380.00 (standard rate 6.00)
   *   fixed OH:    40.00/machine h x 195 h             = 7,800.00
   *   actual total = 10,590 + 11,140 + 9,600 + 11,180 = 42,510.00
   *
   * Variances (+ unfavourable), SQ = 2,000 kg, SH labour 500 h, SH machine 200 h:
   *   material price    10,590 - 2,050 x 5.00     =  340.00
   *   material usage    (2,050 - 2,000) x 5.00    =  250.00
   *   labour rate       11,140 - 520 x 20         =  740.00
   *   labour efficiency (520 - 500) x 20          =  400.00
   *   machine spending  9,600 - 195 x 50          = -150.00
   *   machine eff.      (195 - 200) x 50          = -250.00
   *   var OH spending   (6.50 - 6.00) x 520       =  260.00
   *   var OH efficiency (520 - 500) x 6.00        =  120.00
   *   fixed OH spending (40 - 40) x 195           =    0.00
   *   fixed OH eff.     (195 - 200) x 40          = -200.00
   *   total                                        = 1,510.00 = 42,510 - 41,000
   * </pre>
   */
  private static WorkOrderCostingInput textbook() {
    return new WorkOrderCostingInput(
        "WO-1",
        List.of(
            CostMaterialIssue.issue("M1", "1200", "5.00", CostBasis.STANDARD),
            CostMaterialIssue.issue("M1", "900", "5.40", CostBasis.MOVING_AVERAGE),
            CostMaterialIssue.returned("M1", "50", "5.40", CostBasis.MOVING_AVERAGE)),
        List.of(
            CostActivity.of("0010", "WC-A", "18000", "21.00", "7200", "50"),
            CostActivity.of("0020", "WC-B", "13200", "22.00", "4500", "48")),
        List.of(
            new CostOverheadRule("variable", CostOverheadBase.LABOUR_HOURS, bd("6.50"), bd("6.00")),
            CostOverheadRule.of("fixed", CostOverheadBase.MACHINE_HOURS, "40")),
        CostJointOutput.byFactor("P", "1000", "1"),
        List.of(),
        List.of(),
        CostAllocationMethod.EQUIVALENCE_FACTOR,
        new CostStandard(
            List.of(CostStandardMaterial.of("M1", "2", "5.00")),
            bd("30"),
            bd("20"),
            bd("12"),
            bd("50")));
  }

  @Test
  void textbookActualCost() {
    WorkOrderCostingResult r = WorkOrderCosting.cost(textbook());
    assertThat(r.actual().material()).isEqualByComparingTo("10590.00");
    assertThat(r.actual().labour()).isEqualByComparingTo("11140.00");
    assertThat(r.actual().machine()).isEqualByComparingTo("9600.00");
    assertThat(r.actual().overhead()).isEqualByComparingTo("11180.00");
    assertThat(r.actual().total()).isEqualByComparingTo("42510.00");
    assertThat(r.actual().total().scale()).isEqualTo(2);
    assertThat(r.materialByBasis().get(CostBasis.STANDARD)).isEqualByComparingTo("6000.00");
    assertThat(r.materialByBasis().get(CostBasis.MOVING_AVERAGE)).isEqualByComparingTo("4590.00");
    assertThat(r.standard().material()).isEqualByComparingTo("10000.00");
    assertThat(r.standard().labour()).isEqualByComparingTo("10000.00");
    assertThat(r.standard().machine()).isEqualByComparingTo("10000.00");
    assertThat(r.standard().overhead()).isEqualByComparingTo("11000.00");
    assertThat(r.standard().total()).isEqualByComparingTo("41000.00");
    assertThat(r.byProductCredit()).isEqualByComparingTo("0");
    assertThat(r.jointCost()).isEqualByComparingTo("42510.00");
    assertThat(r.allocations()).hasSize(1);
    assertThat(r.allocations().get(0).allocatedCost()).isEqualByComparingTo("42510.00");
    assertThat(r.allocations().get(0).unitCost()).isEqualByComparingTo("42.5100");
    assertThat(r.allocations().get(0).mainProduct()).isTrue();
  }

  @Test
  void textbookVariances() {
    CostVariances v = WorkOrderCosting.cost(textbook()).variances();
    assertThat(v.materialPrice()).isEqualByComparingTo("340.00");
    assertThat(v.materialUsage()).isEqualByComparingTo("250.00");
    assertThat(v.labourRate()).isEqualByComparingTo("740.00");
    assertThat(v.labourEfficiency()).isEqualByComparingTo("400.00");
    assertThat(v.machineSpending()).isEqualByComparingTo("-150.00");
    assertThat(v.machineEfficiency()).isEqualByComparingTo("-250.00");
    assertThat(v.overheadSpending()).isEqualByComparingTo("260.00");
    assertThat(v.overheadEfficiency()).isEqualByComparingTo("-80.00"); // 120 - 200
    assertThat(v.total()).isEqualByComparingTo("1510.00");

    assertThat(v.materials()).hasSize(1);
    CostMaterialVariance m1 = v.materials().get(0);
    assertThat(m1.actualQuantity()).isEqualByComparingTo("2050");
    assertThat(m1.standardQuantity()).isEqualByComparingTo("2000");
    assertThat(m1.standardPrice()).isEqualByComparingTo("5.00");

    assertThat(v.overheads()).hasSize(2);
    CostOverheadVariance variable = v.overheads().get(0);
    assertThat(variable.ruleName()).isEqualTo("variable");
    assertThat(variable.actualBase()).isEqualByComparingTo("520");
    assertThat(variable.standardBase()).isEqualByComparingTo("500");
    assertThat(variable.actualCost()).isEqualByComparingTo("3380.00");
    assertThat(variable.standardCost()).isEqualByComparingTo("3000.00");
    assertThat(variable.spendingVariance()).isEqualByComparingTo("260.00");
    assertThat(variable.efficiencyVariance()).isEqualByComparingTo("120.00");
    CostOverheadVariance fixed = v.overheads().get(1);
    assertThat(fixed.actualCost()).isEqualByComparingTo("7800.00");
    assertThat(fixed.standardCost()).isEqualByComparingTo("8000.00");
    assertThat(fixed.spendingVariance()).isEqualByComparingTo("0.00");
    assertThat(fixed.efficiencyVariance()).isEqualByComparingTo("-200.00");
  }

  /**
   * Joint cost with a by-product credit and relative sales value allocation, worked by hand.
   *
   * <pre>
   * Actual: material R 1,000 kg @ 10.00           = 10,000.00
   *         labour 1,200 min @ 25.00/h            =    500.00
   *         machine 600 min @ 60.00/h             =    600.00
   *         overhead 20 % of labour cost          =    100.00
   *         total                                   11,200.00
   * By-product B: 200 kg x 1.00 credit            =   -200.00
   * Joint cost                                    = 11,000.00
   *
   * Sales value at split-off:
   *   main A  500 x 14.00 = 7,000   share 7/12
   *   co  C1  400 x 10.00 = 4,000   share 4/12
   *   co  C2  100 x 10.00 = 1,000   share 1/12
   *   total                12,000
   * Allocation: A  11,000 x 7/12 = 6,416.666.. -> 6,416.67, unit 12.8333
   *             C1 11,000 x 4/12 = 3,666.666.. -> 3,666.67, unit  9.1667
   *             C2 the remainder 11,000 - 6,416.67 - 3,666.67 = 916.66 (916.666.. would round
   *                to 916.67; the last output absorbs the cent), unit 9.1666
   * The standard (2 kg R @ 10, 2.4 min labour @ 25, 1.2 min machine @ 60, 20 % of labour cost per
   * unit of A) for 500 A is exactly the actual before the credit, so there are no variances.
   * </pre>
   */
  @Test
  void jointCostBySalesValueWithByProductCredit() {
    WorkOrderCostingInput in =
        new WorkOrderCostingInput(
            "WO-2",
            List.of(CostMaterialIssue.issue("R", "1000", "10.00", CostBasis.MOVING_AVERAGE)),
            List.of(CostActivity.of("0010", "REACTOR", "1200", "25", "600", "60")),
            List.of(CostOverheadRule.of("plant", CostOverheadBase.LABOUR_COST, "20")),
            CostJointOutput.bySalesValue("A", "500", "14.00"),
            List.of(
                CostJointOutput.bySalesValue("C1", "400", "10.00"),
                CostJointOutput.bySalesValue("C2", "100", "10.00")),
            List.of(CostByProduct.of("B", "200", "1.00")),
            CostAllocationMethod.RELATIVE_SALES_VALUE,
            new CostStandard(
                List.of(CostStandardMaterial.of("R", "2", "10")),
                bd("2.4"),
                bd("25"),
                bd("1.2"),
                bd("60")));
    WorkOrderCostingResult r = WorkOrderCosting.cost(in);
    assertThat(r.actual().total()).isEqualByComparingTo("11200.00");
    assertThat(r.actual().overhead()).isEqualByComparingTo("100.00");
    assertThat(r.byProductCredit()).isEqualByComparingTo("200.00");
    assertThat(r.jointCost()).isEqualByComparingTo("11000.00");
    assertThat(r.allocations())
        .extracting(CostAllocation::productId)
        .containsExactly("A", "C1", "C2");
    assertThat(r.allocations())
        .extracting(CostAllocation::allocatedCost)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(bd("6416.67"), bd("3666.67"), bd("916.66"));
    assertThat(r.allocations())
        .extracting(CostAllocation::unitCost)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(bd("12.8333"), bd("9.1667"), bd("9.1666"));
    assertThat(r.allocations().get(0).weight()).isEqualByComparingTo("7000");
    assertThat(r.allocations().get(1).mainProduct()).isFalse();
    assertThat(r.standard().total()).isEqualByComparingTo("11200.00");
    assertThat(r.totalVariance()).isEqualByComparingTo("0");
  }

  /**
   * Equivalence factors: material only, 100 kg @ 10 = 1,000.00. A 100 units x factor 1 = 100, C 50
   * units x factor 1.5 = 75; A gets 1,000 x 100/175 = 571.43 (unit 5.7143), C the rest 428.57 (unit
   * 8.5714).
   */
  @Test
  void jointCostByEquivalenceFactor() {
    WorkOrderCostingInput in =
        new WorkOrderCostingInput(
            "WO-3",
            List.of(CostMaterialIssue.issue("M", "100", "10", CostBasis.STANDARD)),
            List.of(),
            List.of(),
            CostJointOutput.byFactor("A", "100", "1"),
            List.of(CostJointOutput.byFactor("C", "50", "1.5")),
            List.of(),
            CostAllocationMethod.EQUIVALENCE_FACTOR,
            new CostStandard(
                List.of(CostStandardMaterial.of("M", "1", "10")),
                bd("0"),
                bd("0"),
                bd("0"),
                bd("0")));
    WorkOrderCostingResult r = WorkOrderCosting.cost(in);
    assertThat(r.allocations().get(0).allocatedCost()).isEqualByComparingTo("571.43");
    assertThat(r.allocations().get(0).unitCost()).isEqualByComparingTo("5.7143");
    assertThat(r.allocations().get(1).allocatedCost()).isEqualByComparingTo("428.57");
    assertThat(r.allocations().get(1).unitCost()).isEqualByComparingTo("8.5714");
  }

  /**
   * Materials off the standard: X is issued but not on the standard (3 @ 2.50 = 7.50, all usage), S
   * is on the standard (1 per unit @ 4, 10 units = 40.00) but was not issued (usage -40.00). Odd
   * minutes are rounded once at the end: 7 min @ 10/h = 1.1666.. -> 1.17, standard 0.5 min x 10
   * units @ 10/h = 0.8333.. -> 0.83; rate variance 0 (same rate), efficiency = 1.17 - 0.83 = 0.34.
   */
  @Test
  void materialsOffTheStandardAndOddMinutes() {
    WorkOrderCostingInput in =
        new WorkOrderCostingInput(
            "WO-4",
            List.of(CostMaterialIssue.issue("X", "3", "2.50", CostBasis.MOVING_AVERAGE)),
            List.of(CostActivity.of("0010", "WC", "7", "10", "0", "0")),
            List.of(),
            CostJointOutput.byFactor("P", "10", "1"),
            List.of(),
            List.of(),
            CostAllocationMethod.EQUIVALENCE_FACTOR,
            new CostStandard(
                List.of(CostStandardMaterial.of("S", "1", "4")),
                bd("0.5"),
                bd("10"),
                bd("0"),
                bd("0")));
    WorkOrderCostingResult r = WorkOrderCosting.cost(in);
    CostVariances v = r.variances();
    assertThat(v.materials())
        .extracting(CostMaterialVariance::materialId)
        .containsExactly("X", "S");
    CostMaterialVariance x = v.materials().get(0);
    assertThat(x.standardPrice()).isNull();
    assertThat(x.priceVariance()).isEqualByComparingTo("0");
    assertThat(x.usageVariance()).isEqualByComparingTo("7.50");
    CostMaterialVariance s = v.materials().get(1);
    assertThat(s.actualQuantity()).isEqualByComparingTo("0");
    assertThat(s.standardQuantity()).isEqualByComparingTo("10");
    assertThat(s.usageVariance()).isEqualByComparingTo("-40.00");
    assertThat(r.actual().labour()).isEqualByComparingTo("1.17");
    assertThat(r.standard().labour()).isEqualByComparingTo("0.83");
    assertThat(v.labourRate()).isEqualByComparingTo("0.00");
    assertThat(v.labourEfficiency()).isEqualByComparingTo("0.34");
    assertThat(v.total()).isEqualByComparingTo("-32.16"); // 7.50 + 1.17 - 40.00 - 0.83
  }

  /**
   * Overhead on cost bases: 50 % of material (100.00) = 50.00 and 10 % of direct cost (100 + 60
   * labour) = 16.00; standard rates 40 % and 10 % on the standard (material 90.00, labour 60.00):
   * 36.00 and 15.00. Material spending (50 - 40) % x 100 = 10.00, efficiency (100 - 90) x 40 % =
   * 4.00; direct spending 0, efficiency (160 - 150) x 10 % = 1.00.
   */
  @Test
  void overheadOnCostBases() {
    WorkOrderCostingInput in =
        new WorkOrderCostingInput(
            "WO-5",
            List.of(CostMaterialIssue.issue("M", "10", "10", CostBasis.STANDARD)),
            List.of(CostActivity.of("0010", "WC", "120", "30", "0", "0")),
            List.of(
                new CostOverheadRule(
                    "material", CostOverheadBase.MATERIAL_COST, bd("50"), bd("40")),
                CostOverheadRule.of("direct", CostOverheadBase.DIRECT_COST, "10")),
            CostJointOutput.byFactor("P", "3", "1"),
            List.of(),
            List.of(),
            CostAllocationMethod.EQUIVALENCE_FACTOR,
            new CostStandard(
                List.of(CostStandardMaterial.of("M", "3", "10")),
                bd("40"),
                bd("30"),
                bd("0"),
                bd("0")));
    WorkOrderCostingResult r = WorkOrderCosting.cost(in);
    assertThat(r.actual().overhead()).isEqualByComparingTo("66.00");
    assertThat(r.standard().overhead()).isEqualByComparingTo("51.00");
    List<CostOverheadVariance> oh = r.variances().overheads();
    assertThat(oh.get(0).spendingVariance()).isEqualByComparingTo("10.00");
    assertThat(oh.get(0).efficiencyVariance()).isEqualByComparingTo("4.00");
    assertThat(oh.get(1).spendingVariance()).isEqualByComparingTo("0.00");
    assertThat(oh.get(1).efficiencyVariance()).isEqualByComparingTo("1.00");
    assertThat(r.variances().overheadSpending()).isEqualByComparingTo("10.00");
    assertThat(r.variances().overheadEfficiency()).isEqualByComparingTo("5.00");
  }

  @Test
  void validationNamesTheField() {
    assertThatThrownBy(() -> CostMaterialIssue.issue("M", "-1", "1", CostBasis.STANDARD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("materialIssue.quantity");
    assertThatThrownBy(() -> CostActivity.of("0010", "WC", "1", "-5", "0", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("activity.labourRatePerHour");
    assertThatThrownBy(() -> CostJointOutput.byFactor("A", "0", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("output.quantity");
    assertThatThrownBy(
            () ->
                new CostStandard(
                    List.of(
                        CostStandardMaterial.of("M", "1", "1"),
                        CostStandardMaterial.of("M", "2", "1")),
                    bd("0"),
                    bd("0"),
                    bd("0"),
                    bd("0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("standard.materials");
    WorkOrderCostingInput base = textbook();
    assertThatThrownBy(
            () ->
                new WorkOrderCostingInput(
                    "WO",
                    base.materialIssues(),
                    base.activities(),
                    List.of(
                        CostOverheadRule.of("x", CostOverheadBase.LABOUR_HOURS, "1"),
                        CostOverheadRule.of("x", CostOverheadBase.MACHINE_HOURS, "1")),
                    base.mainProduct(),
                    List.of(),
                    List.of(),
                    CostAllocationMethod.EQUIVALENCE_FACTOR,
                    base.standard()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overheadRules[1].name");
    assertThatThrownBy(
            () ->
                new WorkOrderCostingInput(
                    "WO",
                    base.materialIssues(),
                    base.activities(),
                    base.overheadRules(),
                    base.mainProduct(),
                    List.of(CostJointOutput.bySalesValue("C", "1", "3")),
                    List.of(),
                    CostAllocationMethod.RELATIVE_SALES_VALUE,
                    base.standard()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mainProduct.unitSalesValue");
    assertThatThrownBy(
            () ->
                WorkOrderCosting.cost(
                    new WorkOrderCostingInput(
                        "WO",
                        base.materialIssues(),
                        base.activities(),
                        base.overheadRules(),
                        base.mainProduct(),
                        List.of(),
                        List.of(CostByProduct.of("B", "1000", "100")),
                        CostAllocationMethod.EQUIVALENCE_FACTOR,
                        base.standard())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("byProducts");
    assertThatThrownBy(
            () ->
                WorkOrderCosting.cost(
                    new WorkOrderCostingInput(
                        "WO",
                        base.materialIssues(),
                        base.activities(),
                        base.overheadRules(),
                        CostJointOutput.byFactor("P", "1", "0"),
                        List.of(),
                        List.of(),
                        CostAllocationMethod.EQUIVALENCE_FACTOR,
                        base.standard())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allocation weights");
  }
}
