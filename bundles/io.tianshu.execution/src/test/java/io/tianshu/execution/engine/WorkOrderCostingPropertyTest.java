package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random work orders: the rounded report must foot exactly (allocations add up to the joint cost,
 * variances to actual - standard) and every figure must agree with an independent floating-point
 * computation of the formulas to within the rounding it has had.
 */
class WorkOrderCostingPropertyTest {

  private static final int RUNS = 2000;

  @Test
  void invariantsHoldOnRandomWorkOrders() {
    Random random = new Random(20261122L);
    for (int run = 0; run < RUNS; run++) {
      WorkOrderCostingInput in = randomInput(random, run);
      WorkOrderCostingResult r = WorkOrderCosting.cost(in);
      String ctx = "run " + run + ": " + in;

      // Footing, exactly.
      BigDecimal allocated =
          r.allocations().stream()
              .map(CostAllocation::allocatedCost)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(allocated).as(ctx).isEqualByComparingTo(r.jointCost());
      assertThat(r.jointCost())
          .as(ctx)
          .isEqualByComparingTo(r.actual().total().subtract(r.byProductCredit()));
      assertThat(r.variances().total())
          .as(ctx)
          .isEqualByComparingTo(r.actual().total().subtract(r.standard().total()));
      CostVariances v = r.variances();
      assertThat(v.materialPrice().add(v.materialUsage()))
          .as(ctx)
          .isEqualByComparingTo(r.actual().material().subtract(r.standard().material()));
      assertThat(v.labourRate().add(v.labourEfficiency()))
          .as(ctx)
          .isEqualByComparingTo(r.actual().labour().subtract(r.standard().labour()));
      assertThat(v.machineSpending().add(v.machineEfficiency()))
          .as(ctx)
          .isEqualByComparingTo(r.actual().machine().subtract(r.standard().machine()));
      assertThat(v.overheadSpending().add(v.overheadEfficiency()))
          .as(ctx)
          .isEqualByComparingTo(r.actual().overhead().subtract(r.standard().overhead()));
      assertThat(sum(v.materials().stream().map(CostMaterialVariance::actualCost).toList()))
          .as(ctx)
          .isEqualByComparingTo(r.actual().material());
      assertThat(sum(v.overheads().stream().map(CostOverheadVariance::actualCost).toList()))
          .as(ctx)
          .isEqualByComparingTo(r.actual().overhead());
      assertThat(sum(new ArrayList<>(r.materialByBasis().values())))
          .as(ctx)
          .isEqualByComparingTo(r.actual().material());
      for (CostMaterialVariance m : v.materials()) {
        assertThat(m.priceVariance().add(m.usageVariance()))
            .as(ctx)
            .isEqualByComparingTo(m.actualCost().subtract(m.standardCost()));
      }
      for (BigDecimal money :
          List.of(
              r.actual().material(),
              r.actual().overhead(),
              r.standard().labour(),
              r.jointCost(),
              v.labourEfficiency(),
              v.materialUsage(),
              r.allocations().get(r.allocations().size() - 1).allocatedCost())) {
        assertThat(money.scale()).as(ctx).isEqualTo(2);
      }

      // Agreement with an independent computation in double.
      checkAgainstDoubles(in, r, ctx);
    }
  }

