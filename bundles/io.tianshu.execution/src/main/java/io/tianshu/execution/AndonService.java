package io.tianshu.execution;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.execution.engine.AndonCategory;
import java.time.Instant;
import java.util.List;

/**
 * Andon (安灯): calls for help from the floor, their escalation up a ladder of recipients while
 * nobody responds, and the statistics of response times for PDCA reviews.
 *
 * <p>Rights are per plant: a VIEWER reads; an OPERATOR raises and acknowledges calls; a PLANNER
 * resolves and closes them and sets the plant's escalation ladders. Times are the server's clock,
 * never the client's, so that response times cannot be made up.
 */
public interface AndonService {

  /**
   * Raises a call (OPERATOR).
   *
   * @param caller who
   * @param in the call
   * @return the stored call, RAISED
   */
  AndonCallView raise(CallerContext caller, AndonCallInput in);

  /**
   * Acknowledges a RAISED call: someone is on it (OPERATOR).
   *
   * @param caller who
   * @param id call
   * @return the call, ACKNOWLEDGED
   */
  AndonCallView acknowledge(CallerContext caller, long id);

  /**
   * Resolves an open call (PLANNER).
   *
   * @param caller who
   * @param id call
   * @param resolution what was done, required
   * @return the call, RESOLVED
   */
  AndonCallView resolve(CallerContext caller, long id, String resolution);

  /**
   * Closes a RESOLVED call after review (PLANNER).
   *
   * @param caller who
   * @param id call
   * @return the call, CLOSED
   */
  AndonCallView close(CallerContext caller, long id);

  /**
   * One call (VIEWER); not found when the caller cannot read its plant.
   *
   * @param caller who
   * @param id call
   * @return the call
   */
  AndonCallView get(CallerContext caller, long id);

  /**
   * Calls of the plants the caller reads, newest first unless sorted otherwise.
   *
   * @param caller who
   * @param plantId plant, or null for every readable plant
   * @param status status, or null
   * @param category category, or null
   * @param lineCode line, or null
   * @param page slice; sort fields id, raisedAt
   * @return the page
   */
  Page<AndonCallView> list(
      CallerContext caller,
      Long plantId,
      AndonStatus status,
      AndonCategory category,
      String lineCode,
      PageRequest page);

  /**
   * The plant's escalation ladders (VIEWER).
   *
   * @param caller who
   * @param plantId plant
   * @return the ladders by category, then priority (any priority last)
   */
  List<AndonRule> rules(CallerContext caller, long plantId);

  /**
   * Replaces the plant's escalation ladders (PLANNER). Levels already notified stay notified; open
   * calls follow the new ladders from the next escalation run.
   *
   * @param caller who
   * @param plantId plant
   * @param rules the ladders, at most one per category and priority; empty removes them all
   * @return the stored ladders
   */
  List<AndonRule> putRules(CallerContext caller, long plantId, List<AndonRuleInput> rules);

  /**
   * Notifies every escalation level that is due at {@code now} and not yet notified, each once
   * (even with several nodes running this at the same moment), and publishes an {@code
   * io/tianshu/execution/AndonCall/ESCALATED} event per notification after it committed. A group
   * administrator escalates every plant; a PLANT_ADMIN only their plant.
   *
   * @param caller who ({@link CallerContext#system()} for the scheduler)
   * @param plantId plant, or null for all plants (group administrator)
   * @param now the moment, not later than the server's clock
   * @return the notifications made by this run, by call then level
   */
  List<AndonNotification> escalate(CallerContext caller, Long plantId, Instant now);

  /**
   * Statistics of calls raised in {@code [from, to)} (VIEWER).
   *
   * @param caller who
   * @param plantId plant
   * @param from from, inclusive, or null
   * @param to to, exclusive, or null
   * @param lineCode line, or null for all
   * @return the report
   */
  AndonReport statistics(
      CallerContext caller, long plantId, Instant from, Instant to, String lineCode);
}
