/**
 * Execution engines in plain Java (no OSGi, JPA or JAX-RS): the work order state machine, quantity
 * flow through operations, backflush, genealogy tracing and work order costing.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.execution.engine;
