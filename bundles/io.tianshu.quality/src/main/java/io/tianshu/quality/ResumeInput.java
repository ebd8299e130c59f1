package io.tianshu.quality;

/**
 * Resuming inspection that the switching rules discontinued (ISO 2859-1 9.4), once the supplier's
 * corrective action is accepted as effective.
 *
 * @param plantId the plant
 * @param supplier the supplier's code
 * @param materialId the material
 * @param reason the evidence accepted, e.g. the 8D report's number
 */
public record ResumeInput(Long plantId, String supplier, Long materialId, String reason) {}
