package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * Money by cost element, each at scale 2.
 *
 * @param material material cost
 * @param labour labour cost
 * @param machine machine cost
 * @param overhead overhead cost
 */
public record CostElements(
    BigDecimal material, BigDecimal labour, BigDecimal machine, BigDecimal overhead) {

  /** Validates that all four are present. */
  public CostElements {
    CostChecks.required(material, "material");
    CostChecks.required(labour, "labour");
    CostChecks.required(machine, "machine");
    CostChecks.required(overhead, "overhead");
  }

  /**
   * Sum of the four elements (so a report foots).
   *
   * @return total
   */
  public BigDecimal total() {
    return material.add(labour).add(machine).add(overhead);
  }

  /**
   * Direct cost: material + labour + machine.
   *
   * @return direct cost
   */
  public BigDecimal direct() {
    return material.add(labour).add(machine);
  }
}
