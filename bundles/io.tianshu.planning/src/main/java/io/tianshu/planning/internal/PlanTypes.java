package io.tianshu.planning.internal;

import io.tianshu.bom.BomView;
import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Validation;
import io.tianshu.planning.PlanType;
import io.tianshu.planning.PlanTypeInput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plant's configured plan types on plain JDBC, and the built-in MRP and MPS types that apply
 * where the plant has not configured its own under those codes.
 */
final class PlanTypes {
  static final int MAX_HORIZON = 3650;

  private PlanTypes() {}

  /** The built-in type of {@code code} (MRP or MPS) for a plant; null for other codes. */
  static PlanType builtIn(long plantId, String code) {
    return switch (code) {
      case "MRP" ->
          new PlanType(
              plantId, "MRP", "MRP / 物料需求计划", "ALL", 365, 7, 7, 7, "MANUFACTURING", 0, 0, -1);
      case "MPS" ->
          new PlanType(
              plantId, "MPS", "MPS / 主生产计划", "MPS", 365, 7, 7, 7, "MANUFACTURING", 0, 0, -1);
      default -> null;
    };
  }

  /** The plant's type of {@code code}: configured, else built in; null when neither. */
  static PlanType find(Connection c, long plantId, String code) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM plan_type WHERE plant_id = ? AND code = ?")) {
      ps.setLong(1, plantId);
      ps.setString(2, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return map(rs);
        }
      }
    }
    return builtIn(plantId, code);
  }

  /** The plant's types: the configured ones and the built-in ones not overridden, by code. */
  static List<PlanType> list(Connection c, long plantId) throws SQLException {
    Map<String, PlanType> out = new java.util.TreeMap<>();
    out.put("MPS", builtIn(plantId, "MPS"));
    out.put("MRP", builtIn(plantId, "MRP"));
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM plan_type WHERE plant_id = ? ORDER BY code")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          PlanType t = map(rs);
          out.put(t.code(), t);
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private static PlanType map(ResultSet rs) throws SQLException {
    return new PlanType(
        rs.getLong("plant_id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("scope"),
        rs.getInt("horizon_days"),
        rs.getInt("bucket_days"),
        rs.getInt("backward_days"),
        rs.getInt("forward_days"),
        rs.getString("bom_view"),
        rs.getInt("demand_fence_days"),
        rs.getInt("planning_fence_days"),
        rs.getLong("version"));
  }

  static PlanType put(Connection c, CallerContext caller, PlanTypeInput in) throws SQLException {
    Validation v = new Validation();
    v.required("plantId", in.plantId()).code("code", in.code(), 16).text("name", in.name(), 64);
    String scope = in.scope() == null ? "ALL" : in.scope().trim().toUpperCase(Locale.ROOT);
    if (!scope.equals("ALL") && !scope.equals("MPS")) {
      v.add("scope", "invalid_value", "ALL or MPS / 只能是 ALL 或 MPS");
    }
    range(v, "horizonDays", in.horizonDays(), 1, MAX_HORIZON);
    range(v, "bucketDays", in.bucketDays(), 1, 366);
    range(v, "backwardDays", in.backwardDays(), 0, 366);
    range(v, "forwardDays", in.forwardDays(), 0, 366);
    range(v, "demandFenceDays", in.demandFenceDays(), 0, 3650);
    range(v, "planningFenceDays", in.planningFenceDays(), 0, 3650);
    String view = "MANUFACTURING";
    if (in.bomView() != null) {
      try {
        view = BomView.valueOf(in.bomView().trim().toUpperCase(Locale.ROOT)).name();
      } catch (IllegalArgumentException e) {
        v.add("bomView", "invalid_value", "unknown BOM view / 未知的 BOM 视图");
      }
    }
    v.throwIfInvalid();
    long plant = in.plantId();
    Sql.requirePlanner(caller, plant);
    String code = in.code().trim().toUpperCase(Locale.ROOT);
    PlanType t =
        new PlanType(
            plant,
            code,
            in.name().trim(),
            scope,
            or(in.horizonDays(), 365),
            or(in.bucketDays(), 7),
            or(in.backwardDays(), 7),
            or(in.forwardDays(), 7),
            view,
            or(in.demandFenceDays(), 0),
            or(in.planningFenceDays(), 0),
            0);
    Long current = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT version FROM plan_type WHERE plant_id = ? AND code = ? FOR UPDATE")) {
      ps.setLong(1, plant);
      ps.setString(2, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          current = rs.getLong(1);
        }
      }
    }
    long version;
    if (current == null) {
      if (in.version() != null) {
        throw new NotFoundException("PlanType", plant + "/" + code);
      }
      version = 0;
    } else {
      if (in.version() == null) {
        throw new ConflictException(
            "the plan type exists already; send the version last read / 计划类型已存在，请带上版本号");
      }
      if (in.version() != current.longValue()) {
        throw ConflictException.staleVersion("PlanType", plant + "/" + code, current);
      }
      version = current + 1;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            current == null
                ? "INSERT INTO plan_type (name, scope, horizon_days, bucket_days, backward_days,"
                    + " forward_days, bom_view, demand_fence_days, planning_fence_days, version,"
                    + " updated_at, updated_by, plant_id, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?)"
                : "UPDATE plan_type SET name = ?, scope = ?, horizon_days = ?, bucket_days = ?,"
                    + " backward_days = ?, forward_days = ?, bom_view = ?, demand_fence_days = ?,"
                    + " planning_fence_days = ?, version = ?, updated_at = ?, updated_by = ?"
                    + " WHERE plant_id = ? AND code = ?")) {
      ps.setString(1, t.name());
      ps.setString(2, t.scope());
      ps.setInt(3, t.horizonDays());
      ps.setInt(4, t.bucketDays());
      ps.setInt(5, t.backwardDays());
      ps.setInt(6, t.forwardDays());
      ps.setString(7, t.bomView());
      ps.setInt(8, t.demandFenceDays());
      ps.setInt(9, t.planningFenceDays());
      ps.setLong(10, version);
      ps.setTimestamp(11, Timestamp.from(Instant.now()));
      ps.setString(12, caller.username());
      ps.setLong(13, plant);
      ps.setString(14, code);
      ps.executeUpdate();
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", t.name());
    after.put("scope", scope);
    after.put("horizonDays", t.horizonDays());
    after.put("bucketDays", t.bucketDays());
    Sql.audit(
        c,
        caller,
        "PlanType",
        plant + "/" + code,
        plant,
        current == null ? "CREATE" : "UPDATE",
        after);
    return new PlanType(
        plant,
        code,
        t.name(),
        scope,
        t.horizonDays(),
        t.bucketDays(),
        t.backwardDays(),
        t.forwardDays(),
        view,
        t.demandFenceDays(),
        t.planningFenceDays(),
        version);
  }

  static void delete(Connection c, CallerContext caller, long plantId, String code)
      throws SQLException {
    Sql.requireRead(caller, plantId);
    Sql.requirePlanner(caller, plantId);
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM plan_type WHERE plant_id = ? AND code = ?")) {
      ps.setLong(1, plantId);
      ps.setString(2, code);
      if (ps.executeUpdate() == 0) {
        throw new NotFoundException("PlanType", plantId + "/" + code);
      }
    }
    Sql.audit(c, caller, "PlanType", plantId + "/" + code, plantId, "DELETE", null);
  }

  private static void range(Validation v, String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      v.add(field, "invalid_value", "must be in [" + min + ", " + max + "] / 超出范围");
    }
  }

  private static int or(Integer i, int dflt) {
    return i == null ? dflt : i;
  }
}
