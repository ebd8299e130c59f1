package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * An exception message of an MRP run; {@code message} reads "English / 中文".
 *
 * <ul>
 *   <li>{@link #PAST_DUE}: a planned order should have been released before the plan start; it is
 *       released on the plan start and due on the first day it can arrive. date = the release date
 *       that would have been needed, referenceId = the planned order.
 *   <li>{@link #PLANNING_FENCE}: a planned order is needed inside the material's planning time
 *       fence, where MRP creates no orders (see {@link PlanItem#planningFenceDays()}); it is due on
 *       the fence date (the first working day on or after the end of the fence) and released the
 *       lead time before. date = the day it was needed, referenceId = the planned order.
 *   <li>{@link #BELOW_SAFETY}: projected available falls below safety stock (or below zero) before
 *       any order can arrive. date = the first such day, referenceId = the first planned order
 *       recovering it.
 *   <li>{@link #EXPEDITE}: a scheduled receipt is needed before it arrives. date = the day it is
 *       first needed, referenceId = the receipt.
 *   <li>{@link #DEFER}: a scheduled receipt arrives at least {@value MrpEngine#DEFER_WORKING_DAYS}
 *       working days before it is first needed. date = the day it is first needed, referenceId =
 *       the receipt.
 *   <li>{@link #CANCEL}: no unit of a scheduled receipt is needed within the horizon. date = the
 *       receipt date, referenceId = the receipt.
 *   <li>{@link #SUBSTITUTED}: a requirement of a primary material was moved to this substitute
 *       material (see {@link PlanSubstitution}); one message per requirement and substitute part.
 *       materialId = the substitute, date = the requirement date (the parent order's release date),
 *       referenceId = the parent planned order; the text names the quantity moved (in units of the
 *       substitute), the primary, the group and the strategy.
 *   <li>{@link #SUBSTITUTION_IGNORED}: a substitution group would make the planning order cyclic
 *       and is ignored (planned as if absent). materialId = the primary, date = the plan start,
 *       referenceId = the group id.
 * </ul>
 *
 * @param materialId the material concerned
 * @param kind one of the constants of this record
 * @param date see the kinds
 * @param referenceId see the kinds
 * @param message human-readable text, "English / 中文"
 * @param quantity {@link #SUBSTITUTED}: the quantity moved, in units of the substitute; 0 for the
 *     other kinds
 */
public record MrpMessage(
    long materialId,
    String kind,
    LocalDate date,
    long referenceId,
    String message,
    double quantity) {

  /** A message without quantity ({@code quantity} 0). */
  public MrpMessage(
      long materialId, String kind, LocalDate date, long referenceId, String message) {
    this(materialId, kind, date, referenceId, message, 0);
  }

  /** A planned order's release date would be before the plan start. */
  public static final String PAST_DUE = "PAST_DUE";

  /**
   * A planned order is needed inside the planning time fence, where the planner decides, and has
   * been moved out to the fence date (instead of {@link #PAST_DUE}, when the fence and not the lead
   * time is what moves it).
   */
  public static final String PLANNING_FENCE = "PLANNING_FENCE";

  /** A scheduled receipt arrives after the date it is first needed. */
  public static final String EXPEDITE = "EXPEDITE";

  /** A scheduled receipt arrives well before the date it is first needed. */
  public static final String DEFER = "DEFER";

  /** A scheduled receipt is not needed within the horizon. */
  public static final String CANCEL = "CANCEL";

  /** Projected available below safety stock that no order can fix in time. */
  public static final String BELOW_SAFETY = "BELOW_SAFETY";

  /**
   * One net requirement would need more than {@link MrpEngine#MAX_ORDERS_PER_REQUIREMENT} orders of
   * the fixed or maximum lot size: the rest is one order, and the lot size wants a look.
   */
  public static final String LOT_LIMIT = "LOT_LIMIT";

  /** A requirement of a primary material was moved to a substitute (替代料). */
  public static final String SUBSTITUTED = "SUBSTITUTED";

  /** A substitution group was ignored because it would make the planning order cyclic. */
  public static final String SUBSTITUTION_IGNORED = "SUBSTITUTION_IGNORED";
}
