package io.tianshu.quality;

/**
 * Moves a QC circle project to its next PDCA stage.
 *
 * @param stage the next stage: DO, CHECK, ACT or COMPLETED
 * @param result the result (required to complete)
 * @param version the project's version last read, or null
 */
public record QcStageInput(String stage, String result, Long version) {}
