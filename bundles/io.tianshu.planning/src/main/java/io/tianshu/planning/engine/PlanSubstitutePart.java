package io.tianshu.planning.engine;

/**
 * One material of a substitute set of a {@link PlanSubstitution}.
 *
 * @param materialId the substitute material; not a phantom, not the group's primary
 * @param quantity units of this material per ONE unit of the primary, &gt; 0 and finite
 */
public record PlanSubstitutePart(long materialId, double quantity) {}
