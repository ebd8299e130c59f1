/**
 * Execution in the server: work orders with their order BOM and routing, operation reports
 * (idempotent by the client's report id), backflush and completion through the inventory ledger,
 * lot genealogy, and the actual cost of work orders ({@link io.tianshu.execution.CostingService})
 * with the prices, work centre rates and overhead rules it needs. The engines are in {@code
 * io.tianshu.execution.engine}.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.execution;
