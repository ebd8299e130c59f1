package io.tianshu.integration.internal;

import io.tianshu.integration.DeadLetter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JDBC for the inbound message ids and the dead letters (tables of V22). */
final class InboundStore {
  static final int MAX_PAYLOAD = 32_000;
  static final int MAX_TEXT = 4_000;

  /** A message id that already committed: the insert met the primary key. */
  static final class DuplicateMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateMessage() {
      super(null, null, false, false);
    }
  }

  /** The result of a message id that committed, or null when it did not. */
  static String[] committed(Connection c, String messageId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT command, result_json FROM integration_inbound WHERE message_id = ?")) {
      ps.setString(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
      }
    }
  }

  static void insertMessage(
      Connection c, String messageId, String command, String username, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO integration_inbound (message_id, command, received_at, username)"
                + " VALUES (?, ?, ?, ?)")) {
      ps.setString(1, messageId);
      ps.setString(2, command);
      ps.setTimestamp(3, Timestamp.from(at));
      ps.setString(4, username);
      ps.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new DuplicateMessage();
      }
      throw e;
    }
  }

  static void setResult(Connection c, String messageId, String resultJson) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE integration_inbound SET result_json = ? WHERE message_id = ?")) {
      ps.setString(1, resultJson != null && resultJson.length() <= MAX_TEXT ? resultJson : null);
      ps.setString(2, messageId);
      ps.executeUpdate();
    }
  }

  static long insertDeadLetter(
      Connection c,
      String messageId,
      String command,
      String routeId,
      String payload,
      Map<String, String> headers,
      String reason,
      boolean permanent,
      int attempts,
      Instant at)
      throws SQLException {
    boolean truncated = payload != null && payload.length() > MAX_PAYLOAD;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO integration_dead_letter (message_id, command, route_id, payload,"
                + " payload_truncated, headers_json, reason, permanent, attempts, status,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, cut(messageId, 128));
      ps.setString(2, cut(command, 64));
      ps.setString(3, cut(routeId, 128));
      ps.setString(4, truncated ? payload.substring(0, MAX_PAYLOAD) : payload);
      ps.setShort(5, (short) (truncated ? 1 : 0));
      ps.setString(6, cut(InboundJson.write(headers), MAX_TEXT));
      ps.setString(7, cut(reason, MAX_TEXT));
      ps.setShort(8, (short) (permanent ? 1 : 0));
      ps.setInt(9, attempts);
      ps.setTimestamp(10, Timestamp.from(at));
      ps.setTimestamp(11, Timestamp.from(at));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static final String COLUMNS =
      "id, message_id, command, route_id, payload, payload_truncated, headers_json, reason,"
          + " permanent, attempts, status, created_at, updated_at, resolved_by";

  static List<DeadLetter> deadLetters(Connection c, String status, int limit) throws SQLException {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM integration_dead_letter"
            + (status == null ? "" : " WHERE status = ?")
            + " ORDER BY id DESC FETCH FIRST "
            + limit
            + " ROWS ONLY";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (status != null) {
        ps.setString(1, status);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<DeadLetter> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row(rs));
        }
        return out;
      }
    }
  }

  static DeadLetter deadLetter(Connection c, long id, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM integration_dead_letter WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? row(rs) : null;
      }
    }
  }

  static void updateDeadLetter(
      Connection c, long id, String status, String reason, int attempts, String by, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE integration_dead_letter SET status = ?, reason = ?, attempts = ?,"
                + " resolved_by = ?, updated_at = ? WHERE id = ?")) {
      ps.setString(1, status);
      ps.setString(2, cut(reason, MAX_TEXT));
      ps.setInt(3, attempts);
      ps.setString(4, by);
      ps.setTimestamp(5, Timestamp.from(at));
      ps.setLong(6, id);
      ps.executeUpdate();
    }
  }

  @SuppressWarnings("unchecked")
  private static DeadLetter row(ResultSet rs) throws SQLException {
    String headersJson = rs.getString(7);
    Map<String, String> headers = new LinkedHashMap<>();
    if (headersJson != null) {
      try {
        headers = InboundJson.read(headersJson, LinkedHashMap.class);
      } catch (IllegalArgumentException e) {
        headers = Map.of(); // cut at 4,000 characters: shown without headers
      }
    }
    return new DeadLetter(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getShort(6) != 0,
        headers,
        rs.getString(8),
        rs.getShort(9) != 0,
        rs.getInt(10),
        rs.getString(11),
        rs.getTimestamp(12).toInstant(),
        rs.getTimestamp(13).toInstant(),
        rs.getString(14));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private InboundStore() {}
}
