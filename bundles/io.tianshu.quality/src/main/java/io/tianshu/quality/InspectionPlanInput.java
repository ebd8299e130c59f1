package io.tianshu.quality;

import java.util.List;

/**
 * An inspection plan as a caller puts it: one per plant, material and supplier (no supplier: the
 * plan for every supplier without one of its own).
 *
 * @param plantId the plant
 * @param materialId the material
 * @param supplier a supplier code, or null
 * @param revision the plan's revision label
 * @param inspectionLevel S-1..S-4, I, II or III (II when absent)
 * @param aql an AQL of the master tables, e.g. "1.0"
 * @param characteristics at least one
 * @param version the version last read when replacing a plan, null for a new plan
 * @param autoLots the events that open lots of this plan by themselves: IQC (goods receipt), IPQC
 *     (a work order's first report: first-article inspection, holding no stock), FQC (product
 *     received from a work order), RETURN (customer return); none when absent
 * @param patrolMinutes minutes between patrol (巡检) lots of each started work order, 1..1440; no
 *     patrol when absent
 * @param operationSeq the routing operation whose output this plan inspects in process (its lots
 *     open on that operation's reports when {@code autoLots} has IPQC); absent for the material's
 *     own plan
 * @param reducedApproved the responsible authority approves reduced inspection for this plan (ISO
 *     2859-1 9.3.3.1 c); without it the switching rules never go to reduced inspection
 * @param samplingMode ISO_2859 (the default: n, Ac and Re from the master tables with switching),
 *     FIXED (n = {@code fixedSampleSize}, Ac = {@code fixedAcceptance}, Re = Ac + 1) or
 *     HUNDRED_PERCENT (every item, Ac 0); switching applies to ISO_2859 only
 * @param fixedSampleSize n of a FIXED plan
 * @param fixedAcceptance Ac of a FIXED plan
 */
public record InspectionPlanInput(
    Long plantId,
    Long materialId,
    String supplier,
    String revision,
    String inspectionLevel,
    String aql,
    List<Characteristic> characteristics,
    Long version,
    List<String> autoLots,
    Integer patrolMinutes,
    Integer operationSeq,
    Boolean reducedApproved,
    String samplingMode,
    Integer fixedSampleSize,
    Integer fixedAcceptance) {

  /** A plan whose lots are all opened by hand. */
  public InspectionPlanInput(
      Long plantId,
      Long materialId,
      String supplier,
      String revision,
      String inspectionLevel,
      String aql,
      List<Characteristic> characteristics,
      Long version) {
    this(
        plantId,
        materialId,
        supplier,
        revision,
        inspectionLevel,
        aql,
        characteristics,
        version,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
