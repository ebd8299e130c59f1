package io.tianshu.execution;

import io.tianshu.core.CallerContext;

/**
 * Final inspection of what work orders make (whiteboard): before a report or an outsourcing receipt
 * puts finished product into stock, execution asks every registered service, inside the report's
 * transaction, whether the product is to be inspected. A service that answers true has opened (or
 * enlarged) an inspection lot for it in that same transaction, and the product is received into
 * QUARANTINE instead of AVAILABLE, to be released by the lot's usage decision. Quality registers
 * one; with none registered, product goes straight into AVAILABLE stock. The first report of an
 * order is announced too, for in-process (first-article) inspection.
 */
public interface ProductInspection {

  /**
   * Called inside the transaction that receives {@code receipt}; a failure rolls the report back.
   *
   * @return true when the product is to be received into QUARANTINE for inspection
   */
  boolean productReceived(CallerContext caller, ProductReceipt receipt);

  /**
   * Called inside the transaction of a work order's first operation report, so that in-process
   * inspection (first-article) can begin; a failure rolls the report back. Nothing by default.
   */
  default void firstReport(CallerContext caller, FirstReport report) {}

  /**
   * Called inside the transaction of every report with good output, so that an operation's own
   * in-process inspection can sample it; a failure rolls the report back. Nothing by default.
   */
  default void operationReported(CallerContext caller, OperationReported report) {}
}
