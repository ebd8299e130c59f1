package io.tianshu.planning;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan run: a named plan version of a plant and, while it runs, a job with a phase and a percent.
 *
 * @param status RUNNING, SIMULATED (computed, nothing committed to it), FIRMED, RELEASED, FAILED or
 *     CANCELLED
 * @param phase QUEUED, LOADING, CONSUMING, PLANNING, SAVING or DONE
 * @param scope what the run planned: MPS (the MPS items) or ALL, from its plan type
 * @param bucketDays the bucket its grid and capacity views default to, from its plan type
 * @param mode REGENERATIVE (everything planned anew) or NET_CHANGE (the demand changes since the
 *     plant's previous run of the plan type applied to its plan kept in memory, re-planning only
 *     what they affect); a run asked for NET_CHANGE that cannot be one is REGENERATIVE
 */
public record PlanRun(
    long id,
    long plantId,
    String name,
    String planType,
    String status,
    String phase,
    int percent,
    LocalDate planStart,
    int horizonDays,
    String bomView,
    int backwardDays,
    int forwardDays,
    int items,
    int demands,
    int plannedOrders,
    int peggingRows,
    int messages,
    long loadMillis,
    long engineMillis,
    long saveMillis,
    String error,
    Instant createdAt,
    String createdBy,
    Instant finishedAt,
    long version,
    String scope,
    int bucketDays,
    String mode) {

  /** True while the run is queued or computing. */
  public boolean active() {
    return "RUNNING".equals(status);
  }
}
