package io.tianshu.planning.engine;

/**
 * A co- or by-product: per unit of the parent's good output, {@code quantityPer} units of the
 * output material come out of the same order. Every planned order of the parent then yields a
 * co-product receipt of the output material on its due date (see {@link MrpEngine}). Several
 * outputs of one parent, or one output from several parents, simply add up.
 *
 * @param parentMaterialId the material whose orders produce the output; not a phantom
 * @param outputMaterialId the co- or by-product; not a phantom, not the parent
 * @param quantityPer output units per unit of the parent's good output, &gt; 0 and finite
 */
public record PlanOutput(long parentMaterialId, long outputMaterialId, double quantityPer) {}
