package io.tianshu.execution.internal;

import io.tianshu.execution.OverheadRule;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderComponent;
import io.tianshu.execution.WorkOrderCost.ByProductCredit;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.execution.engine.CostActivity;
import io.tianshu.execution.engine.CostAllocationMethod;
import io.tianshu.execution.engine.CostBasis;
import io.tianshu.execution.engine.CostByProduct;
import io.tianshu.execution.engine.CostJointOutput;
import io.tianshu.execution.engine.CostMaterialIssue;
import io.tianshu.execution.engine.CostOverheadBase;
import io.tianshu.execution.engine.CostOverheadRule;
import io.tianshu.execution.engine.CostStandard;
import io.tianshu.execution.engine.CostStandardMaterial;
import io.tianshu.execution.engine.CostSubcontractFee;
import io.tianshu.execution.engine.WorkOrderCostingInput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the server knows of a work order (its order BOM and routing, reports, stock movements,
 * prices, rates, overhead rules and BOM outputs) into the costing engine's input. Pure: no
 * database, so that every rule of {@link io.tianshu.execution.CostingService#compute} is unit
 * tested here.
 *
 * <p>Outsourced operations ({@link WorkOrderOperation#outsourced()}, from the routing's {@code
 * RoutingOperation.outsourced}) are done by a supplier: their setup and run minutes are no part of
 * the in-house labour and machine standard. Their cost belongs to the subcontract element, but no
 * standard processing fee is kept anywhere (not on the routing operation, not on the outsourcing
 * shipment: only the actual fee of an outsourcing receipt), so the subcontract standard stays 0 and
 * the whole fee is subcontract variance. Reported time at an outsourced operation (the part of its
 * work done in-house) is still actual labour and machine time.
 */
final class CostAssembly {
  private static final MathContext MC = MathContext.DECIMAL128;
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int MINUTE_SCALE = 6;

  private CostAssembly() {}

  /** A line of the order's stock movements: quantity signed as in the ledger (issue negative). */
  record LedgerLine(long materialId, BigDecimal quantity) {}

  /** The time fields of one report. */
  record ReportTime(
      int seq, BigDecimal good, BigDecimal scrap, BigDecimal rework, Instant start, Instant end) {}

  /** A material's prices on the price date; {@code movingAverage} may be null. */
  record Price(BigDecimal standard, BigDecimal movingAverage) {}

  /** A work centre's rates. */
  record Rate(BigDecimal labour, BigDecimal machine, BigDecimal crew) {}

  /** A co- or by-product of the order's BOM. */
  record Output(long materialId, BigDecimal quantityPer, boolean coProduct, BigDecimal sharePct) {}

  /** The engine's input and what the report shows besides the engine's result. */
  record Assembled(
      WorkOrderCostingInput input,
      String timeSource,
      BigDecimal labourMinutes,
      BigDecimal machineMinutes,
      BigDecimal standardLabourMinutes,
      BigDecimal standardMachineMinutes,
      List<ByProductCredit> byProducts,
      List<String> notes) {}

  static Assembled assemble(
      WorkOrder w,
      List<ReportTime> reports,
      List<LedgerLine> ledger,
      Map<Long, Price> prices,
      Map<Long, Rate> rates,
      List<OverheadRule> rules,
      List<Output> outputs) {
    List<String> notes = new ArrayList<>();
    BigDecimal q = w.completedQuantity();
    if (q == null || q.signum() <= 0) {
      throw new IllegalStateException(
          "order " + w.code() + " has no good quantity in stock yet / 工单尚无完工入库数量");
    }
    Set<Long> outputIds = new HashSet<>();
    outputIds.add(w.materialId());
    for (Output o : outputs) {
      outputIds.add(o.materialId());
    }
    Set<Long> unpriced = new HashSet<>();

    // Material issues and returns from the ledger; the outputs are not material.
    List<CostMaterialIssue> issues = new ArrayList<>();
    for (LedgerLine l : ledger) {
      if (outputIds.contains(l.materialId()) || l.quantity().signum() == 0) {
        continue;
      }
      Price p = prices.get(l.materialId());
      BigDecimal unit;
      CostBasis basis;
      if (p == null) {
        unpriced.add(l.materialId());
        unit = BigDecimal.ZERO;
        basis = CostBasis.STANDARD;
      } else if (p.movingAverage() != null) {
        unit = p.movingAverage();
        basis = CostBasis.MOVING_AVERAGE;
      } else {
        unit = p.standard();
        basis = CostBasis.STANDARD;
      }
      issues.add(
          new CostMaterialIssue(
              String.valueOf(l.materialId()),
              l.quantity().abs(),
              unit,
              basis,
              l.quantity().signum() > 0));
    }

    // Standard materials: the order BOM per unit with its planned scrap.
    Map<Long, BigDecimal> perUnit = new LinkedHashMap<>();
    for (WorkOrderComponent k : w.components()) {
      BigDecimal withScrap =
          k.quantityPer()
              .multiply(BigDecimal.ONE.add(k.scrapPercent().divide(HUNDRED, MC)))
              .stripTrailingZeros();
      perUnit.merge(k.materialId(), withScrap, BigDecimal::add);
    }
    List<CostStandardMaterial> stdMaterials = new ArrayList<>();
    for (Map.Entry<Long, BigDecimal> e : perUnit.entrySet()) {
      Price p = prices.get(e.getKey());
      if (p == null) {
        unpriced.add(e.getKey());
      }
      stdMaterials.add(
          new CostStandardMaterial(
              String.valueOf(e.getKey()),
              e.getValue(),
              p == null ? BigDecimal.ZERO : p.standard()));
    }
    for (Long m : unpriced) {
      notes.add("material " + m + " has no price on the price date: valued at 0 / 物料无价格, 按 0 计");
    }

    // Time: per operation from the reports, at its work centre's rates.
    Map<Integer, List<ReportTime>> bySeq = new LinkedHashMap<>();
    for (ReportTime r : reports) {
      bySeq.computeIfAbsent(r.seq(), s -> new ArrayList<>()).add(r);
    }
    List<CostActivity> activities = new ArrayList<>();
    int timed = 0;
    int untimed = 0;
    BigDecimal labourMinutes = BigDecimal.ZERO;
    BigDecimal machineMinutes = BigDecimal.ZERO;
    BigDecimal stdLabourMinutes = BigDecimal.ZERO;
    BigDecimal stdMachineMinutes = BigDecimal.ZERO;
    BigDecimal stdLabourMoney = BigDecimal.ZERO;
    BigDecimal stdMachineMoney = BigDecimal.ZERO;
    Set<Long> noRate = new HashSet<>();
    for (WorkOrderOperation op : w.operations()) {
      Rate rate = op.workCenterId() == null ? null : rates.get(op.workCenterId());
      if (rate == null) {
        noRate.add(op.workCenterId());
        rate = new Rate(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE);
      }
      BigDecimal minutes = BigDecimal.ZERO;
      boolean anyTimed = false;
      List<ReportTime> rs = bySeq.getOrDefault(op.seq(), List.of());
      for (ReportTime r : rs) {
        if (r.start() != null && r.end() != null) {
          anyTimed = true;
          timed++;
          minutes = minutes.add(minutes(r.start(), r.end()));
        } else {
          untimed++;
          minutes = minutes.add(op.runMinutes().multiply(r.good().add(r.scrap()).add(r.rework())));
        }
      }
      if (!rs.isEmpty() && !anyTimed) {
        minutes = minutes.add(op.setupMinutes());
      }
      BigDecimal labour = minutes.multiply(rate.crew());
      labourMinutes = labourMinutes.add(labour);
      machineMinutes = machineMinutes.add(minutes);
      if (!rs.isEmpty()) {
        activities.add(
            new CostActivity(
                String.valueOf(op.seq()),
                op.workCenterId() == null ? "-" : String.valueOf(op.workCenterId()),
                labour,
                rate.labour(),
                minutes,
                rate.machine()));
      }
      if (op.outsourced()) {
        // done by a supplier: no in-house standard time; its fee is the subcontract element
        continue;
      }
      BigDecimal std = op.setupMinutes().add(op.runMinutes().multiply(q));
      stdMachineMinutes = stdMachineMinutes.add(std);
      stdLabourMinutes = stdLabourMinutes.add(std.multiply(rate.crew()));
      stdMachineMoney = stdMachineMoney.add(std.multiply(rate.machine()));
      stdLabourMoney = stdLabourMoney.add(std.multiply(rate.crew()).multiply(rate.labour()));
    }
    noRate.remove(null);
    for (Long wc : noRate) {
      notes.add("work centre " + wc + " has no rates: time valued at 0 / 工作中心无费率, 按 0 计");
    }
    if (w.operations().stream().anyMatch(o -> o.workCenterId() == null)) {
      notes.add("an operation has no work centre: its time is valued at 0 / 工序无工作中心, 按 0 计");
    }
    if (w.operations().stream().anyMatch(WorkOrderOperation::outsourced)) {
      notes.add(
          "outsourced operations carry no in-house standard time; no standard processing fee is"
              + " kept, so their standard subcontract cost is 0 / 委外工序不计本厂标准工时, 无标准加工费,"
              + " 标准委外成本为 0");
    }
    String timeSource = timed == 0 ? "STANDARD" : untimed == 0 ? "REPORTED" : "MIXED";
    // The engine's standard is per unit at one rate per element: the minutes per unit carry the
    // setup spread over Q, the rate is the minutes-weighted average of the work centres' rates.
    CostStandard standard =
        new CostStandard(
            stdMaterials,
            stdLabourMinutes.divide(q, MC),
            average(stdLabourMoney, stdLabourMinutes),
            stdMachineMinutes.divide(q, MC),
            average(stdMachineMoney, stdMachineMinutes));

    List<CostOverheadRule> ohRules = new ArrayList<>();
    for (OverheadRule r : rules) {
      ohRules.add(
          new CostOverheadRule(
              r.name(), CostOverheadBase.valueOf(r.base()), r.rate(), r.standardRate()));
    }

    // Outputs: co-products share the joint cost by their BOM cost shares, by-products are credited
    // at their standard price.
    List<CostJointOutput> coProducts = new ArrayList<>();
    List<CostByProduct> byProducts = new ArrayList<>();
    List<ByProductCredit> credits = new ArrayList<>();
    BigDecimal mainShare = HUNDRED;
    for (Output o : outputs) {
      BigDecimal qty = o.quantityPer().multiply(q);
      if (o.coProduct()) {
        if (qty.signum() <= 0) {
          notes.add("co-product " + o.materialId() + " has no quantity: left out / 联产品数量为 0");
          continue;
        }
        mainShare = mainShare.subtract(o.sharePct());
        coProducts.add(
            new CostJointOutput(
                String.valueOf(o.materialId()),
                qty,
                o.sharePct().divide(o.quantityPer(), MC),
                null));
      } else {
        Price p = prices.get(o.materialId());
        if (p == null) {
          notes.add(
              "by-product " + o.materialId() + " has no price: credited at 0 / 副产品无价格, 按 0 计");
        }
        BigDecimal unit = p == null ? BigDecimal.ZERO : p.standard();
        CostByProduct b = new CostByProduct(String.valueOf(o.materialId()), qty, unit);
        byProducts.add(b);
        credits.add(
            new ByProductCredit(
                o.materialId(), qty, unit, b.credit().setScale(2, RoundingMode.HALF_UP)));
      }
    }
    CostJointOutput main =
        new CostJointOutput(
            String.valueOf(w.materialId()),
            q,
            coProducts.isEmpty() ? BigDecimal.ONE : mainShare.max(BigDecimal.ZERO),
            null);
    WorkOrderCostingInput input =
        new WorkOrderCostingInput(
            String.valueOf(w.id()),
            issues,
            activities,
            ohRules,
            main,
            coProducts,
            byProducts,
            CostAllocationMethod.EQUIVALENCE_FACTOR,
            standard);
    return new Assembled(
        input,
        timeSource,
        labourMinutes,
        machineMinutes,
        stdLabourMinutes,
        stdMachineMinutes,
        credits,
        notes);
  }

  /**
   * The assembled input with the order's outsourcing processing fees as the subcontract element
   * (kept apart from {@link #assemble} so that its rules stay as they are for orders without
   * outsourcing).
   */
  static Assembled withSubcontractFees(Assembled a, List<CostSubcontractFee> fees) {
    if (fees.isEmpty()) {
      return a;
    }
    WorkOrderCostingInput in = a.input();
    return new Assembled(
        new WorkOrderCostingInput(
            in.workOrderId(),
            in.materialIssues(),
            in.activities(),
            in.overheadRules(),
            in.mainProduct(),
            in.coProducts(),
            in.byProducts(),
            in.allocationMethod(),
            in.standard(),
            fees),
        a.timeSource(),
        a.labourMinutes(),
        a.machineMinutes(),
        a.standardLabourMinutes(),
        a.standardMachineMinutes(),
        a.byProducts(),
        a.notes());
  }

  /** Minutes between two instants, to 6 decimals. */
  static BigDecimal minutes(Instant start, Instant end) {
    Duration d = Duration.between(start, end);
    BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    return seconds.divide(SIXTY, MINUTE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private static BigDecimal average(BigDecimal money, BigDecimal minutes) {
    return minutes.signum() == 0 ? BigDecimal.ZERO : money.divide(minutes, MC);
  }
}
