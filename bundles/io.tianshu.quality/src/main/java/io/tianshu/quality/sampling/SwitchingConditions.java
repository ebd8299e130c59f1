package io.tianshu.quality.sampling;

/**
 * Facts about production and decisions of the responsible authority that the switching rules take
 * as given.
 *
 * @param productionSteady production is at a steady rate (needed to go to reduced, 9.3.3.1 b; its
 *     absence ends reduced inspection, 9.3.4 b)
 * @param reducedApproved the responsible authority considers reduced inspection desirable (9.3.3.1
 *     c)
 * @param normalWarranted other conditions warrant normal inspection (ends reduced, 9.3.4 c)
 */
public record SwitchingConditions(
    boolean productionSteady, boolean reducedApproved, boolean normalWarranted) {

  /**
   * Steady production, reduced inspection approved, nothing else warranting normal.
   *
   * @return the conditions
   */
  public static SwitchingConditions steadyAndApproved() {
    return new SwitchingConditions(true, true, false);
  }

  /**
   * Steady production, reduced inspection not approved.
   *
   * @return the conditions
   */
  public static SwitchingConditions steadyNotApproved() {
    return new SwitchingConditions(true, false, false);
  }
}
