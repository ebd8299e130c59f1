package io.tianshu.quality.internal;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.quality.Capa;
import io.tianshu.quality.CapaDiscipline;
import io.tianshu.quality.QcCircle;
import io.tianshu.quality.nonconformance.Discipline;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain JDBC on the 8D and QC circle tables (V15). */
final class CapaStore {
  private CapaStore() {}

  // ---- 8D

  static long insertCapa(
      Connection c,
      long plantId,
      String capaNo,
      String title,
      String problem,
      Long ncId,
      Instant now,
      String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO capa (plant_id, capa_no, title, problem, nc_id, status, created_at,"
                + " created_by, version) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, 1)",
            Statement.RETURN_GENERATED_KEYS)) {
      Jdbc.bind(ps, Arrays.asList(plantId, capaNo, title, problem, ncId, now, user));
      Jdbc.setLong(ps, 5, ncId);
      ps.executeUpdate();
      return NcStore.generatedId(ps);
    }
  }

  static void insertDiscipline(Connection c, long capaId, Discipline d, String owner, LocalDate due)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO capa_discipline (capa_id, discipline, owner, due_date, status) VALUES (?,"
                + " ?, ?, ?, 'OPEN')")) {
      ps.setLong(1, capaId);
      ps.setString(2, d.name());
      setText(ps, 3, owner);
      setDate(ps, 4, due);
      ps.executeUpdate();
    }
  }

  static void updateDiscipline(
      Connection c,
      long capaId,
      Discipline d,
      String owner,
      LocalDate due,
      boolean done,
      String evidence,
      String doneBy,
      Instant doneAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE capa_discipline SET owner = ?, due_date = ?, status = ?, evidence = ?, done_by"
                + " = ?, done_at = ? WHERE capa_id = ? AND discipline = ?")) {
      setText(ps, 1, owner);
      setDate(ps, 2, due);
      ps.setString(3, done ? "DONE" : "OPEN");
      setText(ps, 4, evidence);
      setText(ps, 5, doneBy);
      if (doneAt == null) {
        ps.setNull(6, Types.TIMESTAMP);
      } else {
        ps.setTimestamp(6, java.sql.Timestamp.from(doneAt));
      }
      ps.setLong(7, capaId);
      ps.setString(8, d.name());
      ps.executeUpdate();
    }
  }

  static void replaceWhys(Connection c, long capaId, List<String> whys) throws SQLException {
    NcStore.update(c, "DELETE FROM capa_why WHERE capa_id = ?", List.of(capaId));
    int seq = 0;
    for (String w : whys) {
      NcStore.update(
          c,
          "INSERT INTO capa_why (capa_id, seq, why_text) VALUES (?, ?, ?)",
          List.of(capaId, ++seq, w.trim()));
    }
  }

  /** Updates the header if the version still matches and the report is open. */
  static boolean updateCapa(Connection c, long id, long version, String set, List<Object> args)
      throws SQLException {
    List<Object> all = new ArrayList<>(args);
    all.add(id);
    all.add(version);
    return NcStore.update(
        c,
        "UPDATE capa SET "
            + set
            + ", version = version + 1 WHERE id = ? AND version = ? AND status = 'OPEN'",
        all);
  }

  private static final String CAPA_COLUMNS =
      "id, plant_id, capa_no, title, problem, nc_id, status, root_cause, effectiveness,"
          + " effectiveness_note, effectiveness_by, effectiveness_at, closed_by, closed_at,"
          + " created_at, created_by, version";

  static Optional<Capa> findCapa(Connection c, long id) throws SQLException {
    List<Capa> found = capas(c, "SELECT " + CAPA_COLUMNS + " FROM capa WHERE id = ?", List.of(id));
    return found.stream().findFirst();
  }

  static Page<Capa> listCapas(Connection c, long plantId, String status, PageRequest page)
      throws SQLException {
    String where = " FROM capa WHERE plant_id = ?" + (status == null ? "" : " AND status = ?");
    List<Object> args = new ArrayList<>(List.of(plantId));
    if (status != null) {
      args.add(status);
    }
    long total = Jdbc.count(c, where, args);
    List<Capa> items =
        capas(c, "SELECT " + CAPA_COLUMNS + where + Jdbc.pageTail(page, Map.of()), args);
    return new Page<>(items, page.offset(), page.limit(), total);
  }

  private static List<Capa> capas(Connection c, String sql, List<Object> args) throws SQLException {
    List<Capa> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Capa(
                  rs.getLong("id"),
                  rs.getLong("plant_id"),
                  rs.getString("capa_no"),
                  rs.getString("title"),
                  rs.getString("problem"),
                  Jdbc.getLong(rs, "nc_id"),
                  rs.getString("status"),
                  List.of(),
                  List.of(),
                  rs.getString("root_cause"),
                  rs.getString("effectiveness"),
                  rs.getString("effectiveness_note"),
                  rs.getString("effectiveness_by"),
                  Jdbc.instant(rs, "effectiveness_at"),
                  rs.getString("closed_by"),
                  Jdbc.instant(rs, "closed_at"),
                  Jdbc.instant(rs, "created_at"),
                  rs.getString("created_by"),
                  rs.getLong("version")));
        }
      }
    }
    List<Capa> full = new ArrayList<>();
    for (Capa k : out) {
      full.add(
          new Capa(
              k.id(),
              k.plantId(),
              k.capaNo(),
              k.title(),
              k.problem(),
              k.ncId(),
              k.status(),
              disciplines(c, k.id()),
              whys(c, k.id()),
              k.rootCause(),
              k.effectiveness(),
              k.effectivenessNote(),
              k.effectivenessBy(),
              k.effectivenessAt(),
              k.closedBy(),
              k.closedAt(),
              k.createdAt(),
              k.createdBy(),
              k.version()));
    }
    return full;
  }

  private static List<CapaDiscipline> disciplines(Connection c, long capaId) throws SQLException {
    List<CapaDiscipline> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT discipline, owner, due_date, status, evidence, done_by, done_at FROM"
                + " capa_discipline WHERE capa_id = ? ORDER BY discipline")) {
      ps.setLong(1, capaId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Discipline d = Discipline.valueOf(rs.getString(1));
          Date due = rs.getDate(3);
          out.add(
              new CapaDiscipline(
                  d.name(),
                  d.title(),
                  d.titleZh(),
                  rs.getString(2),
                  due == null ? null : due.toLocalDate(),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  Jdbc.instant(rs, "done_at")));
        }
      }
    }
    return out;
  }

  private static List<String> whys(Connection c, long capaId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT why_text FROM capa_why WHERE capa_id = ? ORDER BY seq")) {
      ps.setLong(1, capaId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  // ---- QC circles

  static long insertCircle(
      Connection c,
      long plantId,
      String name,
      String theme,
      String leader,
      String members,
      LocalDate start,
      LocalDate target,
      Instant now,
      String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO qc_circle (plant_id, name, theme, leader, members, stage, start_date,"
                + " target_date, created_at, created_by, version) VALUES (?, ?, ?, ?, ?, 'PLAN',"
                + " ?, ?, ?, ?, 1)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, plantId);
      ps.setString(2, name);
      ps.setString(3, theme);
      ps.setString(4, leader);
      ps.setString(5, members);
      setDate(ps, 6, start);
      setDate(ps, 7, target);
      ps.setTimestamp(8, java.sql.Timestamp.from(now));
      ps.setString(9, user);
      ps.executeUpdate();
      return NcStore.generatedId(ps);
    }
  }

  static boolean advanceCircle(
      Connection c,
      long id,
      long version,
      String from,
      String to,
      String result,
      LocalDate completed)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE qc_circle SET stage = ?, result = ?, completed_date = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND stage = ?")) {
      ps.setString(1, to);
      setText(ps, 2, result);
      setDate(ps, 3, completed);
      ps.setLong(4, id);
      ps.setLong(5, version);
      ps.setString(6, from);
      return ps.executeUpdate() > 0;
    }
  }

  private static final String CIRCLE_COLUMNS =
      "id, plant_id, name, theme, leader, members, stage, start_date, target_date,"
          + " completed_date, result, created_at, created_by, version";

  static Optional<QcCircle> findCircle(Connection c, long id) throws SQLException {
    return circles(c, "SELECT " + CIRCLE_COLUMNS + " FROM qc_circle WHERE id = ?", List.of(id))
        .stream()
        .findFirst();
  }

  static Page<QcCircle> listCircles(Connection c, long plantId, String stage, PageRequest page)
      throws SQLException {
    String where = " FROM qc_circle WHERE plant_id = ?" + (stage == null ? "" : " AND stage = ?");
    List<Object> args = new ArrayList<>(List.of(plantId));
    if (stage != null) {
      args.add(stage);
    }
    long total = Jdbc.count(c, where, args);
    List<QcCircle> items =
        circles(c, "SELECT " + CIRCLE_COLUMNS + where + Jdbc.pageTail(page, Map.of()), args);
    return new Page<>(items, page.offset(), page.limit(), total);
  }

  private static List<QcCircle> circles(Connection c, String sql, List<Object> args)
      throws SQLException {
    List<QcCircle> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new QcCircle(
                  rs.getLong("id"),
                  rs.getLong("plant_id"),
                  rs.getString("name"),
                  rs.getString("theme"),
                  rs.getString("leader"),
                  List.of(rs.getString("members").split(",")),
                  rs.getString("stage"),
                  date(rs, "start_date"),
                  date(rs, "target_date"),
                  date(rs, "completed_date"),
                  rs.getString("result"),
                  Jdbc.instant(rs, "created_at"),
                  rs.getString("created_by"),
                  rs.getLong("version")));
        }
      }
    }
    return out;
  }

  // ---- helpers

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
    if (d == null) {
      ps.setNull(i, Types.DATE);
    } else {
      ps.setDate(i, Date.valueOf(d));
    }
  }

  private static void setText(PreparedStatement ps, int i, String s) throws SQLException {
    if (s == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, s);
    }
  }
}
