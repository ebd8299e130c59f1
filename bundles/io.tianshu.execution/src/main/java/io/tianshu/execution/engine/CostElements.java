package io.tianshu.execution.engine;

import java.math.BigDecimal;

/**
 * Money by cost element, each at scale 2.
 *
 * @param material material cost
 * @param labour labour cost
 * @param machine machine cost
 * @param overhead overhead cost
 * @param subcontract outsourcing processing fees (委外加工费); zero for an order without outsourcing
 */
public record CostElements(
    BigDecimal material,
    BigDecimal labour,
    BigDecimal machine,
    BigDecimal overhead,
    BigDecimal subcontract) {

  private static final BigDecimal ZERO_MONEY = new BigDecimal("0.00");

  /** Validates that all five are present. */
  public CostElements {
    CostChecks.required(material, "material");
    CostChecks.required(labour, "labour");
    CostChecks.required(machine, "machine");
    CostChecks.required(overhead, "overhead");
    CostChecks.required(subcontract, "subcontract");
  }

  /**
   * The four in-house elements, without subcontracting (0.00, the scale of money, so that it equals
   * what the costing computes for an order without outsourcing).
   *
   * @param material material cost
   * @param labour labour cost
   * @param machine machine cost
   * @param overhead overhead cost
   */
  public CostElements(
      BigDecimal material, BigDecimal labour, BigDecimal machine, BigDecimal overhead) {
    this(material, labour, machine, overhead, ZERO_MONEY);
  }

  /**
   * Sum of the five elements (so a report foots).
   *
   * @return total
   */
  public BigDecimal total() {
    return material.add(labour).add(machine).add(overhead).add(subcontract);
  }

  /**
   * Direct cost: material + labour + machine. Subcontract fees are not in it: this is the base of
   * {@link CostOverheadBase#DIRECT_COST} overhead, and the supplier's fee already carries the
   * supplier's own overhead, so the plant absorbs none on it.
   *
   * @return direct cost
   */
  public BigDecimal direct() {
    return material.add(labour).add(machine);
  }
}
