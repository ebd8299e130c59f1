package io.tianshu.quality.internal;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.quality.Characteristic;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.InspectionPlan;
import io.tianshu.quality.InspectionResult;
import io.tianshu.quality.SamplingStateView;
import io.tianshu.quality.sampling.Severity;
import io.tianshu.quality.sampling.SwitchingState;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain JDBC on the quality tables (V14). */
final class QualityStore {
  private QualityStore() {}

  // ---- plans

  private static final String PLAN_COLUMNS =
      "id, plant_id, material_id, supplier, revision, inspection_level, aql, created_at,"
          + " created_by, version, auto_lots, patrol_minutes, operation_seq, reduced_approved,"
          + " sampling_mode, fixed_sample_size, fixed_acceptance";

  static Optional<InspectionPlan> findPlan(Connection c, long id) throws SQLException {
    List<InspectionPlan> found =
        plans(c, "SELECT " + PLAN_COLUMNS + " FROM inspection_plan WHERE id = ?", List.of(id));
    return found.stream().findFirst();
  }

  /** The material's own plan (not an operation's) for the supplier ("" for every supplier). */
  static Optional<InspectionPlan> findPlan(
      Connection c, long plantId, long materialId, String supplier) throws SQLException {
    return findPlan(c, plantId, materialId, supplier, 0);
  }

  static Optional<InspectionPlan> findPlan(
      Connection c, long plantId, long materialId, String supplier, int operationSeq)
      throws SQLException {
    List<InspectionPlan> found =
        plans(
            c,
            "SELECT "
                + PLAN_COLUMNS
                + " FROM inspection_plan WHERE plant_id = ? AND material_id = ? AND supplier = ?"
                + " AND operation_seq = ?",
            List.of(plantId, materialId, supplier, operationSeq));
    return found.stream().findFirst();
  }

  static List<InspectionPlan> listPlans(Connection c, long plantId, Long materialId)
      throws SQLException {
    List<Object> args = new ArrayList<>(List.of(plantId));
    String sql = "SELECT " + PLAN_COLUMNS + " FROM inspection_plan WHERE plant_id = ?";
    if (materialId != null) {
      sql += " AND material_id = ?";
      args.add(materialId);
    }
    return plans(c, sql + " ORDER BY id", args);
  }

  /**
   * A plan without its characteristics, for the callers that only need how it samples and which
   * events it answers (reports and receipts run these: one query instead of two).
   */
  static Optional<InspectionPlan> planHeader(Connection c, long id) throws SQLException {
    return headers(c, "SELECT " + PLAN_COLUMNS + " FROM inspection_plan WHERE id = ?", List.of(id))
        .stream()
        .findFirst();
  }

  /** The header of the plan for the supplier ("" for every supplier) and operation (0: none). */
  static Optional<InspectionPlan> planHeader(
      Connection c, long plantId, long materialId, String supplier, int operationSeq)
      throws SQLException {
    return headers(
            c,
            "SELECT "
                + PLAN_COLUMNS
                + " FROM inspection_plan WHERE plant_id = ? AND material_id = ? AND supplier = ?"
                + " AND operation_seq = ?",
            List.of(plantId, materialId, supplier, operationSeq))
        .stream()
        .findFirst();
  }

  private static List<InspectionPlan> plans(Connection c, String sql, List<Object> args)
      throws SQLException {
    List<InspectionPlan> out = headers(c, sql, args);
    List<InspectionPlan> full = new ArrayList<>();
    for (InspectionPlan p : out) {
      full.add(
          new InspectionPlan(
              p.id(),
              p.plantId(),
              p.materialId(),
              p.supplier(),
              p.revision(),
              p.inspectionLevel(),
              p.aql(),
              characteristics(c, p.id()),
              p.createdAt(),
              p.createdBy(),
              p.version(),
              p.autoLots(),
              p.patrolMinutes(),
              p.operationSeq(),
              p.reducedApproved(),
              p.samplingMode(),
              p.fixedSampleSize(),
              p.fixedAcceptance()));
    }
    return full;
  }

