package io.tianshu.quality;

import java.time.Instant;

/**
 * The ISO 2859-1 switching state of a supplier and material in a plant ({@link
 * io.tianshu.quality.sampling.SwitchingState} as stored). A pair never decided is on NORMAL with
 * every counter 0 and version 0.
 *
 * @param plantId the plant
 * @param supplier the supplier code, "" for none
 * @param materialId the material
 * @param severity NORMAL, TIGHTENED or REDUCED for the next lot
 * @param discontinued inspection discontinued (9.4)
 * @param normalHistory last up to 4 lots on normal inspection, bit 0 the latest, 1 = rejected
 * @param tightenedAcceptedInRow consecutive lots accepted on tightened inspection
 * @param tightenedRejectedTotal lots rejected since tightened inspection began
 * @param switchingScore the switching score (9.3.3.2)
 * @param lastReason the reason of the last transition
 * @param updatedAt when last changed, null if never
 * @param version incremented on every change
 */
public record SamplingStateView(
    long plantId,
    String supplier,
    long materialId,
    String severity,
    boolean discontinued,
    int normalHistory,
    int tightenedAcceptedInRow,
    int tightenedRejectedTotal,
    int switchingScore,
    String lastReason,
    Instant updatedAt,
    long version) {}