  private static void checkAgainstDoubles(
      WorkOrderCostingInput in, WorkOrderCostingResult r, String ctx) {
    double q = in.mainProduct().quantity().doubleValue();
    CostStandard std = in.standard();
    Map<String, Double> aq = new HashMap<>();
    Map<String, Double> ac = new HashMap<>();
    double material = 0;
    for (CostMaterialIssue i : in.materialIssues()) {
      double sign = i.isReturn() ? -1 : 1;
      double qty = sign * i.quantity().doubleValue();
      aq.merge(i.materialId(), qty, Double::sum);
      ac.merge(i.materialId(), qty * i.unitCost().doubleValue(), Double::sum);
      material += qty * i.unitCost().doubleValue();
    }
    double stdMaterial = 0;
    double price = 0;
    for (CostStandardMaterial m : std.materials()) {
      double sp = m.standardPrice().doubleValue();
      stdMaterial += m.quantityPerUnit().doubleValue() * q * sp;
      price += ac.getOrDefault(m.materialId(), 0.0) - aq.getOrDefault(m.materialId(), 0.0) * sp;
    }
    double lm = 0;
    double labour = 0;
    double mm = 0;
    double machine = 0;
    for (CostActivity a : in.activities()) {
      lm += a.labourMinutes().doubleValue();
      labour += a.labourMinutes().doubleValue() / 60 * a.labourRatePerHour().doubleValue();
      mm += a.machineMinutes().doubleValue();
      machine += a.machineMinutes().doubleValue() / 60 * a.machineRatePerHour().doubleValue();
    }
    double slr = std.labourRatePerHour().doubleValue();
    double smr = std.machineRatePerHour().doubleValue();
    double slm = std.labourMinutesPerUnit().doubleValue() * q;
    double smm = std.machineMinutesPerUnit().doubleValue() * q;
    double stdLabour = slm / 60 * slr;
    double stdMachine = smm / 60 * smr;
    double overhead = 0;
    double stdOverhead = 0;
    double spending = 0;
    for (CostOverheadRule rule : in.overheadRules()) {
      double scale = rule.base().hours() ? 1 : 0.01;
      double rate = rule.rate().doubleValue() * scale;
      double stdRate = rule.standardRate().doubleValue() * scale;
      double[] bases =
          switch (rule.base()) {
            case LABOUR_HOURS -> new double[] {lm / 60, slm / 60};
            case MACHINE_HOURS -> new double[] {mm / 60, smm / 60};
            case LABOUR_COST -> new double[] {labour, stdLabour};
            case MATERIAL_COST -> new double[] {material, stdMaterial};
            case DIRECT_COST ->
                new double[] {material + labour + machine, stdMaterial + stdLabour + stdMachine};
          };
      overhead += rate * bases[0];
      stdOverhead += stdRate * bases[1];
      spending += (rate - stdRate) * bases[0];
    }
    int lines = in.materialIssues().size() + std.materials().size() + in.overheadRules().size() + 4;
    double tol = 0.01 * lines + 1e-6;
    assertThat(r.actual().material().doubleValue()).as(ctx).isCloseTo(material, within(0.0051));
    assertThat(r.actual().labour().doubleValue()).as(ctx).isCloseTo(labour, within(0.0051));
    assertThat(r.actual().machine().doubleValue()).as(ctx).isCloseTo(machine, within(0.0051));
    assertThat(r.actual().overhead().doubleValue()).as(ctx).isCloseTo(overhead, within(0.0051));
    assertThat(r.standard().material().doubleValue())
        .as(ctx)
        .isCloseTo(stdMaterial, within(0.0051));
    assertThat(r.standard().overhead().doubleValue())
        .as(ctx)
        .isCloseTo(stdOverhead, within(0.0051));
    CostVariances v = r.variances();
    assertThat(v.materialPrice().doubleValue()).as(ctx).isCloseTo(price, within(tol));
    assertThat(v.labourRate().doubleValue())
        .as(ctx)
        .isCloseTo(labour - lm / 60 * slr, within(0.0051));
    assertThat(v.labourEfficiency().doubleValue())
        .as(ctx)
        .isCloseTo((lm - slm) / 60 * slr, within(0.0151));
    assertThat(v.machineSpending().doubleValue())
        .as(ctx)
        .isCloseTo(machine - mm / 60 * smr, within(0.0051));
    assertThat(v.machineEfficiency().doubleValue())
        .as(ctx)
        .isCloseTo((mm - smm) / 60 * smr, within(0.0151));
    assertThat(v.overheadSpending().doubleValue()).as(ctx).isCloseTo(spending, within(tol));
    double credit = 0;
    for (CostByProduct b : in.byProducts()) {
      credit += b.quantity().doubleValue() * b.unitCreditValue().doubleValue();
    }
    assertThat(r.byProductCredit().doubleValue()).as(ctx).isCloseTo(credit, within(0.0051));
    // Each share except the last is the rounded exact share of the joint cost.
    double totalWeight = r.allocations().stream().mapToDouble(a -> a.weight().doubleValue()).sum();
    for (int i = 0; i < r.allocations().size(); i++) {
      CostAllocation a = r.allocations().get(i);
      double exact = r.jointCost().doubleValue() * a.weight().doubleValue() / totalWeight;
      double tolerance = i < r.allocations().size() - 1 ? 0.0051 : 0.0051 * r.allocations().size();
      assertThat(a.allocatedCost().doubleValue()).as(ctx).isCloseTo(exact, within(tolerance));
    }
  }

