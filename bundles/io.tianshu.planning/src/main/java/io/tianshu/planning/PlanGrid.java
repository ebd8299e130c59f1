package io.tianshu.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * The time-phased record of a material in a plan run (the MRP grid), per bucket of {@code
 * bucketDays} from the plan start: gross requirements (independent demand, and dependent demand of
 * parent planned orders on their release dates), scheduled receipts, planned order receipts (due
 * dates) and releases, and the projected available balance at each bucket's end. The last bucket
 * holds whatever falls on or after its start; requirements and receipts dated before the plan start
 * count in the first. Co- and by-product receipts (what the planned orders of a parent that yields
 * the material give on their due dates) are shown apart and count in the projected available.
 *
 * @param onHand available stock when the run started
 * @param safetyStock the safety stock the run kept
 */
public record PlanGrid(
    long runId,
    long plantId,
    long materialId,
    String materialCode,
    double onHand,
    double safetyStock,
    int bucketDays,
    List<LocalDate> bucketStarts,
    double[] grossRequirements,
    double[] scheduledReceipts,
    double[] plannedReceipts,
    double[] plannedReleases,
    double[] projectedAvailable,
    double[] coProductReceipts) {}
