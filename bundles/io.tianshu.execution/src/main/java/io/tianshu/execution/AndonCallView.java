package io.tianshu.execution;

import io.tianshu.execution.engine.AndonCategory;
import io.tianshu.execution.engine.AndonPriority;
import java.time.Instant;
import java.util.List;

/**
 * An Andon call as stored, with the escalation levels notified so far.
 *
 * @param id id
 * @param plantId plant
 * @param lineCode line
 * @param station station, or null
 * @param category cause category
 * @param categoryLabel the category's shop-floor label (人, 机, 料, 法, 环, 测)
 * @param priority priority
 * @param description description, or null
 * @param status status
 * @param workOrderId work order, or null
 * @param operationSeq operation of the work order, or null
 * @param raisedAt when raised
 * @param raisedBy who raised it
 * @param acknowledgedAt when acknowledged, or null
 * @param acknowledgedBy who acknowledged it, or null
 * @param resolvedAt when resolved, or null
 * @param resolvedBy who resolved it, or null
 * @param resolution what was done, or null
 * @param closedAt when closed, or null
 * @param closedBy who closed it, or null
 * @param notifications escalation levels notified, lowest first
 */
public record AndonCallView(
    long id,
    long plantId,
    String lineCode,
    String station,
    AndonCategory category,
    String categoryLabel,
    AndonPriority priority,
    String description,
    AndonStatus status,
    Long workOrderId,
    Integer operationSeq,
    Instant raisedAt,
    String raisedBy,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt,
    String resolvedBy,
    String resolution,
    Instant closedAt,
    String closedBy,
    List<AndonNotification> notifications) {

  /** Copies the list. */
  public AndonCallView {
    notifications = List.copyOf(notifications);
  }

  /**
   * The highest escalation level notified.
   *
   * @return the level, 0 if none
   */
  public int currentLevel() {
    return notifications.stream().mapToInt(AndonNotification::level).max().orElse(0);
  }
}
