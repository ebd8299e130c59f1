package io.tianshu.quality;

/**
 * The body of a step of a nonconformance (approve, reject, execute, close, cancel).
 *
 * @param comment the MRB comment or the cancel reason (required to reject and cancel)
 * @param version the NC's version last read, or null
 */
public record NcStep(String comment, Long version) {}
