package io.tianshu.quality;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;

/**
 * Nonconformance handling (不合格品处理): record → propose dispositions → MRB approval → execute (stock
 * postings and rework orders in one transaction) → close; cancel before approval. Rights per plant:
 * VIEWER reads; OPERATOR records NCs (inspectors, line leads); PLANNER (quality engineer) proposes,
 * executes, closes, cancels and books costs; the MRB approval needs PLANNER and someone other than
 * the proposer (four eyes, group administrators included).
 */
public interface NonconformanceService {

  Nonconformance create(CallerContext caller, NonconformanceInput input);

  Nonconformance get(CallerContext caller, long id);

  Page<Nonconformance> list(
      CallerContext caller, long plantId, String status, Long materialId, PageRequest page);

  /** Proposes (or replaces) the dispositions; their quantities add up to the NC quantity. */
  Nonconformance propose(CallerContext caller, long id, DispositionProposal proposal);

  /** The MRB approves the proposal (four eyes). */
  Nonconformance approve(CallerContext caller, long id, NcStep step);

  /** The MRB sends the proposal back (status OPEN again); a comment is required. */
  Nonconformance reject(CallerContext caller, long id, NcStep step);

  /**
   * Carries the approved dispositions out, all or nothing in one transaction: SCRAP and
   * RETURN_TO_SUPPLIER issue the quantity out of the NC's stock key, USE_AS_IS changes its status
   * to AVAILABLE, SORT to QUARANTINE (none if already there), REWORK issues it to a new REWORK work
   * order.
   */
  Nonconformance execute(CallerContext caller, long id, NcStep step);

  Nonconformance close(CallerContext caller, long id, NcStep step);

  /** Cancels before approval; a reason is required. */
  Nonconformance cancel(CallerContext caller, long id, NcStep step);

  /** Books a cost; in any status but CANCELLED (costs often arrive after closing). */
  Nonconformance addCost(CallerContext caller, long id, NcCostInput input);
}
