package io.tianshu.execution.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The standard cost card of one unit of the main product. The standard cost per unit of each
 * element is derived from standard quantities and standard prices/rates (so the two can never
 * disagree); the standard overhead comes from the {@link CostOverheadRule#standardRate() standard
 * rates} of the work order's overhead rules applied to these standard quantities.
 *
 * <p>The standard describes the whole process per unit of main product: inputs consumed while the
 * co- and by-products come out alongside are part of it.
 *
 * @param materials standard material lines, one per material
 * @param labourMinutesPerUnit standard labour minutes per unit, {@code >= 0}
 * @param labourRatePerHour standard labour rate per hour, {@code >= 0}
 * @param machineMinutesPerUnit standard machine minutes per unit, {@code >= 0}
 * @param machineRatePerHour standard machine rate per hour, {@code >= 0}
 */
public record CostStandard(
    List<CostStandardMaterial> materials,
    BigDecimal labourMinutesPerUnit,
    BigDecimal labourRatePerHour,
    BigDecimal machineMinutesPerUnit,
    BigDecimal machineRatePerHour) {

  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  /** Validates the fields; material ids must be unique. */
  public CostStandard {
    materials = CostChecks.list(materials, "standard.materials");
    Set<String> seen = new HashSet<>();
    for (CostStandardMaterial m : materials) {
      if (!seen.add(m.materialId())) {
        throw new IllegalArgumentException(
            "standard.materials: material " + m.materialId() + " appears twice");
      }
    }
    CostChecks.nonNegative(labourMinutesPerUnit, "standard.labourMinutesPerUnit");
    CostChecks.nonNegative(labourRatePerHour, "standard.labourRatePerHour");
    CostChecks.nonNegative(machineMinutesPerUnit, "standard.machineMinutesPerUnit");
    CostChecks.nonNegative(machineRatePerHour, "standard.machineRatePerHour");
  }

  /**
   * Standard material cost per unit, exact: sum of quantity per unit x standard price.
   *
   * @return material cost per unit, unrounded
   */
  public BigDecimal materialPerUnit() {
    BigDecimal sum = BigDecimal.ZERO;
    for (CostStandardMaterial m : materials) {
      sum = sum.add(m.quantityPerUnit().multiply(m.standardPrice()));
    }
    return sum;
  }

  /**
   * Standard labour cost per unit: minutes / 60 x rate, at 34 significant digits.
   *
   * @return labour cost per unit, unrounded
   */
  public BigDecimal labourPerUnit() {
    return labourMinutesPerUnit.multiply(labourRatePerHour).divide(SIXTY, MathContext.DECIMAL128);
  }

  /**
   * Standard machine cost per unit: minutes / 60 x rate, at 34 significant digits.
   *
   * @return machine cost per unit, unrounded
   */
  public BigDecimal machinePerUnit() {
    return machineMinutesPerUnit.multiply(machineRatePerHour).divide(SIXTY, MathContext.DECIMAL128);
  }
}
