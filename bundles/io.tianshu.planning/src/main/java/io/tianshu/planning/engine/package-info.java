/**
 * The planning engines: deterministic, in memory, plain Java on compact arrays (no OSGi, JPA or
 * JAX-RS). Forecast consumption, multi-level MRP with pegging and exception messages, and
 * available-to-promise.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.planning.engine;
