package io.tianshu.change;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;

/** Change orders: plant-scoped, audited; every step a transaction. */
public interface ChangeService {
  EngineeringChange create(CallerContext caller, ChangeInput input);

  /** Edits a draft or evaluated change (an evaluated one returns to draft). */
  EngineeringChange update(CallerContext caller, long id, ChangeInput input);

  EngineeringChange get(CallerContext caller, long id);

  /**
   * The change order with this number in the plant (null: a group change), if there is one the
   * caller may read.
   */
  java.util.Optional<EngineeringChange> findByNumber(
      CallerContext caller, Long plantId, String number);

  Page<EngineeringChange> list(
      CallerContext caller, Long plantId, ChangeStatus status, PageRequest page);

  /** Checks the content and asks every impact contributor; draft → evaluated. */
  EngineeringChange evaluate(CallerContext caller, long id, long version);

  /** Evaluated → approved, by a plant administrator (group administrator for a group change). */
  EngineeringChange approve(CallerContext caller, long id, long version);

  EngineeringChange reject(CallerContext caller, long id, long version);

  EngineeringChange cancel(CallerContext caller, long id, long version);

  /**
   * Approved → released: creates the new BOM and routing versions at the breakpoint and ends the
   * old ones, all in one transaction with the status change, or nothing.
   */
  EngineeringChange release(CallerContext caller, long id, long version);
}
