package io.tianshu.quality;

import io.tianshu.core.CallerContext;
import java.time.LocalDate;
import java.util.List;

/**
 * Statistical process control on inspection results, the reaction to rule violations (holds) and
 * quality statistics. Rights per plant: VIEWER reads charts, settings, holds and statistics;
 * PLANNER puts settings and releases holds.
 *
 * <p>When results are recorded ({@link QualityService#recordResults}) every recorded characteristic
 * with a reaction other than NONE is charted (plant × material × characteristic × the lot's
 * supplier, with the setting's chart type, rule set and frozen limits). If a point of the recorded
 * lot violates a rule, an audit row {@code SPC_VIOLATION} is written and, for HOLD, the lot is put
 * on hold, all in the results' transaction; after the commit the domain event {@code
 * io/tianshu/quality/SpcViolation/DETECTED} is published (entity id {@code lotId/characteristic};
 * data: lotId, lot, materialId, supplier, characteristic, chartType, rules, reaction, holdId) for
 * the nonconformance handling to open a nonconformance when the reaction is NONCONFORMANCE.
 */
public interface SpcService {

  /** Topic of the event published after results whose lot violated a run rule. */
  String VIOLATION_TOPIC = "io/tianshu/quality/SpcViolation/DETECTED";

  /** A control chart with its points, their violations and the capability. */
  SpcChart chart(CallerContext caller, SpcChartQuery query);

  /** The setting of a characteristic of a plan (defaults when none was put). */
  SpcSetting getSetting(CallerContext caller, long planId, String characteristic);

  /** Puts the setting of a characteristic of a plan, optionally freezing its control limits. */
  SpcSetting putSetting(
      CallerContext caller, long planId, String characteristic, SpcSettingInput input);

  /** The holds of an inspection lot, oldest first. */
  List<LotHold> holds(CallerContext caller, long lotId);

  /** Releases the lot's open holds with a reason (PLANNER); 409 when none is open. */
  List<LotHold> releaseHolds(CallerContext caller, long lotId, String reason);

  /**
   * Lots inspected, accepted, rejected, pass rate and first-pass yield per supplier, material,
   * source or month of lot creation.
   */
  QualityStatistics statistics(
      CallerContext caller,
      long plantId,
      LocalDate from,
      LocalDate to,
      String groupBy,
      String supplier,
      Long materialId);

  /** Defects summed per characteristic, supplier, material, source or month, largest first. */
  DefectPareto pareto(
      CallerContext caller,
      long plantId,
      LocalDate from,
      LocalDate to,
      String by,
      String supplier,
      Long materialId);
}
