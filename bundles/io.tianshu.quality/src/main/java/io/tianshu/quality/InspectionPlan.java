package io.tianshu.quality;

import java.time.Instant;
import java.util.List;

/**
 * An inspection plan.
 *
 * @param id the id
 * @param plantId the plant
 * @param materialId the material
 * @param supplier the supplier code, "" for every supplier
 * @param revision the revision label
 * @param inspectionLevel e.g. "II"
 * @param aql e.g. "1.0"
 * @param characteristics the characteristics in order
 * @param createdAt when first put
 * @param createdBy who first put it
 * @param version incremented on every change
 * @param autoLots the events that open lots of this plan by themselves (IQC, IPQC, FQC, RETURN)
 * @param patrolMinutes minutes between patrol lots of each started work order, 0 for no patrol
 * @param operationSeq the operation whose output the plan inspects, 0 for the material's own plan
 * @param reducedApproved reduced inspection is approved (ISO 2859-1 9.3.3.1 c)
 * @param samplingMode ISO_2859, FIXED or HUNDRED_PERCENT
 * @param fixedSampleSize n of a FIXED plan, else 0
 * @param fixedAcceptance Ac of a FIXED plan, else 0
 */
public record InspectionPlan(
    long id,
    long plantId,
    long materialId,
    String supplier,
    String revision,
    String inspectionLevel,
    String aql,
    List<Characteristic> characteristics,
    Instant createdAt,
    String createdBy,
    long version,
    List<String> autoLots,
    int patrolMinutes,
    int operationSeq,
    boolean reducedApproved,
    String samplingMode,
    int fixedSampleSize,
    int fixedAcceptance) {}
