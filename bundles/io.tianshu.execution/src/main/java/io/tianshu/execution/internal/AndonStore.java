package io.tianshu.execution.internal;

import static io.tianshu.execution.internal.Jdbc.bind;
import static io.tianshu.execution.internal.Jdbc.instant;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.execution.AndonCallView;
import io.tianshu.execution.AndonNotification;
import io.tianshu.execution.AndonRule;
import io.tianshu.execution.AndonStatus;
import io.tianshu.execution.engine.AndonCategory;
import io.tianshu.execution.engine.AndonEscalationLevel;
import io.tianshu.execution.engine.AndonPriority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Andon tables through plain JDBC, on the connection of the caller's transaction. */
final class AndonStore {
  /** The stored priority of a ladder for any priority. */
  static final String ANY = "ANY";

  private AndonStore() {}

  /** A new call's row. */
  record NewCall(
      long plantId,
      String lineCode,
      String station,
      AndonCategory category,
      AndonPriority priority,
      String description,
      Long workOrderId,
      Integer operationSeq,
      Instant at,
      String user) {}

  static long insertCall(Connection c, NewCall n) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO andon_call (plant_id, line_code, station, category, priority,"
                + " description, status, work_order_id, operation_seq, raised_at, raised_by,"
                + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, n.plantId());
      ps.setString(2, n.lineCode());
      ps.setString(3, n.station());
      ps.setString(4, n.category().name());
      ps.setString(5, n.priority().name());
      ps.setString(6, n.description());
      ps.setString(7, AndonStatus.RAISED.name());
      if (n.workOrderId() == null) {
        ps.setNull(8, Types.BIGINT);
      } else {
        ps.setLong(8, n.workOrderId());
      }
      if (n.operationSeq() == null) {
        ps.setNull(9, Types.INTEGER);
      } else {
        ps.setInt(9, n.operationSeq());
      }
      ps.setTimestamp(10, Timestamp.from(n.at()));
      ps.setString(11, n.user());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /**
   * Locks the call's row until the transaction ends: status changes and escalation of one call wait
   * for each other, on one node or several. False when there is no such call.
   */
  static boolean lock(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE andon_call SET version = version + 1 WHERE id = ?")) {
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    }
  }

  /** Sets columns of a call: {@code set} is e.g. {@code "status = ?, resolved_at = ?"}. */
  static void update(Connection c, long id, String set, Object... args) throws SQLException {
    List<Object> all = new ArrayList<>(List.of(args));
    all.add(id);
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE andon_call SET " + set + " WHERE id = ?")) {
      bind(ps, all);
      ps.executeUpdate();
    }
  }

  static Optional<AndonCallView> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM andon_call WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        AndonCallView v = call(rs, List.of());
        return Optional.of(withNotifications(v, notifications(c, v)));
      }
    }
  }

  static Page<AndonCallView> list(
      Connection c,
      Set<Long> plants,
      Long plantId,
      AndonStatus status,
      AndonCategory category,
      String lineCode,
      PageRequest page)
      throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (plants != null) {
      if (plants.isEmpty()) {
        return new Page<>(List.of(), page.offset(), page.limit(), 0);
      }
      where.append(" AND plant_id IN (");
      int i = 0;
      for (Long p : plants) {
        where.append(i++ == 0 ? "?" : ", ?");
        args.add(p);
      }
      where.append(')');
    }
    if (plantId != null) {
      where.append(" AND plant_id = ?");
      args.add(plantId);
    }
    if (status != null) {
      where.append(" AND status = ?");
      args.add(status.name());
    }
    if (category != null) {
      where.append(" AND category = ?");
      args.add(category.name());
    }
    if (lineCode != null) {
      where.append(" AND line_code = ?");
      args.add(lineCode);
    }
    long total;
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM andon_call" + where)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    String order = "raisedAt".equals(page.sortField()) ? "raised_at" : "id";
    List<AndonCallView> items = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM andon_call"
                + where
                + " ORDER BY "
                + order
                + (page.ascending() ? " ASC" : " DESC")
                + ", id ASC OFFSET "
                + page.offset()
                + " ROWS FETCH NEXT "
                + page.limit()
                + " ROWS ONLY")) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(call(rs, List.of()));
        }
      }
    }
    List<AndonCallView> full = new ArrayList<>();
    for (AndonCallView v : items) {
      full.add(withNotifications(v, notifications(c, v)));
    }
    return new Page<>(full, page.offset(), page.limit(), total);
  }

  /** Ids of the open calls (RAISED, ACKNOWLEDGED), of one plant or all, oldest first. */
  static List<Long> openCalls(Connection c, Long plantId) throws SQLException {
    String sql =
        "SELECT id FROM andon_call WHERE status IN ('RAISED', 'ACKNOWLEDGED')"
            + (plantId == null ? "" : " AND plant_id = ?")
            + " ORDER BY id";
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (plantId != null) {
        ps.setLong(1, plantId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  /** Calls of a plant raised in {@code [from, to)}, without their notifications. */
  static List<AndonCallView> raisedBetween(
      Connection c, long plantId, Instant from, Instant to, String lineCode) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT * FROM andon_call WHERE plant_id = ?");
    List<Object> args = new ArrayList<>();
    args.add(plantId);
    if (from != null) {
      sql.append(" AND raised_at >= ?");
      args.add(from);
    }
    if (to != null) {
      sql.append(" AND raised_at < ?");
      args.add(to);
    }
    if (lineCode != null) {
      sql.append(" AND line_code = ?");
      args.add(lineCode);
    }
    sql.append(" ORDER BY id");
    List<AndonCallView> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(call(rs, List.of()));
        }
      }
    }
    return out;
  }

  // ---- notifications

  static List<AndonNotification> notifications(Connection c, AndonCallView call)
      throws SQLException {
    List<AndonNotification> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, level_no, recipient, due_at, sent_at FROM andon_notification"
                + " WHERE call_id = ? ORDER BY level_no")) {
      ps.setLong(1, call.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AndonNotification(
                  rs.getLong(1),
                  call.id(),
                  call.plantId(),
                  call.lineCode(),
                  call.category(),
                  call.priority(),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getTimestamp(4).toInstant(),
                  rs.getTimestamp(5).toInstant()));
        }
      }
    }
    return out;
  }

  static long insertNotification(
      Connection c, long callId, int level, String recipient, Instant dueAt, Instant sentAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO andon_notification (call_id, level_no, recipient, due_at, sent_at)"
                + " VALUES (?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, callId);
      ps.setInt(2, level);
      ps.setString(3, recipient);
      ps.setTimestamp(4, Timestamp.from(dueAt));
      ps.setTimestamp(5, Timestamp.from(sentAt));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  // ---- rules

  static List<AndonRule> rules(Connection c, long plantId) throws SQLException {
    Map<Long, AndonRule> byId = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, category, priority, stop_on_acknowledge FROM andon_rule"
                + " WHERE plant_id = ? ORDER BY id")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String p = rs.getString(3);
          byId.put(
              rs.getLong(1),
              new AndonRule(
                  rs.getLong(1),
                  plantId,
                  AndonCategory.valueOf(rs.getString(2)),
                  ANY.equals(p) ? null : AndonPriority.valueOf(p),
                  rs.getBoolean(4),
                  List.of()));
        }
      }
    }
    Map<Long, List<AndonRule.Level>> levels = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.rule_id, l.level_no, l.delay_minutes, l.anchor, l.recipient"
                + " FROM andon_rule_level l JOIN andon_rule r ON r.id = l.rule_id"
                + " WHERE r.plant_id = ? ORDER BY l.rule_id, l.level_no")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          levels
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new AndonRule.Level(
                      rs.getInt(2),
                      rs.getInt(3),
                      AndonEscalationLevel.Anchor.valueOf(rs.getString(4)),
                      rs.getString(5)));
        }
      }
    }
    List<AndonRule> out = new ArrayList<>();
    for (AndonRule r : byId.values()) {
      out.add(
          new AndonRule(
              r.id(),
              r.plantId(),
              r.category(),
              r.priority(),
              r.stopOnAcknowledge(),
              levels.getOrDefault(r.id(), List.of())));
    }
    out.sort(
        (a, b) -> {
          int cat = a.category().compareTo(b.category());
          if (cat != 0) {
            return cat;
          }
          int pa = a.priority() == null ? Integer.MAX_VALUE : a.priority().ordinal();
          int pb = b.priority() == null ? Integer.MAX_VALUE : b.priority().ordinal();
          return Integer.compare(pa, pb);
        });
    return out;
  }

  static void deleteRules(Connection c, long plantId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM andon_rule_level WHERE rule_id IN"
                + " (SELECT id FROM andon_rule WHERE plant_id = ?)")) {
      ps.setLong(1, plantId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM andon_rule WHERE plant_id = ?")) {
      ps.setLong(1, plantId);
      ps.executeUpdate();
    }
  }

  static void insertRule(
      Connection c,
      long plantId,
      AndonCategory category,
      AndonPriority priority,
      boolean stopOnAcknowledge,
      List<AndonRule.Level> levels,
      Instant at,
      String user)
      throws SQLException {
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO andon_rule (plant_id, category, priority, stop_on_acknowledge,"
                + " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, plantId);
      ps.setString(2, category.name());
      ps.setString(3, priority == null ? ANY : priority.name());
      ps.setBoolean(4, stopOnAcknowledge);
      ps.setTimestamp(5, Timestamp.from(at));
      ps.setString(6, user);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO andon_rule_level (rule_id, level_no, delay_minutes, anchor, recipient)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (AndonRule.Level l : levels) {
        ps.setLong(1, id);
        ps.setInt(2, l.level());
        ps.setInt(3, l.delayMinutes());
        ps.setString(4, l.anchor().name());
        ps.setString(5, l.recipient());
        ps.executeUpdate();
      }
    }
  }

  static boolean plantExists(Connection c, long plantId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM org_unit WHERE id = ? AND unit_type = 'PLANT'")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  // ---- work orders

  /** The plant of a work order, if it exists. */
  static Optional<Long> workOrderPlant(Connection c, long workOrderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT plant_id FROM work_order WHERE id = ?")) {
      ps.setLong(1, workOrderId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  static boolean operationExists(Connection c, long workOrderId, int seq) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM work_order_operation WHERE work_order_id = ? AND seq = ?")) {
      ps.setLong(1, workOrderId);
      ps.setInt(2, seq);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  // ---- helpers

  private static AndonCallView call(ResultSet rs, List<AndonNotification> notifications)
      throws SQLException {
    AndonCategory category = AndonCategory.valueOf(rs.getString("category"));
    long wo = rs.getLong("work_order_id");
    Long workOrderId = rs.wasNull() ? null : wo;
    int seq = rs.getInt("operation_seq");
    Integer operationSeq = rs.wasNull() ? null : seq;
    return new AndonCallView(
        rs.getLong("id"),
        rs.getLong("plant_id"),
        rs.getString("line_code"),
        rs.getString("station"),
        category,
        category.label(),
        AndonPriority.valueOf(rs.getString("priority")),
        rs.getString("description"),
        AndonStatus.valueOf(rs.getString("status")),
        workOrderId,
        operationSeq,
        instant(rs, "raised_at"),
        rs.getString("raised_by"),
        instant(rs, "acknowledged_at"),
        rs.getString("acknowledged_by"),
        instant(rs, "resolved_at"),
        rs.getString("resolved_by"),
        rs.getString("resolution"),
        instant(rs, "closed_at"),
        rs.getString("closed_by"),
        notifications);
  }

  private static AndonCallView withNotifications(AndonCallView v, List<AndonNotification> n) {
    return new AndonCallView(
        v.id(),
        v.plantId(),
        v.lineCode(),
        v.station(),
        v.category(),
        v.categoryLabel(),
        v.priority(),
        v.description(),
        v.status(),
        v.workOrderId(),
        v.operationSeq(),
        v.raisedAt(),
        v.raisedBy(),
        v.acknowledgedAt(),
        v.acknowledgedBy(),
        v.resolvedAt(),
        v.resolvedBy(),
        v.resolution(),
        v.closedAt(),
        v.closedBy(),
        n);
  }
}
