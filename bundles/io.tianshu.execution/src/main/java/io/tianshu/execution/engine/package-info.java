/**
 * Execution engines in plain Java (no OSGi, JPA or JAX-RS): the work order state machine, quantity
 * flow through operations, backflush, genealogy tracing and work order costing.
 *
 * <p>Work order actual costing ({@link io.tianshu.execution.engine.WorkOrderCosting}): cost by
 * element from material issues, labour and machine time, overhead rules and outsourcing fees
 * (subcontract), by-product credit, joint cost allocation to main and co-products, and variances
 * against the standard cost of the actual output. Money is {@link java.math.BigDecimal}, rounded
 * HALF_UP to 2 decimals only at the end, and the rounded report foots exactly.
 *
 * <p>Andon ({@link io.tianshu.execution.engine.AndonEscalation}, {@link
 * io.tianshu.execution.engine.AndonStatistics}): escalation ladders as data per category (人机料法环测)
 * and priority, evaluated as a pure function of a call's state and "now"; response time statistics
 * and Pareto order for PDCA reviews.
 *
 * <p>Merged issue ({@link io.tianshu.execution.engine.MergedIssue}): lots picked first in first out
 * for several orders at once and split to them by start date.
 *
 * <p>Overlap and operation split ({@link io.tianshu.execution.engine.Overlap}, {@link
 * io.tianshu.execution.engine.OperationSplit}): how much of its predecessor an operation waits for,
 * and parts of an operation worked and reported on their own that always add up to it.
 *
 * <p>All inputs are validated (an {@link IllegalArgumentException} names the offending field) and
 * all results are immutable records.
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package io.tianshu.execution.engine;
