package io.tianshu.quality;

/**
 * Capability and performance indices; {@code cp} and {@code pp} only for two-sided limits.
 *
 * @param lower the lower specification limit, or null
 * @param upper the upper specification limit, or null
 * @param mean the process mean
 * @param sigmaWithin within-subgroup sigma (R-bar/d2, S-bar/c4 or MR-bar/d2)
 * @param sigmaOverall sample standard deviation of all values
 * @param cp (USL - LSL) / 6 sigma within
 * @param cpk min(USL - mean, mean - LSL) / 3 sigma within
 * @param pp (USL - LSL) / 6 sigma overall
 * @param ppk min(USL - mean, mean - LSL) / 3 sigma overall
 */
public record SpcCapability(
    Double lower,
    Double upper,
    double mean,
    double sigmaWithin,
    double sigmaOverall,
    Double cp,
    double cpk,
    Double pp,
    double ppk) {}
