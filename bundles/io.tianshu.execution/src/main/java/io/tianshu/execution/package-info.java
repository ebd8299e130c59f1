/**
 * Execution in the server: work orders with their order BOM and routing, operation reports
 * (idempotent by the client's report id), backflush and completion through the inventory ledger,
 * and lot genealogy; Andon (安灯) calls with their escalation ladders and statistics ({@link
 * io.tianshu.execution.AndonService}). The engines are in {@code io.tianshu.execution.engine}.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.execution;