  private static List<InspectionPlan> headers(Connection c, String sql, List<Object> args)
      throws SQLException {
    List<InspectionPlan> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new InspectionPlan(
                  rs.getLong("id"),
                  rs.getLong("plant_id"),
                  rs.getLong("material_id"),
                  rs.getString("supplier"),
                  rs.getString("revision"),
                  rs.getString("inspection_level"),
                  rs.getString("aql"),
                  List.of(),
                  Jdbc.instant(rs, "created_at"),
                  rs.getString("created_by"),
                  rs.getLong("version"),
                  autoLots(rs.getString("auto_lots")),
                  rs.getInt("patrol_minutes"),
                  rs.getInt("operation_seq"),
                  rs.getBoolean("reduced_approved"),
                  rs.getString("sampling_mode"),
                  rs.getInt("fixed_sample_size"),
                  rs.getInt("fixed_acceptance")));
        }
      }
    }
    return out;
  }

  static List<Characteristic> characteristics(Connection c, long planId) throws SQLException {
    List<Characteristic> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, code, name, kind, target_value, lower_limit, upper_limit, unit,"
                + " defect_class, instrument, method FROM inspection_characteristic WHERE plan_id"
                + " = ? ORDER BY line_no")) {
      ps.setLong(1, planId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Characteristic(
                  rs.getLong("id"),
                  rs.getString("code"),
                  rs.getString("name"),
                  rs.getString("kind"),
                  rs.getBigDecimal("target_value"),
                  rs.getBigDecimal("lower_limit"),
                  rs.getBigDecimal("upper_limit"),
                  rs.getString("unit"),
                  rs.getString("defect_class"),
                  rs.getString("instrument"),
                  rs.getString("method")));
        }
      }
    }
    return out;
  }

  static long insertPlan(
      Connection c,
      long plantId,
      long materialId,
      String supplier,
      String revision,
      String level,
      String aql,
      List<String> autoLots,
      int patrolMinutes,
      int operationSeq,
      boolean reducedApproved,
      Instant now,
      String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO inspection_plan (plant_id, material_id, supplier, revision,"
                + " inspection_level, aql, auto_lots, patrol_minutes, operation_seq,"
                + " reduced_approved, active, created_at, created_by, version) VALUES (?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, TRUE, ?, ?, 1)",
            Statement.RETURN_GENERATED_KEYS)) {
      Jdbc.bind(
          ps,
          List.of(
              plantId,
              materialId,
              supplier,
              revision,
              level,
              aql,
              String.join(",", autoLots),
              patrolMinutes,
              operationSeq,
              reducedApproved,
              now,
              user));
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  /** Updates the header if the version still matches; false if another change came first. */
  /** Sets how the plan samples (written after insert or update of the header). */
  static void setSampling(Connection c, long planId, String mode, int sampleSize, int acceptance)
      throws SQLException {
    update(
        c,
        "UPDATE inspection_plan SET sampling_mode = ?, fixed_sample_size = ?, fixed_acceptance = ?"
            + " WHERE id = ?",
        List.of(mode, sampleSize, acceptance, planId));
  }

  static boolean updatePlan(
      Connection c,
      long id,
      long version,
      String revision,
      String level,
      String aql,
      List<String> autoLots,
      int patrolMinutes,
      boolean reducedApproved)
      throws SQLException {
    return update(
        c,
        "UPDATE inspection_plan SET revision = ?, inspection_level = ?, aql = ?, auto_lots = ?,"
            + " patrol_minutes = ?, reduced_approved = ?, version = version + 1 WHERE id = ? AND"
            + " version = ?",
        List.of(
            revision,
            level,
            aql,
            String.join(",", autoLots),
            patrolMinutes,
            reducedApproved,
            id,
            version));
  }

  /** The active in-house plans with a patrol interval, of a plant or of every plant. */
  static List<InspectionPlan> patrolPlans(Connection c, Long plantId) throws SQLException {
    String sql =
        "SELECT "
            + PLAN_COLUMNS
            + " FROM inspection_plan WHERE patrol_minutes > 0 AND active = TRUE AND supplier = ''"
            + " AND operation_seq = 0";
    List<Object> args = new ArrayList<>();
    if (plantId != null) {
      sql += " AND plant_id = ?";
      args.add(plantId);
    }
    return headers(c, sql + " ORDER BY id", args);
  }

  /** When the newest in-process lot of a work order (by its code) was opened; null if none. */
  static Instant lastInProcessLot(Connection c, long plantId, long materialId, String orderCode)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT MAX(created_at) FROM inspection_lot WHERE plant_id = ? AND material_id = ?"
                + " AND source = 'IPQC' AND reference = ?")) {
      Jdbc.bind(ps, List.of(plantId, materialId, orderCode));
      try (ResultSet rs = ps.executeQuery()) {
        java.sql.Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
        return t == null ? null : t.toInstant();
      }
    }
  }

  private static List<String> autoLots(String stored) {
    return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(","));
  }

  /**
   * The plan that opens lots by itself on {@code event} for the material: the supplier's own plan,
   * else the plan for every supplier; only the columns the decision needs (this runs inside reports
   * and receipts).
   */
  static Optional<InspectionPlan> planOpeningLotsOn(
      Connection c, long plantId, long materialId, String supplier, String event)
      throws SQLException {
    Optional<InspectionPlan> own = planHeader(c, plantId, materialId, supplier, 0);
    Optional<InspectionPlan> plan =
        own.isPresent() || supplier.isEmpty() ? own : planHeader(c, plantId, materialId, "", 0);
    return plan.filter(p -> p.autoLots().contains(event));
  }

  /** The open (no results yet) lot of a source, stock lot and reference. */
  static Optional<InspectionLot> openLotOf(
      Connection c, long plantId, long materialId, String source, String lot, String reference)
      throws SQLException {
    Long id = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM inspection_lot WHERE plant_id = ? AND material_id = ? AND source = ?"
                + " AND status = 'CREATED' AND lot = ? AND reference = ? ORDER BY id")) {
      Jdbc.bind(ps, List.of(plantId, materialId, source, lot, reference));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
        }
      }
    }
    return id == null ? Optional.empty() : findLot(c, id, false);
  }

  static void upsertCharacteristic(Connection c, long planId, int lineNo, Characteristic k)
      throws SQLException {
    List<Object> values = new ArrayList<>();
    values.add(lineNo);
    values.add(k.name());
    values.add(k.kind());
    values.add(k.target());
    values.add(k.lower());
    values.add(k.upper());
    values.add(k.unit());
    values.add(k.defectClass());
    values.add(k.instrument());
    values.add(k.method());
    values.add(planId);
    values.add(k.code());
    boolean updated;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE inspection_characteristic SET line_no = ?, name = ?, kind = ?, target_value ="
                + " ?, lower_limit = ?, upper_limit = ?, unit = ?, defect_class = ?, instrument = ?,"
                + " method = ? WHERE plan_id = ? AND code = ?")) {
      bindDecimals(ps, values);
      updated = ps.executeUpdate() > 0;
    }
    if (!updated) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO inspection_characteristic (line_no, name, kind, target_value,"
                  + " lower_limit, upper_limit, unit, defect_class, instrument, method, plan_id,"
                  + " code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bindDecimals(ps, values);
        ps.executeUpdate();
      }
    }
  }

  /** Binds like {@link Jdbc#bind} but a null in positions 4..6 (1-based) as a NULL decimal. */
  private static void bindDecimals(PreparedStatement ps, List<Object> values) throws SQLException {
    Jdbc.bind(ps, values);
    for (int i = 3; i <= 5; i++) {
      if (values.get(i) == null) {
        ps.setNull(i + 1, java.sql.Types.DECIMAL);
      }
    }
  }

  /** Characteristic ids of the plan that have results. */
  static List<String> codesWithResults(Connection c, long planId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT k.code FROM inspection_characteristic k JOIN inspection_result r ON"
                + " r.characteristic_id = k.id WHERE k.plan_id = ?")) {
      ps.setLong(1, planId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static void deleteCharacteristic(Connection c, long planId, String code) throws SQLException {
    update(
        c,
        "DELETE FROM inspection_characteristic WHERE plan_id = ? AND code = ?",
        List.of(planId, code));
  }

  // ---- lots

  /** The columns of a new lot, in insert order. */
  record NewLot(
      long plantId,
      long materialId,
      String supplier,
      String lot,
      BigDecimal quantity,
      long locationId,
      String source,
      long planId,
      String planRevision,
      String level,
      String aql,
      String severity,
      String codeLetter,
      int sampleSize,
      int acceptance,
      int rejection,
      boolean hundredPercent,
      String reference,
      Instant now,
      String user,
      boolean holdsStock) {}

  static long insertLot(Connection c, NewLot n) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO inspection_lot (plant_id, material_id, supplier, lot, quantity,"
                + " location_id, source, plan_id, plan_revision, inspection_level, aql, severity,"
                + " code_letter, sample_size, acceptance_number, rejection_number,"
                + " hundred_percent, status, defects, critical_defects, reference, created_at,"
                + " created_by, holds_stock, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, 'CREATED', 0, 0, ?, ?, ?, ?, 1)",
            Statement.RETURN_GENERATED_KEYS)) {
      List<Object> args = new ArrayList<>();
      args.add(n.plantId());
      args.add(n.materialId());
      args.add(n.supplier());
      args.add(n.lot());
      args.add(n.quantity());
      args.add(n.locationId());
      args.add(n.source());
      args.add(n.planId());
      args.add(n.planRevision());
      args.add(n.level());
      args.add(n.aql());
      args.add(n.severity());
      args.add(n.codeLetter());
      args.add(n.sampleSize());
      args.add(n.acceptance());
      args.add(n.rejection());
      args.add(null);
      args.add(n.reference());
      args.add(n.now());
      args.add(n.user());
      args.add(n.holdsStock());
      Jdbc.bind(ps, args);
      ps.setBoolean(17, n.hundredPercent());
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  private static final String LOT_COLUMNS =
      "id, plant_id, material_id, supplier, lot, quantity, location_id, source, plan_id,"
          + " plan_revision, inspection_level, aql, severity, code_letter, sample_size,"
          + " acceptance_number, rejection_number, hundred_percent, status, defects,"
          + " critical_defects, judgement, decision, decision_reason, decided_at, decided_by,"
          + " inspectors, reference, created_at, created_by, version, holds_stock";

  static Optional<InspectionLot> findLot(Connection c, long id, boolean withResults)
      throws SQLException {
    List<InspectionLot> found =
        lots(c, "SELECT " + LOT_COLUMNS + " FROM inspection_lot WHERE id = ?", List.of(id));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    InspectionLot l = found.get(0);
    return Optional.of(withResults ? withResults(l, results(c, id)) : l);
  }

  static Page<InspectionLot> listLots(
      Connection c, long plantId, String status, Long materialId, PageRequest page)
      throws SQLException {
    StringBuilder where = new StringBuilder(" FROM inspection_lot WHERE plant_id = ?");
    List<Object> args = new ArrayList<>(List.of(plantId));
    if (status != null) {
      where.append(" AND status = ?");
      args.add(status);
    }
    if (materialId != null) {
      where.append(" AND material_id = ?");
      args.add(materialId);
    }
    long total = Jdbc.count(c, where.toString(), args);
    List<InspectionLot> items =
        lots(
            c,
            "SELECT "
                + LOT_COLUMNS
                + where
                + Jdbc.pageTail(
                    page, Map.of("id", "id", "createdAt", "created_at", "status", "status")),
            args);
    return new Page<>(items, page.offset(), page.limit(), total);
  }

  private static InspectionLot withResults(InspectionLot l, List<InspectionResult> results) {
    return new InspectionLot(
        l.id(),
        l.plantId(),
        l.materialId(),
        l.supplier(),
        l.lot(),
        l.quantity(),
        l.locationId(),
        l.source(),
        l.planId(),
        l.planRevision(),
        l.inspectionLevel(),
        l.aql(),
        l.severity(),
        l.codeLetter(),
        l.sampleSize(),
        l.acceptance(),
        l.rejection(),
        l.hundredPercent(),
        l.status(),
        l.defects(),
        l.criticalDefects(),
        l.judgement(),
        l.decision(),
        l.decisionReason(),
        l.decidedAt(),
        l.decidedBy(),
        l.inspectors(),
        l.reference(),
        results,
        l.createdAt(),
        l.createdBy(),
        l.version(),
        l.holdsStock());
  }

  private static List<InspectionLot> lots(Connection c, String sql, List<Object> args)
      throws SQLException {
    List<InspectionLot> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new InspectionLot(
                  rs.getLong("id"),
                  rs.getLong("plant_id"),
                  rs.getLong("material_id"),
                  rs.getString("supplier"),
                  rs.getString("lot"),
                  rs.getBigDecimal("quantity"),
                  rs.getLong("location_id"),
                  rs.getString("source"),
                  rs.getLong("plan_id"),
                  rs.getString("plan_revision"),
                  rs.getString("inspection_level"),
                  rs.getString("aql"),
                  rs.getString("severity"),
                  rs.getString("code_letter"),
                  rs.getInt("sample_size"),
                  rs.getInt("acceptance_number"),
                  rs.getInt("rejection_number"),
                  rs.getBoolean("hundred_percent"),
                  rs.getString("status"),
                  rs.getInt("defects"),
                  rs.getInt("critical_defects"),
                  rs.getString("judgement"),
                  rs.getString("decision"),
                  rs.getString("decision_reason"),
                  Jdbc.instant(rs, "decided_at"),
                  rs.getString("decided_by"),
                  rs.getString("inspectors"),
                  rs.getString("reference"),
                  List.of(),
                  Jdbc.instant(rs, "created_at"),
                  rs.getString("created_by"),
                  rs.getLong("version"),
                  rs.getBoolean("holds_stock")));
        }
      }
    }
    return out;
  }

  static List<InspectionResult> results(Connection c, long lotId) throws SQLException {
    List<InspectionResult> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.characteristic_id, k.code, k.defect_class, r.measured_values, r.defects,"
                + " r.judgement, r.inspector, r.recorded_at FROM inspection_result r JOIN"
                + " inspection_characteristic k ON k.id = r.characteristic_id WHERE r.lot_id = ?"
                + " ORDER BY k.line_no")) {
      ps.setLong(1, lotId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new InspectionResult(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getString(6),
                  rs.getString(7),
                  Jdbc.instant(rs, "recorded_at")));
        }
      }
    }
    return out;
  }

  static void putResult(
      Connection c,
      long lotId,
      long characteristicId,
      String values,
      BigDecimal min,
      BigDecimal max,
      int defects,
      String judgement,
      String inspector,
      Instant now)
      throws SQLException {
    update(
        c,
        "DELETE FROM inspection_result WHERE lot_id = ? AND characteristic_id = ?",
        List.of(lotId, characteristicId));
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO inspection_result (lot_id, characteristic_id, measured_values, min_value,"
                + " max_value, defects, judgement, inspector, recorded_at) VALUES (?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)")) {
      List<Object> args = new ArrayList<>();
      args.add(lotId);
      args.add(characteristicId);
      args.add(values);
      args.add(min);
      args.add(max);
      args.add(defects);
      args.add(judgement);
      args.add(inspector);
      args.add(now);
      Jdbc.bind(ps, args);
      if (min == null) {
        ps.setNull(4, java.sql.Types.DECIMAL);
        ps.setNull(5, java.sql.Types.DECIMAL);
      }
      ps.executeUpdate();
    }
  }

  static boolean updateLot(Connection c, long id, long version, String set, List<Object> args)
      throws SQLException {
    List<Object> all = new ArrayList<>(args);
    all.add(id);
    all.add(version);
    return update(
        c,
        "UPDATE inspection_lot SET "
            + set
            + ", version = version + 1 WHERE id = ? AND version = ? AND status <> 'DECIDED'",
        all);
  }

  // ---- switching state

  static Optional<SamplingStateView> findState(
      Connection c, long plantId, String supplier, long materialId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT severity, discontinued, normal_history, tightened_accepted_in_row,"
                + " tightened_rejected_total, switching_score, last_reason, updated_at, version"
                + " FROM sampling_state WHERE plant_id = ? AND supplier = ? AND material_id = ?")) {
      Jdbc.bind(ps, List.of(plantId, supplier, materialId));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new SamplingStateView(
                plantId,
                supplier,
                materialId,
                rs.getString(1),
                rs.getBoolean(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getString(7),
                Jdbc.instant(rs, "updated_at"),
                rs.getLong(9)));
      }
    }
  }

  static SamplingStateView stateOrInitial(
      Connection c, long plantId, String supplier, long materialId) throws SQLException {
    return findState(c, plantId, supplier, materialId)
        .orElseGet(
            () ->
                new SamplingStateView(
                    plantId,
                    supplier,
                    materialId,
                    Severity.NORMAL.name(),
                    false,
                    0,
                    0,
                    0,
                    0,
                    null,
                    null,
                    0));
  }

  static SwitchingState toState(SamplingStateView v) {
    return new SwitchingState(
        Severity.valueOf(v.severity()),
        v.discontinued(),
        v.normalHistory(),
        v.tightenedAcceptedInRow(),
        v.tightenedRejectedTotal(),
        v.switchingScore());
  }

  /**
   * Writes the state after {@code previous} (version 0: none stored yet); false if another decision
   * changed it first.
   */
  static boolean saveState(
      Connection c, SamplingStateView previous, SwitchingState s, String reason, Instant now)
      throws SQLException {
    if (previous.version() == 0) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO sampling_state (plant_id, supplier, material_id, severity,"
                  + " discontinued, normal_history, tightened_accepted_in_row,"
                  + " tightened_rejected_total, switching_score, last_reason, updated_at, version)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
        List<Object> args = new ArrayList<>();
        args.add(previous.plantId());
        args.add(previous.supplier());
        args.add(previous.materialId());
        args.add(s.severity().name());
        args.add(null);
        args.add(s.normalHistory());
        args.add(s.tightenedAcceptedInRow());
        args.add(s.tightenedRejectedTotal());
        args.add(s.switchingScore());
        args.add(reason);
        args.add(now);
        Jdbc.bind(ps, args);
        ps.setBoolean(5, s.discontinued());
        ps.executeUpdate();
        return true;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sampling_state SET severity = ?, discontinued = ?, normal_history = ?,"
                + " tightened_accepted_in_row = ?, tightened_rejected_total = ?, switching_score ="
                + " ?, last_reason = ?, updated_at = ?, version = version + 1 WHERE plant_id = ?"
                + " AND supplier = ? AND material_id = ? AND version = ?")) {
      List<Object> args = new ArrayList<>();
      args.add(s.severity().name());
      args.add(null);
      args.add(s.normalHistory());
      args.add(s.tightenedAcceptedInRow());
      args.add(s.tightenedRejectedTotal());
      args.add(s.switchingScore());
      args.add(reason);
      args.add(now);
      args.add(previous.plantId());
      args.add(previous.supplier());
      args.add(previous.materialId());
      args.add(previous.version());
      Jdbc.bind(ps, args);
      ps.setBoolean(2, s.discontinued());
      return ps.executeUpdate() > 0;
    }
  }

  // ---- helpers

  /** Refuses (400 on locationId) a location that is not in the plant. */
  static void requireLocationOfPlant(Connection c, long plantId, long locationId)
      throws SQLException {
    if (!locationOfPlant(c, plantId, locationId)) {
      throw new io.tianshu.core.ValidationException(
          "locationId", "not_found", "no such location in the plant / 工厂无此库位");
    }
  }

  static boolean locationOfPlant(Connection c, long plantId, long locationId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT plant_id FROM stock_location WHERE id = ?")) {
      ps.setLong(1, locationId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) == plantId;
      }
    }
  }

  private static boolean update(Connection c, String sql, List<Object> args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, args);
      return ps.executeUpdate() > 0;
    }
  }

  private static long generatedId(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
