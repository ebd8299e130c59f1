package io.tianshu.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An inspection lot with the sampling plan chosen at its creation.
 *
 * @param id the id
 * @param plantId the plant
 * @param materialId the material
 * @param supplier the supplier code, "" for none
 * @param lot the stock lot
 * @param quantity the lot size
 * @param locationId where the stock is
 * @param source IQC, IPQC, FQC, OQC, RETURN or MANUAL
 * @param planId the inspection plan
 * @param planRevision the plan's revision at creation
 * @param inspectionLevel the level
 * @param aql the AQL
 * @param severity NORMAL, TIGHTENED or REDUCED: the switching state at creation
 * @param codeLetter the code letter of the plan used (after arrows), null for 100 %
 * @param sampleSize n
 * @param acceptance Ac
 * @param rejection Re
 * @param hundredPercent every item is inspected
 * @param status CREATED, RESULTS_RECORDED or DECIDED
 * @param defects defects recorded in all
 * @param criticalDefects of which on CRITICAL characteristics
 * @param judgement ACCEPT or REJECT from the results, null before results
 * @param decision ACCEPT or REJECT, null until decided
 * @param decisionReason the reason given with the decision
 * @param decidedAt when decided
 * @param decidedBy who decided
 * @param inspectors who recorded results, comma-separated
 * @param reference the free reference
 * @param results the results recorded
 * @param createdAt when created
 * @param createdBy who created it
 * @param version incremented on every change
 * @param holdsStock whether the lot's stock waits in QUARANTINE for the usage decision; false for
 *     in-process (first-article) lots, whose decision moves no stock
 */
public record InspectionLot(
    long id,
    long plantId,
    long materialId,
    String supplier,
    String lot,
    BigDecimal quantity,
    long locationId,
    String source,
    long planId,
    String planRevision,
    String inspectionLevel,
    String aql,
    String severity,
    String codeLetter,
    int sampleSize,
    int acceptance,
    int rejection,
    boolean hundredPercent,
    String status,
    int defects,
    int criticalDefects,
    String judgement,
    String decision,
    String decisionReason,
    Instant decidedAt,
    String decidedBy,
    String inspectors,
    String reference,
    List<InspectionResult> results,
    Instant createdAt,
    String createdBy,
    long version,
    boolean holdsStock) {}
