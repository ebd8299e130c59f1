package io.tianshu.quality.internal;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.quality.NcCost;
import io.tianshu.quality.NcDefect;
import io.tianshu.quality.NcDisposition;
import io.tianshu.quality.Nonconformance;
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
import java.util.TreeMap;

/** Plain JDBC on the nonconformance tables (V15). */
final class NcStore {
  private NcStore() {}

  /**
   * The plant's next number of {@code kind} (NC, CAPA), counted in quality_number. The row update
   * locks the counter until commit, so numbers are gap-free per committed record and never doubled.
   */
  static long nextNumber(Connection c, long plantId, String kind) throws SQLException {
    if (!update(
        c,
        "UPDATE quality_number SET last_no = last_no + 1 WHERE plant_id = ? AND kind = ?",
        List.of(plantId, kind))) {
      update(
          c,
          "INSERT INTO quality_number (plant_id, kind, last_no) VALUES (?, ?, 1)",
          List.of(plantId, kind));
      return 1;
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT last_no FROM quality_number WHERE plant_id = ? AND kind = ?")) {
      Jdbc.bind(ps, List.of(plantId, kind));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The columns of a new NC. */
  record NewNc(
      long plantId,
      String ncNo,
      String source,
      String sourceReference,
      Long inspectionLotId,
      long materialId,
      String lot,
      long locationId,
      String stockStatus,
      BigDecimal quantity,
      String description,
      String responsibility,
      String supplier,
      String department,
      Instant now,
      String user) {}

  static long insert(Connection c, NewNc n) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO nonconformance (plant_id, nc_no, source, source_reference,"
                + " inspection_lot_id, material_id, lot, location_id, stock_status, quantity,"
                + " description, responsibility, supplier, department, status, created_at,"
                + " created_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN',"
                + " ?, ?, 1)",
            Statement.RETURN_GENERATED_KEYS)) {
      List<Object> args = new ArrayList<>();
      args.add(n.plantId());
      args.add(n.ncNo());
      args.add(n.source());
      args.add(n.sourceReference());
      args.add(n.inspectionLotId());
      args.add(n.materialId());
      args.add(n.lot());
      args.add(n.locationId());
      args.add(n.stockStatus());
      args.add(n.quantity());
      args.add(n.description());
      args.add(n.responsibility());
      args.add(n.supplier());
      args.add(n.department());
      args.add(n.now());
      args.add(n.user());
      Jdbc.bind(ps, args);
      Jdbc.setLong(ps, 5, n.inspectionLotId());
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  static void insertDefects(Connection c, long ncId, List<NcDefect> defects) throws SQLException {
    int lineNo = 0;
    for (NcDefect d : defects) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO nc_defect (nc_id, line_no, defect_code, quantity, description) VALUES"
                  + " (?, ?, ?, ?, ?)")) {
        List<Object> args = new ArrayList<>();
        args.add(ncId);
        args.add(++lineNo);
        args.add(d.code());
        args.add(d.quantity());
        args.add(d.description());
        Jdbc.bind(ps, args);
        ps.executeUpdate();
      }
    }
  }

  static void replaceDispositions(Connection c, long ncId, List<NcDisposition> lines)
      throws SQLException {
    update(c, "DELETE FROM nc_disposition WHERE nc_id = ?", List.of(ncId));
    for (NcDisposition d : lines) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO nc_disposition (nc_id, line_no, kind, quantity, concession_no, reason,"
                  + " supplier) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        List<Object> args = new ArrayList<>();
        args.add(ncId);
        args.add(d.lineNo());
        args.add(d.kind());
        args.add(d.quantity());
        args.add(d.concessionNo());
        args.add(d.reason());
        args.add(d.supplier());
        Jdbc.bind(ps, args);
        ps.executeUpdate();
      }
    }
  }

  static void setExecuted(Connection c, long ncId, int lineNo, Long workOrderId, Long documentId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE nc_disposition SET work_order_id = ?, movement_document_id = ? WHERE nc_id = ?"
                + " AND line_no = ?")) {
      Jdbc.setLong(ps, 1, workOrderId);
      Jdbc.setLong(ps, 2, documentId);
      ps.setLong(3, ncId);
      ps.setInt(4, lineNo);
      ps.executeUpdate();
    }
  }

  static void insertCost(
      Connection c,
      long ncId,
      String type,
      BigDecimal amount,
      String note,
      Instant now,
      String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO nc_cost (nc_id, cost_type, amount, note, created_at, created_by) VALUES"
                + " (?, ?, ?, ?, ?, ?)")) {
      List<Object> args = new ArrayList<>();
      args.add(ncId);
      args.add(type);
      args.add(amount);
      args.add(note);
      args.add(now);
      args.add(user);
      Jdbc.bind(ps, args);
      ps.executeUpdate();
    }
  }

  /**
   * Moves the NC from {@code from} to {@code to} if the version still matches, setting the given
   * extra columns; false if another change came first.
   */
  static boolean move(
      Connection c,
      long id,
      long version,
      String from,
      String to,
      String extraSet,
      List<Object> extraArgs)
      throws SQLException {
    List<Object> args = new ArrayList<>();
    args.add(to);
    args.addAll(extraArgs);
    args.add(id);
    args.add(version);
    args.add(from);
    return update(
        c,
        "UPDATE nonconformance SET status = ?"
            + (extraSet.isEmpty() ? "" : ", " + extraSet)
            + ", version = version + 1 WHERE id = ? AND version = ? AND status = ?",
        args);
  }

  /** Bumps the version (a cost was booked); false if another change came first. */
  /**
   * The nonconformance an inspection lot's SPC reaction opened and nobody has executed or cancelled
   * yet, if any: it follows the lot's stock when the usage decision moves it.
   */
  static Optional<Long> pendingOfLot(Connection c, long lotId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM nonconformance WHERE inspection_lot_id = ? AND status IN ('OPEN',"
                + " 'PROPOSED', 'APPROVED') AND stock_status = 'QUARANTINE' ORDER BY id")) {
      ps.setLong(1, lotId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Moves a pending nonconformance to the stock status its lot's stock went to. */
  static void followStock(Connection c, long id, String stockStatus) throws SQLException {
    update(
        c,
        "UPDATE nonconformance SET stock_status = ?, version = version + 1 WHERE id = ?",
        List.of(stockStatus, id));
  }

  static boolean touch(Connection c, long id, long version) throws SQLException {
    return update(
        c,
        "UPDATE nonconformance SET version = version + 1 WHERE id = ? AND version = ?",
        List.of(id, version));
  }

  private static final String COLUMNS =
      "id, plant_id, nc_no, source, source_reference, inspection_lot_id, material_id, lot,"
          + " location_id, stock_status, quantity, description, responsibility, supplier,"
          + " department, status, proposed_by, proposed_at, approved_by, approved_at, mrb_comment,"
          + " executed_by, executed_at, closed_by, closed_at, cancel_reason, created_at,"
          + " created_by, version";

  static Optional<Nonconformance> find(Connection c, long id) throws SQLException {
    List<Nonconformance> found =
        headers(c, "SELECT " + COLUMNS + " FROM nonconformance WHERE id = ?", List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(full(c, found.get(0)));
  }

  static Page<Nonconformance> list(
      Connection c, long plantId, String status, Long materialId, PageRequest page)
      throws SQLException {
    StringBuilder where = new StringBuilder(" FROM nonconformance WHERE plant_id = ?");
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
    List<Nonconformance> items = new ArrayList<>();
    for (Nonconformance n :
        headers(
            c,
            "SELECT "
                + COLUMNS
                + where
                + Jdbc.pageTail(
                    page,
                    Map.of(
                        "id",
                        "id",
                        "createdAt",
                        "created_at",
                        "status",
                        "status",
                        "ncNo",
                        "nc_no")),
            args)) {
      items.add(full(c, n));
    }
    return new Page<>(items, page.offset(), page.limit(), total);
  }

  private static Nonconformance full(Connection c, Nonconformance n) throws SQLException {
    List<NcCost> costs = costs(c, n.id());
    BigDecimal total = BigDecimal.ZERO;
    Map<String, BigDecimal> byType = new TreeMap<>();
    for (NcCost k : costs) {
      total = total.add(k.amount());
      byType.merge(k.type(), k.amount(), BigDecimal::add);
    }
    return new Nonconformance(
        n.id(),
        n.plantId(),
        n.ncNo(),
        n.source(),
        n.sourceReference(),
        n.inspectionLotId(),
        n.materialId(),
        n.lot(),
        n.locationId(),
        n.stockStatus(),
        n.quantity(),
        n.description(),
        n.responsibility(),
        n.supplier(),
        n.department(),
        n.status(),
        n.proposedBy(),
        n.proposedAt(),
        n.approvedBy(),
        n.approvedAt(),
        n.mrbComment(),
        n.executedBy(),
        n.executedAt(),
        n.closedBy(),
        n.closedAt(),
        n.cancelReason(),
        defects(c, n.id()),
        dispositions(c, n.id()),
        costs,
        total,
        byType,
        n.createdAt(),
        n.createdBy(),
        n.version());
  }

  private static List<Nonconformance> headers(Connection c, String sql, List<Object> args)
      throws SQLException {
    List<Nonconformance> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Nonconformance(
                  rs.getLong("id"),
                  rs.getLong("plant_id"),
                  rs.getString("nc_no"),
                  rs.getString("source"),
                  rs.getString("source_reference"),
                  Jdbc.getLong(rs, "inspection_lot_id"),
                  rs.getLong("material_id"),
                  rs.getString("lot"),
                  rs.getLong("location_id"),
                  rs.getString("stock_status"),
                  rs.getBigDecimal("quantity"),
                  rs.getString("description"),
                  rs.getString("responsibility"),
                  rs.getString("supplier"),
                  rs.getString("department"),
                  rs.getString("status"),
                  rs.getString("proposed_by"),
                  Jdbc.instant(rs, "proposed_at"),
                  rs.getString("approved_by"),
                  Jdbc.instant(rs, "approved_at"),
                  rs.getString("mrb_comment"),
                  rs.getString("executed_by"),
                  Jdbc.instant(rs, "executed_at"),
                  rs.getString("closed_by"),
                  Jdbc.instant(rs, "closed_at"),
                  rs.getString("cancel_reason"),
                  List.of(),
                  List.of(),
                  List.of(),
                  BigDecimal.ZERO,
                  Map.of(),
                  Jdbc.instant(rs, "created_at"),
                  rs.getString("created_by"),
                  rs.getLong("version")));
        }
      }
    }
    return out;
  }

  private static List<NcDefect> defects(Connection c, long ncId) throws SQLException {
    List<NcDefect> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT defect_code, quantity, description FROM nc_defect WHERE nc_id = ? ORDER BY"
                + " line_no")) {
      ps.setLong(1, ncId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new NcDefect(rs.getString(1), rs.getBigDecimal(2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  static List<NcDisposition> dispositions(Connection c, long ncId) throws SQLException {
    List<NcDisposition> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT line_no, kind, quantity, concession_no, reason, supplier, work_order_id,"
                + " movement_document_id FROM nc_disposition WHERE nc_id = ? ORDER BY line_no")) {
      ps.setLong(1, ncId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new NcDisposition(
                  rs.getInt("line_no"),
                  rs.getString("kind"),
                  rs.getBigDecimal("quantity"),
                  rs.getString("concession_no"),
                  rs.getString("reason"),
                  rs.getString("supplier"),
                  Jdbc.getLong(rs, "work_order_id"),
                  Jdbc.getLong(rs, "movement_document_id")));
        }
      }
    }
    return out;
  }

  private static List<NcCost> costs(Connection c, long ncId) throws SQLException {
    List<NcCost> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, cost_type, amount, note, created_at, created_by FROM nc_cost WHERE nc_id"
                + " = ? ORDER BY id")) {
      ps.setLong(1, ncId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new NcCost(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getBigDecimal(3),
                  rs.getString(4),
                  Jdbc.instant(rs, "created_at"),
                  rs.getString(6)));
        }
      }
    }
    return out;
  }

  static boolean update(Connection c, String sql, List<Object> args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, args);
      return ps.executeUpdate() > 0;
    }
  }

  static long generatedId(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
