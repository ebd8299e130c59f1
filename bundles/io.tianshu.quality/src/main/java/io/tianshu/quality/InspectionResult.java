package io.tianshu.quality;

import java.time.Instant;

/**
 * The result of one characteristic of a lot.
 *
 * @param characteristicId the characteristic
 * @param code its code
 * @param defectClass its defect class
 * @param measuredValues the measured values of a variable, space-separated, or null
 * @param defects defects found (for a variable: values out of limits)
 * @param judgement OK or NOK
 * @param inspector who recorded it
 * @param recordedAt when
 */
public record InspectionResult(
    long characteristicId,
    String code,
    String defectClass,
    String measuredValues,
    int defects,
    String judgement,
    String inspector,
    Instant recordedAt) {}
