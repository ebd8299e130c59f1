package io.tianshu.execution.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * Variances of actual cost against the standard cost of the actual output, at scale 2. Positive is
 * unfavourable. The components add up to {@link #total()}, which equals actual total - standard
 * total of the result.
 *
 * @param materialPrice sum of the materials' price variances
 * @param materialUsage sum of the materials' usage variances
 * @param labourRate actual labour cost - actual labour hours x standard labour rate
 * @param labourEfficiency (actual labour hours - standard labour hours for output) x standard rate
 * @param machineSpending actual machine cost - actual machine hours x standard machine rate
 * @param machineEfficiency (actual machine hours - standard machine hours for output) x standard
 *     rate
 * @param overheadSpending sum of the overhead rules' spending variances
 * @param overheadEfficiency sum of the overhead rules' efficiency variances
 * @param materials per material detail
 * @param overheads per overhead rule detail
 * @param subcontract actual - standard subcontract fees (no standard is kept for subcontracting, so
 *     this is the whole fee)
 */
public record CostVariances(
    BigDecimal materialPrice,
    BigDecimal materialUsage,
    BigDecimal labourRate,
    BigDecimal labourEfficiency,
    BigDecimal machineSpending,
    BigDecimal machineEfficiency,
    BigDecimal overheadSpending,
    BigDecimal overheadEfficiency,
    List<CostMaterialVariance> materials,
    List<CostOverheadVariance> overheads,
    BigDecimal subcontract) {

  /** Copies the lists. */
  public CostVariances {
    materials = List.copyOf(materials);
    overheads = List.copyOf(overheads);
    CostChecks.required(subcontract, "subcontract");
  }

  /**
   * The variances of an order without subcontracting (subcontract 0.00).
   *
   * @param materialPrice sum of the materials' price variances
   * @param materialUsage sum of the materials' usage variances
   * @param labourRate labour rate variance
   * @param labourEfficiency labour efficiency variance
   * @param machineSpending machine spending variance
   * @param machineEfficiency machine efficiency variance
   * @param overheadSpending overhead spending variance
   * @param overheadEfficiency overhead efficiency variance
   * @param materials per material detail
   * @param overheads per overhead rule detail
   */
  public CostVariances(
      BigDecimal materialPrice,
      BigDecimal materialUsage,
      BigDecimal labourRate,
      BigDecimal labourEfficiency,
      BigDecimal machineSpending,
      BigDecimal machineEfficiency,
      BigDecimal overheadSpending,
      BigDecimal overheadEfficiency,
      List<CostMaterialVariance> materials,
      List<CostOverheadVariance> overheads) {
    this(
        materialPrice,
        materialUsage,
        labourRate,
        labourEfficiency,
        machineSpending,
        machineEfficiency,
        overheadSpending,
        overheadEfficiency,
        materials,
        overheads,
        new java.math.BigDecimal("0.00"));
  }

  /**
   * Sum of all variances.
   *
   * @return total variance
   */
  public BigDecimal total() {
    return materialPrice
        .add(materialUsage)
        .add(labourRate)
        .add(labourEfficiency)
        .add(machineSpending)
        .add(machineEfficiency)
        .add(overheadSpending)
        .add(overheadEfficiency)
        .add(subcontract);
  }
}