  private static WorkOrderCostingInput randomInput(Random random, int run) {
    List<CostMaterialIssue> issues = new ArrayList<>();
    int materials = random.nextInt(5);
    for (int m = 0; m < materials; m++) {
      String id = "M" + random.nextInt(6);
      CostBasis basis = random.nextBoolean() ? CostBasis.STANDARD : CostBasis.MOVING_AVERAGE;
      BigDecimal qty = decimal(random, 1, 500_000, 3);
      BigDecimal cost = decimal(random, 0, 200_000, 4);
      issues.add(new CostMaterialIssue(id, qty, cost, basis, false));
      if (random.nextInt(4) == 0) {
        BigDecimal back =
            qty.divide(BigDecimal.valueOf(2 + random.nextInt(5)), 3, RoundingMode.DOWN);
        if (back.signum() > 0) {
          issues.add(new CostMaterialIssue(id, back, cost, basis, true));
        }
      }
    }
    List<CostActivity> activities = new ArrayList<>();
    int ops = random.nextInt(4);
    for (int o = 0; o < ops; o++) {
      activities.add(
          new CostActivity(
              String.format("%04d", (o + 1) * 10),
              "WC" + random.nextInt(3),
              decimal(random, 0, 100_000, random.nextInt(3)),
              decimal(random, 0, 10_000, 2),
              decimal(random, 0, 100_000, random.nextInt(3)),
              decimal(random, 0, 20_000, 2)));
    }
    List<CostOverheadRule> rules = new ArrayList<>();
    int nRules = random.nextInt(4);
    for (int k = 0; k < nRules; k++) {
      CostOverheadBase base =
          CostOverheadBase.values()[random.nextInt(CostOverheadBase.values().length)];
      rules.add(
          new CostOverheadRule(
              "oh" + k, base, decimal(random, 0, 30_000, 2), decimal(random, 0, 30_000, 2)));
    }
    List<CostStandardMaterial> stdMaterials = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      if (random.nextBoolean()) {
        stdMaterials.add(
            new CostStandardMaterial(
                "M" + m, decimal(random, 0, 50_000, 4), decimal(random, 0, 200_000, 4)));
      }
    }
    CostStandard standard =
        new CostStandard(
            stdMaterials,
            decimal(random, 0, 10_000, 2),
            decimal(random, 0, 10_000, 2),
            decimal(random, 0, 10_000, 2),
            decimal(random, 0, 20_000, 2));
    CostAllocationMethod method =
        random.nextBoolean()
            ? CostAllocationMethod.EQUIVALENCE_FACTOR
            : CostAllocationMethod.RELATIVE_SALES_VALUE;
    CostJointOutput main = output(random, "P", method);
    List<CostJointOutput> co = new ArrayList<>();
    int nCo = random.nextInt(4);
    for (int c = 0; c < nCo; c++) {
      co.add(output(random, "C" + c, method));
    }
    // Keep the by-product credit small enough not to exceed the cost (an error case of its own).
    List<CostByProduct> by = new ArrayList<>();
    if (random.nextBoolean() && !issues.isEmpty()) {
      by.add(new CostByProduct("B", decimal(random, 0, 1_000, 2), decimal(random, 0, 10, 2)));
    }
    WorkOrderCostingInput in =
        new WorkOrderCostingInput(
            "WO-" + run, issues, activities, rules, main, co, by, method, standard);
    return in;
  }

  private static CostJointOutput output(Random random, String id, CostAllocationMethod method) {
    BigDecimal qty = decimal(random, 1, 1_000_000, 3);
    BigDecimal weight = decimal(random, 1, 100_000, 2);
    return method == CostAllocationMethod.EQUIVALENCE_FACTOR
        ? new CostJointOutput(id, qty, weight, null)
        : new CostJointOutput(id, qty, null, weight);
  }

  /** A decimal with an unscaled value drawn uniformly from [min, max) and the given scale. */
  private static BigDecimal decimal(Random random, int minUnscaled, int maxUnscaled, int scale) {
    return BigDecimal.valueOf(minUnscaled + random.nextInt(maxUnscaled - minUnscaled), scale);
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
