package io.tianshu.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * Open orders another domain holds that planning must count (execution's work orders): their
 * expected output is supply, their components still to be issued are demand. Registered as services
 * (whiteboard); every plan run, order promise and kitting report asks each of them. Implementations
 * read their own records as of the call and never write.
 */
public interface OpenOrderSource {
  /** The open orders of one plant. */
  List<OpenOrder> openOrders(long plantId);

  /**
   * An open order: {@code remaining} of the material still expected on {@code dueDate}, and the
   * components it still needs on {@code startDate}. {@code id} is the order's id in its domain;
   * planning shows it with {@code reference} (e.g. "WO WO-12").
   */
  record OpenOrder(
      long id,
      String reference,
      long materialId,
      LocalDate startDate,
      LocalDate dueDate,
      double remaining,
      List<ComponentNeed> components) {}

  /** A component still to be issued to an open order. */
  record ComponentNeed(long lineId, long materialId, double quantity) {}
}
