package io.tianshu.quality;

import io.tianshu.core.CallerContext;
import java.time.Instant;
import java.util.List;

/**
 * Patrol inspection (巡检): every started work order of a material whose plan sets {@code
 * patrolMinutes} gets an in-process (IPQC) lot when its last in-process lot is that old, or when it
 * has none yet. A scheduler runs it as the system; planners may run it at once.
 */
public interface PatrolService {

  /**
   * Opens the patrol lots due at {@code now} in the plant (every plant the caller may plan for when
   * null). PLANNER.
   *
   * @return the lots opened
   */
  List<InspectionLot> patrol(CallerContext caller, Long plantId, Instant now);
}
