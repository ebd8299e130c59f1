package io.tianshu.execution.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Actual costing of one work order: cost by element, by-product credit, allocation of the joint
 * cost to main and co-products, and variances against the standard cost of the actual output.
 *
 * <h2>Actual cost</h2>
 *
 * <ul>
 *   <li>Material = sum of signed quantity x unit cost over the issues (returns negative).
 *   <li>Labour = sum of labour minutes x labour rate per hour / 60 over the activities; machine
 *       likewise.
 *   <li>Overhead = sum over the rules of rate x actual base, where the base is hours (minutes / 60)
 *       for {@code LABOUR_HOURS}/{@code MACHINE_HOURS} and the exact actual labour, material or
 *       direct (material + labour + machine) cost for the cost bases, whose rate is a percentage.
 *   <li>Subcontract = sum of the outsourcing processing fees (委外加工费). They are in no overhead base
 *       (the supplier's fee carries the supplier's overhead), have a standard of zero (none is kept
 *       yet), so the subcontract variance is the whole fee, and they are part of the joint cost.
 * </ul>
 *
 * <h2>Standard cost of the actual output</h2>
 *
 * The standard is per unit of main product; with Q = the main product's good quantity: standard
 * quantity SQ = quantity per unit x Q for each material, standard hours SH = minutes per unit x Q /
 * 60, standard overhead = standard rate x standard base for Q (the same bases computed from the
 * standard quantities and prices).
 *
 * <h2>Variances (positive = unfavourable)</h2>
 *
 * <ul>
 *   <li>Material price variance = AC - AQ x SP = (AP - SP) x AQ, per material, where AQ is the net
 *       quantity issued, AC its actual cost and AP = AC / AQ its average actual price.
 *   <li>Material usage variance = (AQ - SQ) x SP. A material not on the standard has SQ = 0 and is
 *       valued at its own average price, so its whole cost is usage variance; a standard material
 *       not issued has usage variance -SQ x SP.
 *   <li>Labour rate variance = actual labour cost - AH x SR (= (AR - SR) x AH with AR the average
 *       actual rate); labour efficiency variance = (AH - SH) x SR.
 *   <li>Machine spending variance and machine efficiency variance: the same with machine hours and
 *       rates.
 *   <li>Overhead spending variance = (rate - standard rate) x actual base, per rule; overhead
 *       efficiency variance = (actual base - standard base) x standard rate. For the hour bases
 *       this is the textbook variable overhead efficiency variance; for the cost bases it is the
 *       overhead carried along by the base's own variance.
 * </ul>
 *
 * Each element's variances therefore add up to actual - standard of that element, and all of them
 * to actual total - standard total. Fixed overhead volume variance needs a period budget and has no
 * meaning for a single work order, so it is not computed.
 *
 * <h2>Joint cost</h2>
 *
 * By-products are credited at quantity x unit credit value; joint cost = actual total - credit is
 * shared between main product and co-products in proportion to their weights (quantity x
 * equivalence factor, or quantity x unit sales value).
 *
 * <h2>Scale and rounding</h2>
 *
 * Inputs may have any scale. Everything is computed exactly in {@link BigDecimal}; the only
 * divisions (minutes to hours, allocation ratios) are carried at 34 significant digits ({@link
 * MathContext#DECIMAL128}). Money is rounded HALF_UP to {@value #MONEY_SCALE} decimals once, at the
 * end, and the rounded report is made to foot: an element is rounded from its exact value, its
 * per-material or per-rule lines are rounded and the last line takes the difference; within a line
 * or element the first variance is rounded and the second is the rest; the joint cost allocation
 * rounds each share and the last output takes the remainder (a cent or so; with a zero weight on
 * the last output that can make its share -0.01). Unit costs are rounded HALF_UP to {@value
 * #UNIT_COST_SCALE} decimals because they get multiplied by quantities later.
 */
public final class WorkOrderCosting {

  /** Decimals of money amounts in the result. */
  public static final int MONEY_SCALE = 2;

  /** Decimals of unit costs in the result. */
  public static final int UNIT_COST_SCALE = 4;

  private static final MathContext MC = MathContext.DECIMAL128;
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private WorkOrderCosting() {}

  /**
   * Costs a work order.
   *
   * @param input the work order's issues, activities, rules, outputs and standard
   * @return actual cost, allocation and variances
   * @throws IllegalArgumentException if the joint cost (actual cost - by-product credit) is
   *     negative or all allocation weights are zero
   */
  public static WorkOrderCostingResult cost(WorkOrderCostingInput input) {
    Objects.requireNonNull(input, "input");
    BigDecimal q = input.mainProduct().quantity();
    CostStandard std = input.standard();

    // Material: net quantity and cost per material, in order of first issue, then standard-only.
    Map<String, BigDecimal> issuedQty = new LinkedHashMap<>();
    Map<String, BigDecimal> issuedCost = new LinkedHashMap<>();
    Map<CostBasis, BigDecimal> byBasisExact = new EnumMap<>(CostBasis.class);
    for (CostBasis b : CostBasis.values()) {
      byBasisExact.put(b, BigDecimal.ZERO);
    }
    for (CostMaterialIssue issue : input.materialIssues()) {
      issuedQty.merge(issue.materialId(), issue.signedQuantity(), BigDecimal::add);
      issuedCost.merge(issue.materialId(), issue.signedCost(), BigDecimal::add);
      byBasisExact.merge(issue.basis(), issue.signedCost(), BigDecimal::add);
    }
    Map<String, CostStandardMaterial> stdMaterials = new LinkedHashMap<>();
    for (CostStandardMaterial m : std.materials()) {
      stdMaterials.put(m.materialId(), m);
    }
    List<String> materialIds = new ArrayList<>(issuedQty.keySet());
    for (String id : stdMaterials.keySet()) {
      if (!issuedQty.containsKey(id)) {
        materialIds.add(id);
      }
    }
    List<BigDecimal> matActualExact = new ArrayList<>();
    List<BigDecimal> matStdExact = new ArrayList<>();
    List<BigDecimal> matPriceExact = new ArrayList<>();
    BigDecimal materialExact = BigDecimal.ZERO;
    BigDecimal stdMaterialExact = BigDecimal.ZERO;
    for (String id : materialIds) {
      BigDecimal aq = issuedQty.getOrDefault(id, BigDecimal.ZERO);
      BigDecimal ac = issuedCost.getOrDefault(id, BigDecimal.ZERO);
      CostStandardMaterial sm = stdMaterials.get(id);
      BigDecimal sc =
          sm == null
              ? BigDecimal.ZERO
              : sm.quantityPerUnit().multiply(q).multiply(sm.standardPrice());
      // An unplanned material has no standard price: all of it is usage, none of it price.
      BigDecimal price =
          sm == null ? BigDecimal.ZERO : ac.subtract(aq.multiply(sm.standardPrice()));
      matActualExact.add(ac);
      matStdExact.add(sc);
      matPriceExact.add(price);
      materialExact = materialExact.add(ac);
      stdMaterialExact = stdMaterialExact.add(sc);
    }
    List<BigDecimal> matActual = footed(matActualExact);
    List<BigDecimal> matStd = footed(matStdExact);
    List<CostMaterialVariance> materialVariances = new ArrayList<>();
    BigDecimal materialPrice = zero();
    BigDecimal materialUsage = zero();
    for (int i = 0; i < materialIds.size(); i++) {
      String id = materialIds.get(i);
      CostStandardMaterial sm = stdMaterials.get(id);
      BigDecimal price = money(matPriceExact.get(i));
      BigDecimal usage = matActual.get(i).subtract(matStd.get(i)).subtract(price);
      materialPrice = materialPrice.add(price);
      materialUsage = materialUsage.add(usage);
      materialVariances.add(
          new CostMaterialVariance(
              id,
              issuedQty.getOrDefault(id, BigDecimal.ZERO),
              sm == null ? BigDecimal.ZERO : sm.quantityPerUnit().multiply(q),
              sm == null ? null : sm.standardPrice(),
              matActual.get(i),
              matStd.get(i),
              price,
              usage));
    }
    BigDecimal material = sum(matActual);
    BigDecimal stdMaterial = sum(matStd);
    List<CostBasis> bases = List.of(CostBasis.values());
    List<BigDecimal> byBasisRounded = footed(bases.stream().map(byBasisExact::get).toList());
    Map<CostBasis, BigDecimal> materialByBasis = new EnumMap<>(CostBasis.class);
    for (int i = 0; i < bases.size(); i++) {
      materialByBasis.put(bases.get(i), byBasisRounded.get(i));
    }

    // Labour and machine: keep minutes x rate (money x 60) exact and divide once.
    BigDecimal labourMinutes = BigDecimal.ZERO;
    BigDecimal labourMinuteMoney = BigDecimal.ZERO;
    BigDecimal machineMinutes = BigDecimal.ZERO;
    BigDecimal machineMinuteMoney = BigDecimal.ZERO;
    for (CostActivity a : input.activities()) {
      labourMinutes = labourMinutes.add(a.labourMinutes());
      labourMinuteMoney = labourMinuteMoney.add(a.labourMinutes().multiply(a.labourRatePerHour()));
      machineMinutes = machineMinutes.add(a.machineMinutes());
      machineMinuteMoney =
          machineMinuteMoney.add(a.machineMinutes().multiply(a.machineRatePerHour()));
    }
    BigDecimal stdLabourMinutes = std.labourMinutesPerUnit().multiply(q);
    BigDecimal stdMachineMinutes = std.machineMinutesPerUnit().multiply(q);
    BigDecimal labourExact = perHour(labourMinuteMoney);
    BigDecimal machineExact = perHour(machineMinuteMoney);
    BigDecimal stdLabourExact = perHour(stdLabourMinutes.multiply(std.labourRatePerHour()));
    BigDecimal stdMachineExact = perHour(stdMachineMinutes.multiply(std.machineRatePerHour()));
    BigDecimal labour = money(labourExact);
    BigDecimal machine = money(machineExact);
    BigDecimal stdLabour = money(stdLabourExact);
    BigDecimal stdMachine = money(stdMachineExact);
    BigDecimal labourRate =
        money(perHour(labourMinuteMoney.subtract(labourMinutes.multiply(std.labourRatePerHour()))));
    BigDecimal labourEfficiency = labour.subtract(stdLabour).subtract(labourRate);
    BigDecimal machineSpending =
        money(
            perHour(
                machineMinuteMoney.subtract(machineMinutes.multiply(std.machineRatePerHour()))));
    BigDecimal machineEfficiency = machine.subtract(stdMachine).subtract(machineSpending);

    // Overhead: the bases use exact (unrounded) amounts.
    Map<CostOverheadBase, BigDecimal> actualBase = new EnumMap<>(CostOverheadBase.class);
    actualBase.put(CostOverheadBase.LABOUR_HOURS, perHour(labourMinutes));
    actualBase.put(CostOverheadBase.MACHINE_HOURS, perHour(machineMinutes));
    actualBase.put(CostOverheadBase.LABOUR_COST, labourExact);
    actualBase.put(CostOverheadBase.MATERIAL_COST, materialExact);
    actualBase.put(CostOverheadBase.DIRECT_COST, materialExact.add(labourExact).add(machineExact));
    Map<CostOverheadBase, BigDecimal> stdBase = new EnumMap<>(CostOverheadBase.class);
    stdBase.put(CostOverheadBase.LABOUR_HOURS, perHour(stdLabourMinutes));
    stdBase.put(CostOverheadBase.MACHINE_HOURS, perHour(stdMachineMinutes));
    stdBase.put(CostOverheadBase.LABOUR_COST, stdLabourExact);
    stdBase.put(CostOverheadBase.MATERIAL_COST, stdMaterialExact);
    stdBase.put(
        CostOverheadBase.DIRECT_COST, stdMaterialExact.add(stdLabourExact).add(stdMachineExact));
    List<BigDecimal> ohActualExact = new ArrayList<>();
    List<BigDecimal> ohStdExact = new ArrayList<>();
    List<BigDecimal> ohSpendingExact = new ArrayList<>();
    for (CostOverheadRule r : input.overheadRules()) {
      BigDecimal rate = factor(r.base(), r.rate());
      BigDecimal stdRate = factor(r.base(), r.standardRate());
      BigDecimal ab = actualBase.get(r.base());
      ohActualExact.add(rate.multiply(ab));
      ohStdExact.add(stdRate.multiply(stdBase.get(r.base())));
      ohSpendingExact.add(rate.subtract(stdRate).multiply(ab));
    }
    List<BigDecimal> ohActual = footed(ohActualExact);
    List<BigDecimal> ohStd = footed(ohStdExact);
    List<CostOverheadVariance> overheadVariances = new ArrayList<>();
    BigDecimal overheadSpending = zero();
    BigDecimal overheadEfficiency = zero();
    for (int i = 0; i < ohActual.size(); i++) {
      CostOverheadRule r = input.overheadRules().get(i);
      BigDecimal spending = money(ohSpendingExact.get(i));
      BigDecimal efficiency = ohActual.get(i).subtract(ohStd.get(i)).subtract(spending);
      overheadSpending = overheadSpending.add(spending);
      overheadEfficiency = overheadEfficiency.add(efficiency);
      overheadVariances.add(
          new CostOverheadVariance(
              r.name(),
              r.base(),
              actualBase.get(r.base()),
              stdBase.get(r.base()),
              ohActual.get(i),
              ohStd.get(i),
              spending,
              efficiency));
    }
    // Subcontracting: the suppliers' fees as charged; no standard is kept, so all of it is
    // variance.
    BigDecimal subcontractExact = BigDecimal.ZERO;
    for (CostSubcontractFee f : input.subcontractFees()) {
      subcontractExact = subcontractExact.add(f.fee());
    }
    BigDecimal subcontract = money(subcontractExact);
    CostElements actual = new CostElements(material, labour, machine, sum(ohActual), subcontract);
    CostElements standard =
        new CostElements(stdMaterial, stdLabour, stdMachine, sum(ohStd), zero());
    CostVariances variances =
        new CostVariances(
            materialPrice,
            materialUsage,
            labourRate,
            labourEfficiency,
            machineSpending,
            machineEfficiency,
            overheadSpending,
            overheadEfficiency,
            materialVariances,
            overheadVariances,
            subcontract);

    // By-product credit first, then the joint cost shared out (textbook net realisable value).
    BigDecimal creditExact = BigDecimal.ZERO;
    for (CostByProduct b : input.byProducts()) {
      creditExact = creditExact.add(b.credit());
    }
    BigDecimal credit = money(creditExact);
    BigDecimal joint = actual.total().subtract(credit);
    if (joint.signum() < 0) {
      throw new IllegalArgumentException(
          "byProducts: joint cost would be negative: actual cost "
              + actual.total().toPlainString()
              + " - by-product credit "
              + credit.toPlainString());
    }
    List<CostAllocation> allocations =
        allocate(input.mainProduct(), input.coProducts(), input.allocationMethod(), joint);
    return new WorkOrderCostingResult(
        input.workOrderId(),
        actual,
        materialByBasis,
        credit,
        joint,
        allocations,
        standard,
        variances);
  }

  private static List<CostAllocation> allocate(
      CostJointOutput main,
      List<CostJointOutput> coProducts,
      CostAllocationMethod method,
      BigDecimal joint) {
    List<CostJointOutput> outputs = new ArrayList<>();
    outputs.add(main);
    outputs.addAll(coProducts);
    List<BigDecimal> weights = new ArrayList<>();
    BigDecimal totalWeight = BigDecimal.ZERO;
    for (CostJointOutput o : outputs) {
      BigDecimal perUnit =
          method == CostAllocationMethod.EQUIVALENCE_FACTOR
              ? o.equivalenceFactor()
              : o.unitSalesValue();
      BigDecimal w = o.quantity().multiply(perUnit);
      weights.add(w);
      totalWeight = totalWeight.add(w);
    }
    if (totalWeight.signum() == 0) {
      throw new IllegalArgumentException(
          "mainProduct/coProducts: all allocation weights are zero for " + method);
    }
    List<CostAllocation> result = new ArrayList<>();
    BigDecimal allocated = zero();
    for (int i = 0; i < outputs.size(); i++) {
      CostJointOutput o = outputs.get(i);
      // The last output takes the rounding remainder so the shares add up to the joint cost.
      BigDecimal share =
          i == outputs.size() - 1
              ? joint.subtract(allocated)
              : money(joint.multiply(weights.get(i)).divide(totalWeight, MC));
      allocated = allocated.add(share);
      result.add(
          new CostAllocation(
              o.productId(),
              i == 0,
              o.quantity(),
              weights.get(i),
              share,
              share.divide(o.quantity(), UNIT_COST_SCALE, RoundingMode.HALF_UP)));
    }
    return result;
  }

  /** Rate factor: per hour as given, percent divided by 100 (exact). */
  private static BigDecimal factor(CostOverheadBase base, BigDecimal rate) {
    return base.hours() ? rate : rate.divide(HUNDRED);
  }

  private static BigDecimal perHour(BigDecimal minutesTimesRate) {
    return minutesTimesRate.divide(SIXTY, MC);
  }

  /**
   * Rounds each amount and lets the last one take the difference to the rounded exact total, so
   * that the rounded lines add up to the rounded total.
   */
  static List<BigDecimal> footed(List<BigDecimal> exact) {
    List<BigDecimal> out = new ArrayList<>();
    if (exact.isEmpty()) {
      return out;
    }
    BigDecimal total = money(sum(exact));
    BigDecimal running = zero();
    for (int i = 0; i < exact.size() - 1; i++) {
      BigDecimal r = money(exact.get(i));
      out.add(r);
      running = running.add(r);
    }
    out.add(total.subtract(running));
    return out;
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    BigDecimal s = zero();
    for (BigDecimal v : values) {
      s = s.add(v);
    }
    return s;
  }

  private static BigDecimal money(BigDecimal exact) {
    return exact.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(MONEY_SCALE);
  }
}
