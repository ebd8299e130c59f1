package io.tianshu.quality;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.util.List;

/**
 * Inspection plans, inspection lots with ISO 2859-1 sampling and switching, results and the usage
 * decision. Rights per plant: VIEWER reads; OPERATOR creates lots and records results (the
 * inspectors); PLANNER puts plans and makes the usage decision (quality engineer / MRB).
 */
public interface QualityService {

  /** Creates or replaces the plan of the input's plant, material and supplier. */
  InspectionPlan putPlan(CallerContext caller, InspectionPlanInput input);

  InspectionPlan getPlan(CallerContext caller, long id);

  List<InspectionPlan> listPlans(CallerContext caller, long plantId, Long materialId);

  /**
   * Creates a lot: picks the supplier's plan (else the material's plan for every supplier), reads
   * the switching state of the supplier and material and chooses the sampling plan for the lot
   * size, level, AQL and severity.
   */
  InspectionLot createLot(CallerContext caller, InspectionLotInput input);

  InspectionLot getLot(CallerContext caller, long id);

  Page<InspectionLot> listLots(
      CallerContext caller, long plantId, String status, Long materialId, PageRequest page);

  /**
   * Records (or re-records) results; judges each characteristic and the lot: REJECT if any defect
   * on a CRITICAL characteristic or if the defects reach Re.
   */
  InspectionLot recordResults(CallerContext caller, long lotId, List<ResultInput> results);

  /**
   * The usage decision: ACCEPT moves the lot's stock QUARANTINE → AVAILABLE, REJECT to BLOCKED and
   * opens the lot's nonconformance (source INSPECTION_LOT), and the switching state of supplier and
   * material moves on, all in one transaction.
   */
  InspectionLot decide(CallerContext caller, long lotId, DecisionInput input);

  /**
   * Receives goods from a supplier or a customer: into QUARANTINE with an inspection lot (IQC or
   * RETURN) when the material's plan opens lots on the event, else into AVAILABLE; stock, lot and
   * audit rows in one transaction. Refused while inspection of the supplier and material is
   * discontinued. OPERATOR (the receiving clerk).
   */
  GoodsReceipt receive(CallerContext caller, GoodsReceiptInput input);

  /**
   * Stages goods for a shipment under outgoing inspection (OQC): AVAILABLE → QUARANTINE and an OQC
   * lot under the material's plan, in one transaction. OPERATOR.
   */
  InspectionLot inspectOutgoing(CallerContext caller, OutgoingInspectionInput input);

  /**
   * Resumes discontinued inspection on tightened inspection (ISO 2859-1 9.4), audited with the
   * reason. PLANNER.
   */
  SamplingStateView resumeInspection(CallerContext caller, ResumeInput input);

  SamplingStateView samplingState(
      CallerContext caller, long plantId, String supplier, long materialId);
}
