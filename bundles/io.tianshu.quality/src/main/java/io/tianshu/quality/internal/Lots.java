package io.tianshu.quality.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.InspectionPlan;
import io.tianshu.quality.SamplingStateView;
import io.tianshu.quality.sampling.Aql;
import io.tianshu.quality.sampling.CodeLetter;
import io.tianshu.quality.sampling.InspectionLevel;
import io.tianshu.quality.sampling.SamplingPlan;
import io.tianshu.quality.sampling.SamplingPlans;
import io.tianshu.quality.sampling.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opening an inspection lot inside the caller's transaction, whoever asks: an inspector by hand, a
 * goods receipt, a customer return or a work order receiving its product. The lot takes the
 * switching state of supplier × material and the sampling plan for its size.
 */
final class Lots {
  static final String LOT = "InspectionLot";

  private Lots() {}

  /** What a new lot is for; the supplier is "" for in-house lots. */
  record Request(
      long plantId,
      long materialId,
      String supplier,
      String lot,
      BigDecimal quantity,
      long locationId,
      String source,
      String reference,
      boolean holdsStock) {}

  /**
   * Opens the lot with the plan's sampling for the current switching state; refused while
   * inspection of the supplier and material is discontinued (ISO 2859-1 9.4).
   */
  static long open(Connection c, CallerContext caller, InspectionPlan plan, Request r)
      throws SQLException {
    SamplingStateView state =
        QualityStore.stateOrInitial(c, r.plantId(), r.supplier(), r.materialId());
    if (state.discontinued()) {
      throw new ConflictException(
          "inspection of this supplier and material is discontinued (ISO 2859-1 9.4); resume it"
              + " after the supplier's corrective action / 该供应商物料已暂停检验，供方纠正措施有效后方可恢复");
    }
    Severity severity = Severity.valueOf(state.severity());
    SamplingPlan sp = sampling(plan, severity, r.quantity());
    long lotId =
        QualityStore.insertLot(
            c,
            new QualityStore.NewLot(
                r.plantId(),
                r.materialId(),
                r.supplier(),
                r.lot(),
                r.quantity(),
                r.locationId(),
                r.source(),
                plan.id(),
                plan.revision(),
                plan.inspectionLevel(),
                plan.aql(),
                severity.name(),
                sp.codeLetter().map(CodeLetter::name).orElse(null),
                sp.sampleSize(),
                sp.acceptance(),
                sp.rejection(),
                sp.hundredPercent(),
                r.reference(),
                Instant.now(),
                caller.username(),
                r.holdsStock()));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("planId", plan.id());
    after.put("source", r.source());
    after.put("lot", r.lot());
    after.put("quantity", r.quantity());
    after.put("severity", severity.name());
    after.put("codeLetter", sp.codeLetter().map(CodeLetter::name).orElse(""));
    after.put("n", sp.sampleSize());
    after.put("ac", sp.acceptance());
    after.put("re", sp.rejection());
    AuditTrail.writeJdbc(c, caller, LOT, lotId, r.plantId(), AuditTrail.CREATE, null, after);
    return lotId;
  }

  /**
   * Adds a further receipt to a lot that has no results yet: the lot grows and its sampling plan is
   * chosen again for the new size, under the severity the lot was opened with.
   */
  static void enlarge(Connection c, CallerContext caller, InspectionLot lot, BigDecimal more)
      throws SQLException {
    BigDecimal size = lot.quantity().add(more);
    InspectionPlan plan = QualityStore.planHeader(c, lot.planId()).orElseThrow();
    SamplingPlan sp =
        "ISO_2859".equals(plan.samplingMode())
            ? sampling(lot.inspectionLevel(), lot.aql(), Severity.valueOf(lot.severity()), size)
            : sampling(plan, Severity.valueOf(lot.severity()), size);
    if (!QualityStore.updateLot(
        c,
        lot.id(),
        lot.version(),
        "quantity = ?, code_letter = ?, sample_size = ?, acceptance_number = ?,"
            + " rejection_number = ?, hundred_percent = ?",
        java.util.Arrays.asList(
            size,
            sp.codeLetter().map(CodeLetter::name).orElse(null),
            sp.sampleSize(),
            sp.acceptance(),
            sp.rejection(),
            sp.hundredPercent()))) {
      throw ConflictException.staleVersion(LOT, lot.id(), lot.version());
    }
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("quantity", lot.quantity());
    before.put("n", lot.sampleSize());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("quantity", size);
    after.put("codeLetter", sp.codeLetter().map(CodeLetter::name).orElse(""));
    after.put("n", sp.sampleSize());
    after.put("ac", sp.acceptance());
    after.put("re", sp.rejection());
    AuditTrail.writeJdbc(c, caller, LOT, lot.id(), lot.plantId(), "ENLARGE", before, after);
  }

  /**
   * The sampling plan for a quantity: the lot size in the standard's sense is a count of items, so
   * a fractional quantity counts as the next whole item, and a lot of one item as two (the smallest
   * lot-size class; its plan inspects every item).
   */
  /**
   * The plan's sampling for a quantity: the master tables (ISO_2859), n and Ac as given, capped at
   * the lot (FIXED), or every item (HUNDRED_PERCENT).
   */
  static SamplingPlan sampling(InspectionPlan plan, Severity severity, BigDecimal quantity) {
    return switch (plan.samplingMode()) {
      case "FIXED" -> {
        int size = items(quantity);
        yield plan.fixedSampleSize() >= size
            ? new SamplingPlan(
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                size,
                plan.fixedAcceptance(),
                plan.fixedAcceptance() + 1,
                true)
            : SamplingPlan.fixed(
                plan.fixedSampleSize(), plan.fixedAcceptance(), plan.fixedAcceptance() + 1);
      }
      case "HUNDRED_PERCENT" -> SamplingPlan.hundredPercent(items(quantity));
      default -> sampling(plan.inspectionLevel(), plan.aql(), severity, quantity);
    };
  }

  /** A quantity as a count of items: the next whole item, at least 1. */
  private static int items(BigDecimal quantity) {
    BigDecimal whole = quantity.setScale(0, RoundingMode.CEILING);
    return whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
        ? Integer.MAX_VALUE
        : Math.max(1, whole.intValue());
  }

  static SamplingPlan sampling(String level, String aql, Severity severity, BigDecimal quantity) {
    BigDecimal whole = quantity.setScale(0, RoundingMode.CEILING);
    int size =
        whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
            ? Integer.MAX_VALUE
            : Math.max(2, whole.intValue());
    return SamplingPlans.plan(size, levelOf(level), Aql.of(aql), severity);
  }

  static InspectionLevel levelOf(String label) {
    String t = label.trim().toUpperCase(Locale.ROOT).replace("-", "");
    for (InspectionLevel l : InspectionLevel.values()) {
      if (l.name().equals(t)) {
        return l;
      }
    }
    throw new IllegalStateException("stored inspection level " + label + " is unknown");
  }

  /** The events a plan may open lots on. */
  static final List<String> EVENTS = List.of("IQC", "IPQC", "FQC", "RETURN");
}
