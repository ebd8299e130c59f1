package io.tianshu.quality.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.InspectionResult;
import io.tianshu.quality.NcDefect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens the nonconformance of a rejected inspection lot inside the usage decision's transaction:
 * the lot's whole quantity, now BLOCKED, with the characteristics that found defects as its defect
 * codes (counts in the sample) and the supplier as responsible when there is one.
 */
final class NcFromLot {
  private NcFromLot() {}

  static long open(
      Connection c, CallerContext caller, InspectionLot lot, String reason, Instant now)
      throws SQLException {
    List<NcDefect> defects = new ArrayList<>();
    for (InspectionResult r : lot.results()) {
      if (r.defects() > 0) {
        defects.add(
            new NcDefect(
                r.code(),
                BigDecimal.valueOf(r.defects()),
                "in a sample of " + lot.sampleSize() + " / 样本 " + lot.sampleSize()));
      }
    }
    String description = "rejected at inspection lot " + lot.id() + " / 检验批判退";
    if (reason != null && !reason.isBlank()) {
      description += ": " + reason.trim();
    }
    return insert(c, caller, lot, "BLOCKED", description, defects, now);
  }

  /**
   * Opens the nonconformance of a lot whose results broke a run rule (SPC reaction NONCONFORMANCE):
   * the lot's quantity as it waits in QUARANTINE, no counted defects (a signal of the process, not
   * a defect count); the usage decision then either rejects the lot, and the NC follows its stock
   * into BLOCKED, or the NC is cancelled before the lot can be accepted.
   */
  static long openFromSpc(
      Connection c,
      CallerContext caller,
      InspectionLot lot,
      String characteristic,
      String rules,
      Instant now)
      throws SQLException {
    String description =
        "SPC: "
            + rules
            + " on "
            + characteristic
            + " at inspection lot "
            + lot.id()
            + " / SPC 判异: "
            + characteristic;
    return insert(c, caller, lot, "QUARANTINE", description, List.of(), now);
  }

  private static long insert(
      Connection c,
      CallerContext caller,
      InspectionLot lot,
      String stockStatus,
      String description,
      List<NcDefect> defects,
      Instant now)
      throws SQLException {
    boolean supplier = lot.supplier() != null && !lot.supplier().isBlank();
    String ncNo = String.format("NC-%06d", NcStore.nextNumber(c, lot.plantId(), "NC"));
    long id =
        NcStore.insert(
            c,
            new NcStore.NewNc(
                lot.plantId(),
                ncNo,
                "INSPECTION_LOT",
                "IL-" + lot.id(),
                lot.id(),
                lot.materialId(),
                lot.lot(),
                lot.locationId(),
                stockStatus,
                lot.quantity(),
                description.length() > 2000 ? description.substring(0, 2000) : description,
                supplier ? "SUPPLIER" : "UNKNOWN",
                supplier ? lot.supplier() : null,
                null,
                now,
                caller.username()));
    NcStore.insertDefects(c, id, defects);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("ncNo", ncNo);
    after.put("source", "INSPECTION_LOT");
    after.put("inspectionLotId", lot.id());
    after.put("quantity", lot.quantity());
    after.put("defects", defects.stream().map(NcDefect::code).toList());
    AuditTrail.writeJdbc(
        c, caller, NonconformanceServiceImpl.NC, id, lot.plantId(), AuditTrail.CREATE, null, after);
    return id;
  }
}
