package io.tianshu.execution;

import io.tianshu.core.CallerContext;
import java.util.List;

/**
 * Material to and from the floor: pick lists, issues and returns by hand, kit issue, and line-side
 * stock refilled by pull signals. Everything posts to the inventory ledger in the same transaction
 * as its own records and audit rows. Viewers read; operators issue and return; planners keep the
 * line-side rules and run replenishment.
 */
public interface MaterialFlowService {
  PickList pickList(CallerContext caller, long workOrderId);

  /** Idempotent by {@code issueKey}. */
  MaterialIssue issue(CallerContext caller, long workOrderId, MaterialIssueInput input);

  /**
   * One material for several orders of a plant in one go (合并发料), in one transaction: lots first in
   * first out for the whole, split to the orders by start date, then id. A shortage refuses the
   * whole issue. Idempotent by {@code issueKey}.
   */
  MergedMaterialIssue mergedIssue(CallerContext caller, MergedIssueInput input);

  /** The merged pick list of several orders (what a merged issue of their needs would take). */
  MergedPickList mergedPickList(CallerContext caller, List<Long> workOrderIds);

  List<LineStockRule> lineStockRules(CallerContext caller, long plantId);

  /** Creates or replaces the rule of (location, material). */
  LineStockRule putLineStockRule(CallerContext caller, LineStockRule input);

  /**
   * The pull signals of the plant's line-side rules; with {@code execute}, the transfers are posted
   * (one transaction).
   */
  List<Replenishment> replenish(CallerContext caller, long plantId, boolean execute);
}
