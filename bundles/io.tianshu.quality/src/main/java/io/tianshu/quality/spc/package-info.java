/**
 * Statistical process control, in plain Java (no OSGi, JPA or JAX-RS): control chart constants
 * ({@link io.tianshu.quality.spc.ChartConstants}), variables and attributes control charts ({@link
 * io.tianshu.quality.spc.ControlCharts}), Western Electric and Nelson run rules ({@link
 * io.tianshu.quality.spc.RunRules}) and process capability ({@link
 * io.tianshu.quality.spc.ProcessCapability}). All inputs are validated (an {@link
 * IllegalArgumentException} says what is wrong) and all results are immutable records.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.quality.spc;
