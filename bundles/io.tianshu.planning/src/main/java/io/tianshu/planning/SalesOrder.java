package io.tianshu.planning;

import java.time.LocalDate;

/**
 * A sales order line. Open lines are demand; {@code makeToOrder} lines are planned as their own
 * demand and never consume forecast.
 *
 * @param priority among lines of one material and date, the lower value consumes forecast first
 * @param status OPEN or CLOSED
 */
public record SalesOrder(
    long id,
    long plantId,
    String orderNo,
    int lineNo,
    String customer,
    long materialId,
    String materialCode,
    LocalDate requestedDate,
    double quantity,
    int priority,
    boolean makeToOrder,
    String status,
    long version) {}
