/**
 * Acceptance sampling by attributes per ISO 2859-1 / GB/T 2828.1 (single sampling), in plain Java
 * (no OSGi, JPA or JAX-RS): sample size code letters ({@link
 * io.tianshu.quality.sampling.SamplingPlans#codeLetter}), the normal, tightened and reduced single
 * sampling master tables with arrow resolution ({@link
 * io.tianshu.quality.sampling.SamplingPlans#plan}), lot judgement ({@link
 * io.tianshu.quality.sampling.SamplingPlan#judge}) and the switching rules as a state machine over
 * a small persistable record ({@link io.tianshu.quality.sampling.SwitchingRules}, {@link
 * io.tianshu.quality.sampling.SwitchingState}). All inputs are validated (an {@link
 * IllegalArgumentException} says what is wrong) and all results are immutable.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.quality.sampling;
