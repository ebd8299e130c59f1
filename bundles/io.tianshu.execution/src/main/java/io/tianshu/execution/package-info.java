/**
 * Execution in the server: work orders with their order BOM and routing, operation reports
 * (idempotent by the client's report id), backflush and completion through the inventory ledger,
 * material flow ({@link io.tianshu.execution.MaterialFlowService}: pick lists, issues, returns,
 * merged issues across orders, line-side replenishment), outsourcing, lot and serial genealogy,
 * order tracking, operation split and merge ({@link io.tianshu.execution.OperationSplitInput}),
 * overlap between operations, Andon (安灯) calls with their escalation ladders and statistics ({@link
 * io.tianshu.execution.AndonService}), and the actual cost of work orders ({@link
 * io.tianshu.execution.CostingService}). Open work orders reach planning through {@link
 * io.tianshu.planning.OpenOrderSource}. The engines are in {@code io.tianshu.execution.engine}.
 * Final inspection of finished product plugs in through {@link
 * io.tianshu.execution.ProductInspection}.
 */
@org.osgi.annotation.versioning.Version("0.5.0")
package io.tianshu.execution;
