package io.tianshu.quality.internal;

import io.tianshu.quality.Characteristic;
import io.tianshu.quality.LotHold;
import io.tianshu.quality.SpcSetting;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Plain JDBC for SPC: chart samples, settings, holds and the statistics aggregates (V16). */
final class SpcStore {
  private SpcStore() {}

  /** A characteristic with the plan it belongs to. */
  record PlanCharacteristic(long planId, String planSupplier, Characteristic characteristic) {}

  /** The characteristics of the code in the material's plans of the plant, by plan id. */
  static List<PlanCharacteristic> characteristics(
      Connection c, long plantId, long materialId, String code) throws SQLException {
    List<PlanCharacteristic> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id AS plan_id, p.supplier, k.id, k.code, k.name, k.kind, k.target_value,"
                + " k.lower_limit, k.upper_limit, k.unit, k.defect_class FROM"
                + " inspection_characteristic k JOIN inspection_plan p ON p.id = k.plan_id WHERE"
                + " p.plant_id = ? AND p.material_id = ? AND k.code = ? ORDER BY p.id")) {
      Jdbc.bind(ps, List.of(plantId, materialId, code));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new PlanCharacteristic(rs.getLong(1), rs.getString(2), characteristic(rs)));
        }
      }
    }
    return out;
  }

  static Optional<Characteristic> characteristic(Connection c, long planId, String code)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT k.id, k.code, k.name, k.kind, k.target_value, k.lower_limit, k.upper_limit,"
                + " k.unit, k.defect_class FROM inspection_characteristic k WHERE k.plan_id = ?"
                + " AND k.code = ?")) {
      Jdbc.bind(ps, List.of(planId, code));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(characteristic(rs)) : Optional.empty();
      }
    }
  }

  private static Characteristic characteristic(ResultSet rs) throws SQLException {
    return new Characteristic(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("kind"),
        rs.getBigDecimal("target_value"),
        rs.getBigDecimal("lower_limit"),
        rs.getBigDecimal("upper_limit"),
        rs.getString("unit"),
        rs.getString("defect_class"));
  }

  /**
   * The newest {@code last} results of the characteristic code on the material's lots of the plant
   * (optionally of one supplier, recorded in [from, to)), oldest first.
   */
  static List<SpcCharts.Sample> samples(
      Connection c,
      long plantId,
      long materialId,
      String code,
      String supplier,
      Instant from,
      Instant to,
      int last)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT l.id, l.lot, l.supplier, l.sample_size, r.measured_values, r.defects,"
                + " r.recorded_at FROM inspection_result r JOIN inspection_lot l ON l.id ="
                + " r.lot_id JOIN inspection_characteristic k ON k.id = r.characteristic_id WHERE"
                + " l.plant_id = ? AND l.material_id = ? AND k.code = ?");
    List<Object> args = new ArrayList<>(List.of(plantId, materialId, code));
    if (supplier != null) {
      sql.append(" AND l.supplier = ?");
      args.add(supplier);
    }
    if (from != null) {
      sql.append(" AND r.recorded_at >= ?");
      args.add(from);
    }
    if (to != null) {
      sql.append(" AND r.recorded_at < ?");
      args.add(to);
    }
    sql.append(" ORDER BY r.recorded_at DESC, l.id DESC OFFSET 0 ROWS FETCH NEXT ")
        .append(last)
        .append(" ROWS ONLY");
    List<SpcCharts.Sample> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      Jdbc.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new SpcCharts.Sample(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  Jdbc.instant(rs, "recorded_at"),
                  rs.getInt(4),
                  parse(rs.getString(5)),
                  rs.getInt(6)));
        }
      }
    }
    Collections.reverse(out);
    return out;
  }

  /** The space-separated measured values as stored; none for an attribute. */
  static double[] parse(String values) {
    if (values == null || values.isBlank()) {
      return new double[0];
    }
    String[] parts = values.trim().split("\\s+");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i]);
    }
    return out;
  }

  // ---- settings

  static Optional<SpcSetting> setting(Connection c, long planId, String code, String kind)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT chart_type, rule_set, reaction, frozen_center, frozen_spread,"
                + " frozen_subgroup_size, frozen_at, frozen_by, updated_at, updated_by, version"
                + " FROM spc_setting WHERE plan_id = ? AND characteristic_code = ?")) {
      Jdbc.bind(ps, List.of(planId, code));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int n = rs.getInt(6);
        Integer size = rs.wasNull() ? null : n;
        return Optional.of(
            new SpcSetting(
                planId,
                code,
                kind,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                strip(rs.getBigDecimal(4)),
                strip(rs.getBigDecimal(5)),
                size,
                Jdbc.instant(rs, "frozen_at"),
                rs.getString(8),
                Jdbc.instant(rs, "updated_at"),
                rs.getString(10),
                rs.getLong(11)));
      }
    }
  }

  private static BigDecimal strip(BigDecimal d) {
    return d == null ? null : d.stripTrailingZeros();
  }

  /** Inserts (expected version 0) or updates the setting; false on a stale version. */
  static boolean putSetting(Connection c, SpcSetting s, long expectedVersion) throws SQLException {
    List<Object> args = new ArrayList<>();
    args.add(s.chartType());
    args.add(s.ruleSet());
    args.add(s.reaction());
    args.add(s.frozenCenter());
    args.add(s.frozenSpread());
    args.add(s.frozenSubgroupSize());
    args.add(s.frozenAt());
    args.add(s.frozenBy());
    args.add(s.updatedAt());
    args.add(s.updatedBy());
    args.add(s.planId());
    args.add(s.characteristic());
    String sql;
    if (expectedVersion == 0) {
      sql =
          "INSERT INTO spc_setting (chart_type, rule_set, reaction, frozen_center, frozen_spread,"
              + " frozen_subgroup_size, frozen_at, frozen_by, updated_at, updated_by, plan_id,"
              + " characteristic_code, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
    } else {
      sql =
          "UPDATE spc_setting SET chart_type = ?, rule_set = ?, reaction = ?, frozen_center = ?,"
              + " frozen_spread = ?, frozen_subgroup_size = ?, frozen_at = ?, frozen_by = ?,"
              + " updated_at = ?, updated_by = ?, version = version + 1 WHERE plan_id = ? AND"
              + " characteristic_code = ? AND version = ?";
      args.add(expectedVersion);
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, args);
      // typed nulls: PostgreSQL refuses a VARCHAR null for numeric and timestamp columns
      if (s.frozenCenter() == null) {
        ps.setNull(4, Types.DECIMAL);
      }
      if (s.frozenSpread() == null) {
        ps.setNull(5, Types.DECIMAL);
      }
      if (s.frozenSubgroupSize() == null) {
        ps.setNull(6, Types.INTEGER);
      }
      if (s.frozenAt() == null) {
        ps.setNull(7, Types.TIMESTAMP);
      }
      return ps.executeUpdate() > 0;
    }
  }

  // ---- holds

  private static final String HOLD_COLUMNS =
      "id, lot_id, characteristic_code, chart_type, rules, status, created_at, created_by,"
          + " released_at, released_by, release_reason";

  static List<LotHold> holds(Connection c, long lotId, boolean openOnly) throws SQLException {
    List<LotHold> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + HOLD_COLUMNS
                + " FROM inspection_hold WHERE lot_id = ?"
                + (openOnly ? " AND status = 'OPEN'" : "")
                + " ORDER BY id")) {
      ps.setLong(1, lotId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new LotHold(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  Jdbc.instant(rs, "created_at"),
                  rs.getString(8),
                  Jdbc.instant(rs, "released_at"),
                  rs.getString(10),
                  rs.getString(11)));
        }
      }
    }
    return out;
  }

  static boolean hasOpenHold(Connection c, long lotId) throws SQLException {
    return !holds(c, lotId, true).isEmpty();
  }

  static long insertHold(
      Connection c,
      long lotId,
      long plantId,
      String code,
      String chartType,
      String rules,
      Instant now,
      String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO inspection_hold (lot_id, plant_id, characteristic_code, chart_type,"
                + " rules, status, created_at, created_by, version) VALUES (?, ?, ?, ?, ?, 'OPEN',"
                + " ?, ?, 1)",
            Statement.RETURN_GENERATED_KEYS)) {
      Jdbc.bind(ps, List.of(lotId, plantId, code, chartType, rules, now, user));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static int releaseHolds(Connection c, long lotId, String reason, Instant now, String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE inspection_hold SET status = 'RELEASED', released_at = ?, released_by = ?,"
                + " release_reason = ?, version = version + 1 WHERE lot_id = ? AND status ="
                + " 'OPEN'")) {
      Jdbc.bind(ps, List.of(now, user, reason, lotId));
      return ps.executeUpdate();
    }
  }

  // ---- statistics

  /** Filters of the statistics over inspection_lot l. */
  record Filter(long plantId, Instant from, Instant to, String supplier, Long materialId) {
    String where(List<Object> args) {
      StringBuilder w = new StringBuilder(" WHERE l.plant_id = ?");
      args.add(plantId);
      if (from != null) {
        w.append(" AND l.created_at >= ?");
        args.add(from);
      }
      if (to != null) {
        w.append(" AND l.created_at < ?");
        args.add(to);
      }
      if (supplier != null) {
        w.append(" AND l.supplier = ?");
        args.add(supplier);
      }
      if (materialId != null) {
        w.append(" AND l.material_id = ?");
        args.add(materialId);
      }
      return w.toString();
    }
  }

  /** Aggregated counts of one group. */
  record Counts(
      String key,
      String label,
      long inspected,
      long decided,
      long accepted,
      long rejected,
      long firstPass) {}

  /** Defects of one Pareto category. */
  record Category(String key, String label, long defects) {}

  /** The key and label expressions of a grouping over l (lot) and m (material). */
  private static String[] grouping(Connection c, String by) throws SQLException {
    return switch (by) {
      case "SUPPLIER" -> new String[] {"l.supplier", "l.supplier"};
      case "SOURCE" -> new String[] {"l.source", "l.source"};
      case "MATERIAL" -> new String[] {"l.material_id", "m.code"};
        // the routing operation of the lot's plan; 0 for the material's own plans
      case "OPERATION" -> new String[] {"p.operation_seq", "p.operation_seq"};
      case "MONTH" -> {
        String month = month(c, "l.created_at");
        yield new String[] {month, month};
      }
      default -> throw new IllegalArgumentException("grouping " + by);
    };
  }

  /** yyyymm as a number: YEAR/MONTH on Derby, EXTRACT on PostgreSQL. */
  private static String month(Connection c, String column) throws SQLException {
    boolean postgres =
        c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    return postgres
        ? "CAST(EXTRACT(YEAR FROM "
            + column
            + ") AS INT) * 100 + CAST(EXTRACT(MONTH FROM "
            + column
            + ") AS INT)"
        : "YEAR(" + column + ") * 100 + MONTH(" + column + ")";
  }

  static List<Counts> lotCounts(Connection c, Filter f, String by) throws SQLException {
    String[] g = grouping(c, by);
    List<Object> args = new ArrayList<>();
    String where = f.where(args);
    // a derived table, so the grouping expression appears once (Derby groups by columns only)
    String sql =
        "SELECT gk, gl, COUNT(*), SUM(CASE WHEN decision IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE"
            + " WHEN decision = 'ACCEPT' THEN 1 ELSE 0 END), SUM(CASE WHEN decision = 'REJECT'"
            + " THEN 1 ELSE 0 END), SUM(CASE WHEN decision = 'ACCEPT' AND judgement = 'ACCEPT'"
            + " AND held IS NULL THEN 1 ELSE 0 END) FROM (SELECT "
            + g[0]
            + " AS gk, "
            + g[1]
            + " AS gl, l.decision, l.judgement, h.lot_id AS held FROM inspection_lot l JOIN"
            + " material m ON m.id = l.material_id JOIN inspection_plan p ON p.id = l.plan_id"
            + " LEFT JOIN (SELECT lot_id FROM inspection_hold"
            + " GROUP BY lot_id) h ON h.lot_id = l.id"
            + where
            + " AND l.judgement IS NOT NULL) x GROUP BY gk, gl ORDER BY gk";
    List<Counts> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Counts(
                  monthKey(by, rs.getString(1)),
                  monthKey(by, rs.getString(2)),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7)));
        }
      }
    }
    return out;
  }

  private static String monthKey(String by, String value) {
    if (!"MONTH".equals(by) || value == null || value.length() != 6) {
      return value;
    }
    return value.substring(0, 4) + "-" + value.substring(4);
  }

  /** Defects per category of {@code by} (CHARACTERISTIC or a lot grouping), unordered. */
  static List<Category> defects(Connection c, Filter f, String by) throws SQLException {
    String[] g = "CHARACTERISTIC".equals(by) ? new String[] {"k.code", "k.name"} : grouping(c, by);
    List<Object> args = new ArrayList<>();
    String where = f.where(args);
    String label = "CHARACTERISTIC".equals(by) ? "MAX(gl)" : "gl";
    String sql =
        "SELECT gk, "
            + label
            + ", SUM(defects) FROM (SELECT "
            + g[0]
            + " AS gk, "
            + g[1]
            + " AS gl, r.defects FROM inspection_result r JOIN inspection_lot l ON l.id ="
            + " r.lot_id JOIN inspection_characteristic k ON k.id = r.characteristic_id JOIN"
            + " material m ON m.id = l.material_id JOIN inspection_plan p ON p.id = l.plan_id"
            + where
            + " AND r.defects > 0) x GROUP BY gk"
            + ("CHARACTERISTIC".equals(by) ? "" : ", gl");
    List<Category> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Category(
                  monthKey(by, rs.getString(1)), monthKey(by, rs.getString(2)), rs.getLong(3)));
        }
      }
    }
    return out;
  }
}
