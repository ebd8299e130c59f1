package io.tianshu.quality;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;

/**
 * Corrective and preventive action: 8D reports with five-whys and the effectiveness check, and QC
 * circle projects. Rights per plant: VIEWER reads; PLANNER (quality engineer) runs 8D reports;
 * OPERATOR runs QC circle projects (they are the shop floor's).
 */
public interface CapaService {

  Capa create(CallerContext caller, CapaInput input);

  Capa get(CallerContext caller, long id);

  Page<Capa> list(CallerContext caller, long plantId, String status, PageRequest page);

  /** Changes owner, due date, evidence or status of one discipline; D8 DONE closes the report. */
  Capa updateDiscipline(CallerContext caller, long id, String discipline, DisciplineInput input);

  /** Records (replaces) the five-whys chain and the root cause. */
  Capa putWhys(CallerContext caller, long id, FiveWhysInput input);

  /** Records the effectiveness check (needs D6 done); NOT_EFFECTIVE reopens D4..D7. */
  Capa checkEffectiveness(CallerContext caller, long id, EffectivenessInput input);

  QcCircle createCircle(CallerContext caller, QcCircleInput input);

  QcCircle getCircle(CallerContext caller, long id);

  Page<QcCircle> listCircles(CallerContext caller, long plantId, String stage, PageRequest page);

  /** Moves the project one PDCA stage on; COMPLETED needs the result. */
  QcCircle advanceCircle(CallerContext caller, long id, QcStageInput input);
}
