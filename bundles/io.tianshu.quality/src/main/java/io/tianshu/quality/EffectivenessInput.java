package io.tianshu.quality;

/**
 * The effectiveness check of an 8D's permanent corrective actions.
 *
 * @param result EFFECTIVE or NOT_EFFECTIVE (NOT_EFFECTIVE reopens D4..D7)
 * @param note what was checked
 * @param version the 8D's version last read, or null
 */
public record EffectivenessInput(String result, String note, Long version) {}
