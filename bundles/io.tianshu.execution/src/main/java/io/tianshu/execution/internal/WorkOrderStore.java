package io.tianshu.execution.internal;

import static io.tianshu.execution.internal.Jdbc.bind;
import static io.tianshu.execution.internal.Jdbc.getLong;
import static io.tianshu.execution.internal.Jdbc.instant;
import static io.tianshu.execution.internal.Jdbc.setLong;
import static io.tianshu.execution.internal.Jdbc.setTime;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.OperationReport;
import io.tianshu.execution.OperationStatus;
import io.tianshu.execution.TraceLink;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderComponent;
import io.tianshu.execution.WorkOrderKind;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.execution.WorkOrderOperationPart;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.execution.engine.OperationPart;
import io.tianshu.execution.engine.OperationQuantities;
import io.tianshu.execution.engine.OperationSplit;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The execution tables through plain JDBC, on the connection of the caller's transaction. */
final class WorkOrderStore {
  private WorkOrderStore() {}

  /** A new order's row; the code may be null (then "WO-" + id is given). */
  record NewOrder(
      long plantId,
      String code,
      WorkOrderKind kind,
      long materialId,
      BigDecimal quantity,
      String unit,
      String lot,
      LocalDate startDate,
      LocalDate dueDate,
      String lineCode,
      Long issueLocationId,
      Long receiveLocationId,
      Long receiptId,
      String salesOrder,
      Long parentId,
      boolean backflush,
      String supplier,
      Instant at,
      String user) {}

  static long insertOrder(Connection c, NewOrder o) throws SQLException {
    String provisional = o.code() == null ? "~" + java.util.UUID.randomUUID() : o.code();
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO work_order (plant_id, code, kind, status, material_id, quantity, unit,"
                + " lot, start_date, due_date, line_code, issue_location_id, receive_location_id,"
                + " receipt_id, sales_order, parent_id, completed_quantity, scrap_quantity,"
                + " created_at, created_by, version, backflush, supplier) VALUES (?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, 0, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, o.plantId());
      ps.setString(2, provisional.length() > 40 ? provisional.substring(0, 40) : provisional);
      ps.setString(3, o.kind().name());
      ps.setString(4, WorkOrderStatus.PLANNED.name());
      ps.setLong(5, o.materialId());
      ps.setBigDecimal(6, o.quantity());
      ps.setString(7, o.unit());
      ps.setString(8, o.lot() == null ? "" : o.lot());
      ps.setDate(9, Date.valueOf(o.startDate()));
      ps.setDate(10, Date.valueOf(o.dueDate()));
      ps.setString(11, o.lineCode());
      setLong(ps, 12, o.issueLocationId());
      setLong(ps, 13, o.receiveLocationId());
      setLong(ps, 14, o.receiptId());
      ps.setString(15, o.salesOrder());
      setLong(ps, 16, o.parentId());
      ps.setTimestamp(17, Timestamp.from(o.at()));
      ps.setString(18, o.user());
      ps.setBoolean(19, o.backflush());
      ps.setString(20, o.supplier());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    if (o.code() == null || o.lot() == null) {
      String code = o.code() == null ? "WO-" + id : o.code();
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE work_order SET code = ?, lot = ? WHERE id = ?")) {
        ps.setString(1, code);
        ps.setString(2, o.lot() == null ? code : o.lot());
        ps.setLong(3, id);
        ps.executeUpdate();
      }
    }
    return id;
  }

  static boolean codeTaken(Connection c, long plantId, String code) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM work_order WHERE plant_id = ? AND code = ?")) {
      ps.setLong(1, plantId);
      ps.setString(2, code);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Orders made from these planning receipts (not cancelled), receipt id to order code. */
  static Map<Long, String> ordersOfReceipts(Connection c, Collection<Long> receiptIds)
      throws SQLException {
    Map<Long, String> found = new java.util.HashMap<>();
    for (Long r : receiptIds) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT code FROM work_order WHERE receipt_id = ? AND status <> 'CANCELLED'")) {
        ps.setLong(1, r);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            found.put(r, rs.getString(1));
          }
        }
      }
    }
    return found;
  }

  /**
   * Locks the order's row until the transaction ends (concurrent reports of one order wait here)
   * and checks the version a user last read, when given. Returns false when there is no such order.
   */
  static boolean lock(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE work_order SET version = version + 1 WHERE id = ?")) {
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    }
  }

  static Optional<WorkOrder> find(Connection c, long id, boolean details) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ORDER_SELECT + " WHERE w.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        WorkOrder w = order(rs, List.of(), List.of());
        if (!details) {
          return Optional.of(w);
        }
        return Optional.of(withDetails(c, w));
      }
    }
  }

  private static WorkOrder withDetails(Connection c, WorkOrder w) throws SQLException {
    return new WorkOrder(
        w.id(),
        w.plantId(),
        w.code(),
        w.kind(),
        w.status(),
        w.materialId(),
        w.materialCode(),
        w.quantity(),
        w.unit(),
        w.lot(),
        w.startDate(),
        w.dueDate(),
        w.lineCode(),
        w.issueLocationId(),
        w.receiveLocationId(),
        w.backflush(),
        w.supplier(),
        w.receiptId(),
        w.salesOrder(),
        w.parentId(),
        w.completedQuantity(),
        w.scrapQuantity(),
        w.forcedReason(),
        w.releasedAt(),
        w.startedAt(),
        w.completedAt(),
        w.closedAt(),
        w.createdAt(),
        w.createdBy(),
        w.version(),
        components(c, w.id()),
        operations(c, w.id()));
  }

  private static final String ORDER_SELECT =
      "SELECT w.*, m.code AS material_code FROM work_order w JOIN material m ON m.id ="
          + " w.material_id";

  static Page<WorkOrder> list(
      Connection c,
      Set<Long> plants,
      Long plantId,
      WorkOrderStatus status,
      Long materialId,
      PageRequest page)
      throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (plants != null) {
      if (plants.isEmpty()) {
        return new Page<>(List.of(), page.offset(), page.limit(), 0);
      }
      where.append(" AND w.plant_id IN (");
      int i = 0;
      for (Long p : plants) {
        where.append(i++ == 0 ? "?" : ", ?");
        args.add(p);
      }
      where.append(')');
    }
    if (plantId != null) {
      where.append(" AND w.plant_id = ?");
      args.add(plantId);
    }
    if (status != null) {
      where.append(" AND w.status = ?");
      args.add(status.name());
    }
    if (materialId != null) {
      where.append(" AND w.material_id = ?");
      args.add(materialId);
    }
    long total;
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM work_order w" + where)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    String order =
        switch (page.sortField()) {
          case "dueDate" -> "w.due_date";
          case "startDate" -> "w.start_date";
          case "code" -> "w.code";
          default -> "w.id";
        };
    List<WorkOrder> items = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            ORDER_SELECT
                + where
                + " ORDER BY "
                + order
                + (page.ascending() ? " ASC" : " DESC")
                + ", w.id ASC OFFSET "
                + page.offset()
                + " ROWS FETCH NEXT "
                + page.limit()
                + " ROWS ONLY")) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(order(rs, List.of(), List.of()));
        }
      }
    }
    return new Page<>(items, page.offset(), page.limit(), total);
  }

  private static WorkOrder order(
      ResultSet rs, List<WorkOrderComponent> comps, List<WorkOrderOperation> ops)
      throws SQLException {
    return new WorkOrder(
        rs.getLong("id"),
        rs.getLong("plant_id"),
        rs.getString("code"),
        WorkOrderKind.valueOf(rs.getString("kind")),
        WorkOrderStatus.valueOf(rs.getString("status")),
        rs.getLong("material_id"),
        rs.getString("material_code"),
        rs.getBigDecimal("quantity"),
        rs.getString("unit"),
        rs.getString("lot"),
        rs.getDate("start_date").toLocalDate(),
        rs.getDate("due_date").toLocalDate(),
        rs.getString("line_code"),
        getLong(rs, "issue_location_id"),
        getLong(rs, "receive_location_id"),
        rs.getBoolean("backflush"),
        rs.getString("supplier"),
        getLong(rs, "receipt_id"),
        rs.getString("sales_order"),
        getLong(rs, "parent_id"),
        rs.getBigDecimal("completed_quantity"),
        rs.getBigDecimal("scrap_quantity"),
        rs.getString("forced_reason"),
        instant(rs, "released_at"),
        instant(rs, "started_at"),
        instant(rs, "completed_at"),
        instant(rs, "closed_at"),
        instant(rs, "created_at"),
        rs.getString("created_by"),
        rs.getLong("version"),
        comps,
        ops);
  }

  static List<WorkOrderComponent> components(Connection c, long orderId) throws SQLException {
    List<WorkOrderComponent> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT k.*, m.code AS material_code FROM work_order_component k JOIN material m ON"
                + " m.id = k.material_id WHERE k.work_order_id = ? ORDER BY k.line_no")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int seq = rs.getInt("operation_seq");
          Integer operationSeq = rs.wasNull() ? null : seq;
          out.add(
              new WorkOrderComponent(
                  rs.getLong("id"),
                  rs.getInt("line_no"),
                  rs.getLong("material_id"),
                  rs.getString("material_code"),
                  rs.getBigDecimal("quantity_per"),
                  rs.getBigDecimal("scrap_percent"),
                  rs.getBigDecimal("required_quantity"),
                  rs.getBigDecimal("issued_quantity"),
                  operationSeq,
                  rs.getBoolean("backflush")));
        }
      }
    }
    return out;
  }

  static List<WorkOrderOperation> operations(Connection c, long orderId) throws SQLException {
    Map<Integer, List<PartRow>> partsBySeq = new java.util.HashMap<>();
    for (PartRow p : parts(c, orderId, null)) {
      partsBySeq.computeIfAbsent(p.seq(), k -> new ArrayList<>()).add(p);
    }
    List<WorkOrderOperation> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM work_order_operation WHERE work_order_id = ? ORDER BY seq")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BigDecimal in = rs.getBigDecimal("in_quantity");
          BigDecimal good = rs.getBigDecimal("good_quantity");
          BigDecimal scrap = rs.getBigDecimal("scrap_quantity");
          BigDecimal rework = rs.getBigDecimal("rework_quantity");
          out.add(
              new WorkOrderOperation(
                  rs.getLong("id"),
                  rs.getInt("seq"),
                  rs.getString("description"),
                  getLong(rs, "work_center_id"),
                  rs.getBigDecimal("setup_minutes"),
                  rs.getBigDecimal("run_minutes"),
                  OperationStatus.valueOf(rs.getString("status")),
                  in,
                  good,
                  scrap,
                  rework,
                  in.subtract(good).subtract(scrap).subtract(rework),
                  rs.getBoolean("outsourced"),
                  rs.getString("supplier"),
                  rs.getBigDecimal("at_supplier"),
                  rs.getString("station"),
                  rs.getString("operator_name"),
                  rs.getString("shift_code"),
                  instant(rs, "started_at"),
                  instant(rs, "finished_at"),
                  rs.getBigDecimal("overlap_percent"),
                  rs.getBigDecimal("lag_minutes"),
                  partViews(
                      new OperationQuantities(
                          rs.getInt("seq"),
                          OperationStatus.valueOf(rs.getString("status")),
                          in,
                          good,
                          scrap,
                          rework),
                      partsBySeq.getOrDefault(rs.getInt("seq"), List.of()))));
        }
      }
    }
    return out;
  }

  static void insertComponent(
      Connection c,
      long orderId,
      int lineNo,
      long materialId,
      BigDecimal quantityPer,
      BigDecimal scrapPercent,
      BigDecimal required,
      Integer operationSeq,
      boolean backflush)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO work_order_component (work_order_id, line_no, material_id, quantity_per,"
                + " scrap_percent, required_quantity, issued_quantity, operation_seq, backflush)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
      ps.setLong(1, orderId);
      ps.setInt(2, lineNo);
      ps.setLong(3, materialId);
      ps.setBigDecimal(4, quantityPer);
      ps.setBigDecimal(5, scrapPercent);
      ps.setBigDecimal(6, required);
      if (operationSeq == null) {
        ps.setNull(7, Types.INTEGER);
      } else {
        ps.setInt(7, operationSeq);
      }
      ps.setBoolean(8, backflush);
      ps.executeUpdate();
    }
  }

  static void updateComponent(
      Connection c,
      long componentId,
      BigDecimal quantityPer,
      BigDecimal scrapPercent,
      BigDecimal required,
      Integer operationSeq,
      boolean backflush)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE work_order_component SET quantity_per = ?, scrap_percent = ?,"
                + " required_quantity = ?, operation_seq = ?, backflush = ? WHERE id = ?")) {
      ps.setBigDecimal(1, quantityPer);
      ps.setBigDecimal(2, scrapPercent);
      ps.setBigDecimal(3, required);
      if (operationSeq == null) {
        ps.setNull(4, Types.INTEGER);
      } else {
        ps.setInt(4, operationSeq);
      }
      ps.setBoolean(5, backflush);
      ps.setLong(6, componentId);
      ps.executeUpdate();
    }
  }

  static void insertOperation(
      Connection c,
      long orderId,
      int seq,
      String description,
      Long workCenterId,
      BigDecimal setup,
      BigDecimal run,
      boolean outsourced,
      OperationQuantities q,
      BigDecimal overlapPercent,
      BigDecimal lagMinutes)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO work_order_operation (work_order_id, seq, description, work_center_id,"
                + " setup_minutes, run_minutes, status, in_quantity, good_quantity,"
                + " scrap_quantity, rework_quantity, outsourced, overlap_percent, lag_minutes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, orderId);
      ps.setInt(2, seq);
      ps.setString(3, description);
      setLong(ps, 4, workCenterId);
      ps.setBigDecimal(5, setup);
      ps.setBigDecimal(6, run);
      ps.setString(7, q.status().name());
      ps.setBigDecimal(8, q.in());
      ps.setBigDecimal(9, q.good());
      ps.setBigDecimal(10, q.scrap());
      ps.setBigDecimal(11, q.rework());
      ps.setBoolean(12, outsourced);
      ps.setBigDecimal(13, overlapPercent);
      ps.setBigDecimal(14, lagMinutes);
      ps.executeUpdate();
    }
  }

  /** Writes the operations whose quantities or status changed. */
  static void updateOperations(
      Connection c,
      long orderId,
      List<OperationQuantities> before,
      List<OperationQuantities> after,
      Instant at)
      throws SQLException {
    for (int i = 0; i < after.size(); i++) {
      OperationQuantities b = before.get(i);
      OperationQuantities a = after.get(i);
      if (a.equals(b)) {
        continue;
      }
      boolean starts =
          b.status() != OperationStatus.STARTED && a.status() == OperationStatus.STARTED;
      boolean finishes = a.status() == OperationStatus.DONE && b.status() != OperationStatus.DONE;
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE work_order_operation SET status = ?, in_quantity = ?, good_quantity = ?,"
                  + " scrap_quantity = ?, rework_quantity = ?"
                  + (starts ? ", started_at = COALESCE(started_at, ?)" : "")
                  + (finishes ? ", finished_at = ?" : "")
                  + " WHERE work_order_id = ? AND seq = ?")) {
        int k = 1;
        ps.setString(k++, a.status().name());
        ps.setBigDecimal(k++, a.in());
        ps.setBigDecimal(k++, a.good());
        ps.setBigDecimal(k++, a.scrap());
        ps.setBigDecimal(k++, a.rework());
        if (starts) {
          ps.setTimestamp(k++, Timestamp.from(at));
        }
        if (finishes) {
          ps.setTimestamp(k++, Timestamp.from(at));
        }
        ps.setLong(k++, orderId);
        ps.setInt(k, a.seq());
        ps.executeUpdate();
      }
      List<OperationPart> parts = engineParts(parts(c, orderId, a.seq()));
      if (!parts.isEmpty()) {
        // the change came out of the unsplit rest: it must still hold it
        String broken = OperationSplit.violation(a, parts);
        if (broken != null) {
          throw new ValidationException(
              "operationSeq",
              "split",
              "operation "
                  + a.seq()
                  + " is split into parts; merge them first ("
                  + broken
                  + ") / 工序 "
                  + a.seq()
                  + " 已分割，请先合并");
        }
      }
    }
  }

  // ---- parts of split operations

  /** A part row. */
  record PartRow(
      int seq,
      int partNo,
      BigDecimal in,
      BigDecimal good,
      BigDecimal scrap,
      BigDecimal rework,
      String station,
      String operator,
      String shift) {}

  /** The parts of the order's operations ({@code seq} null) or of one operation, by part no. */
  static List<PartRow> parts(Connection c, long orderId, Integer seq) throws SQLException {
    List<PartRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM work_order_operation_part WHERE work_order_id = ?"
                + (seq == null ? "" : " AND seq = ?")
                + " ORDER BY seq, part_no")) {
      ps.setLong(1, orderId);
      if (seq != null) {
        ps.setInt(2, seq);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new PartRow(
                  rs.getInt("seq"),
                  rs.getInt("part_no"),
                  rs.getBigDecimal("in_quantity"),
                  rs.getBigDecimal("good_quantity"),
                  rs.getBigDecimal("scrap_quantity"),
                  rs.getBigDecimal("rework_quantity"),
                  rs.getString("station"),
                  rs.getString("operator_name"),
                  rs.getString("shift_code")));
        }
      }
    }
    return out;
  }

  static List<OperationPart> engineParts(List<PartRow> rows) {
    List<OperationPart> out = new ArrayList<>();
    for (PartRow r : rows) {
      out.add(new OperationPart(r.partNo(), r.in(), r.good(), r.scrap(), r.rework()));
    }
    return out;
  }

  private static List<WorkOrderOperationPart> partViews(
      OperationQuantities op, List<PartRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<WorkOrderOperationPart> out = new ArrayList<>();
    List<OperationPart> parts = engineParts(rows);
    OperationPart rest;
    try {
      rest = OperationSplit.rest(op, parts);
    } catch (IllegalArgumentException e) {
      rest = null; // never stored that way (every write is checked); shown without the rest
    }
    if (rest != null) {
      out.add(
          new WorkOrderOperationPart(
              0,
              rest.in(),
              rest.good(),
              rest.scrap(),
              rest.rework(),
              rest.inProgress(),
              null,
              null,
              null));
    }
    for (PartRow r : rows) {
      out.add(
          new WorkOrderOperationPart(
              r.partNo(),
              r.in(),
              r.good(),
              r.scrap(),
              r.rework(),
              r.in().subtract(r.good()).subtract(r.scrap()).subtract(r.rework()),
              r.station(),
              r.operator(),
              r.shift()));
    }
    return out;
  }

  /**
   * Replaces the parts of an operation with {@code after} (quantities from the engine; station,
   * operator and shift from {@code dispatch} by part no, else kept from the rows before).
   */
  static void writeParts(
      Connection c,
      long orderId,
      int seq,
      List<PartRow> before,
      List<OperationPart> after,
      Map<Integer, String[]> dispatch)
      throws SQLException {
    Map<Integer, PartRow> old = new java.util.HashMap<>();
    for (PartRow r : before) {
      old.put(r.partNo(), r);
    }
    Set<Integer> kept = new java.util.HashSet<>();
    for (OperationPart p : after) {
      kept.add(p.partNo());
      PartRow o = old.get(p.partNo());
      if (o == null) {
        String[] d = dispatch.getOrDefault(p.partNo(), new String[3]);
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO work_order_operation_part (work_order_id, seq, part_no, in_quantity,"
                    + " good_quantity, scrap_quantity, rework_quantity, station, operator_name,"
                    + " shift_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, orderId);
          ps.setInt(2, seq);
          ps.setInt(3, p.partNo());
          ps.setBigDecimal(4, p.in());
          ps.setBigDecimal(5, p.good());
          ps.setBigDecimal(6, p.scrap());
          ps.setBigDecimal(7, p.rework());
          ps.setString(8, d[0]);
          ps.setString(9, d[1]);
          ps.setString(10, d[2]);
          ps.executeUpdate();
        }
      } else if (o.in().compareTo(p.in()) != 0
          || o.good().compareTo(p.good()) != 0
          || o.scrap().compareTo(p.scrap()) != 0
          || o.rework().compareTo(p.rework()) != 0) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE work_order_operation_part SET in_quantity = ?, good_quantity = ?,"
                    + " scrap_quantity = ?, rework_quantity = ? WHERE work_order_id = ? AND seq ="
                    + " ? AND part_no = ?")) {
          ps.setBigDecimal(1, p.in());
          ps.setBigDecimal(2, p.good());
          ps.setBigDecimal(3, p.scrap());
          ps.setBigDecimal(4, p.rework());
          ps.setLong(5, orderId);
          ps.setInt(6, seq);
          ps.setInt(7, p.partNo());
          ps.executeUpdate();
        }
      }
    }
    for (PartRow r : before) {
      if (!kept.contains(r.partNo())) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM work_order_operation_part WHERE work_order_id = ? AND seq = ? AND"
                    + " part_no = ?")) {
          ps.setLong(1, orderId);
          ps.setInt(2, seq);
          ps.setInt(3, r.partNo());
          ps.executeUpdate();
        }
      }
    }
  }

  static List<OperationQuantities> quantities(List<WorkOrderOperation> ops) {
    List<OperationQuantities> q = new ArrayList<>();
    for (WorkOrderOperation o : ops) {
      q.add(new OperationQuantities(o.seq(), o.status(), o.in(), o.good(), o.scrap(), o.rework()));
    }
    return q;
  }

  static void setAtSupplier(
      Connection c, long orderId, int seq, BigDecimal atSupplier, String supplier)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE work_order_operation SET at_supplier = ?, supplier = COALESCE(?, supplier)"
                + " WHERE work_order_id = ? AND seq = ?")) {
      ps.setBigDecimal(1, atSupplier);
      ps.setString(2, supplier);
      ps.setLong(3, orderId);
      ps.setInt(4, seq);
      ps.executeUpdate();
    }
  }

  static void addIssued(Connection c, long componentId, BigDecimal quantity) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE work_order_component SET issued_quantity = issued_quantity + ? WHERE id = ?")) {
      ps.setBigDecimal(1, quantity);
      ps.setLong(2, componentId);
      ps.executeUpdate();
    }
  }

  static void update(Connection c, long id, String setClause, Object... args) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE work_order SET " + setClause + " WHERE id = ?")) {
      List<Object> all = new ArrayList<>(List.of(args));
      all.add(id);
      bind(ps, all);
      ps.executeUpdate();
    }
  }

  static void dispatch(
      Connection c, long orderId, int seq, String station, String operator, String shift)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE work_order_operation SET station = COALESCE(?, station), operator_name ="
                + " COALESCE(?, operator_name), shift_code = COALESCE(?, shift_code) WHERE"
                + " work_order_id = ? AND seq = ?")) {
      ps.setString(1, station);
      ps.setString(2, operator);
      ps.setString(3, shift);
      ps.setLong(4, orderId);
      ps.setInt(5, seq);
      ps.executeUpdate();
    }
  }

  // ---- reports

  static Optional<OperationReport> reportByKey(Connection c, long plantId, String key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM operation_report WHERE plant_id = ? AND report_key = ?")) {
      ps.setLong(1, plantId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(report(rs, true)) : Optional.empty();
      }
    }
  }

  /** Whether the order has had any operation report. */
  static boolean hasReports(Connection c, long workOrderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM operation_report WHERE work_order_id = ? FETCH FIRST 1 ROWS ONLY")) {
      ps.setLong(1, workOrderId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static long insertReport(Connection c, OperationReport r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO operation_report (plant_id, report_key, work_order_id, operation_seq,"
                + " good_quantity, scrap_quantity, rework_quantity, from_rework,"
                + " completed_quantity, reason_code, station, operator_name, shift_code,"
                + " work_started_at, work_ended_at, reported_at, username, part_no) VALUES (?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, r.plantId());
      ps.setString(2, r.reportKey());
      ps.setLong(3, r.workOrderId());
      ps.setInt(4, r.operationSeq());
      ps.setBigDecimal(5, r.good());
      ps.setBigDecimal(6, r.scrap());
      ps.setBigDecimal(7, r.rework());
      ps.setBoolean(8, r.fromRework());
      ps.setBigDecimal(9, r.completedQuantity());
      ps.setString(10, r.reasonCode());
      ps.setString(11, r.station());
      ps.setString(12, r.operator());
      ps.setString(13, r.shift());
      setTime(ps, 14, r.workStartedAt());
      setTime(ps, 15, r.workEndedAt());
      ps.setTimestamp(16, Timestamp.from(r.reportedAt()));
      ps.setString(17, r.username());
      if (r.part() == null) {
        ps.setNull(18, Types.INTEGER);
      } else {
        ps.setInt(18, r.part());
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static Page<OperationReport> reports(Connection c, long orderId, PageRequest page)
      throws SQLException {
    long total;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM operation_report WHERE work_order_id = ?")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    List<OperationReport> items = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM operation_report WHERE work_order_id = ? ORDER BY id"
                + (page.ascending() ? " ASC" : " DESC")
                + " OFFSET "
                + page.offset()
                + " ROWS FETCH NEXT "
                + page.limit()
                + " ROWS ONLY")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(report(rs, false));
        }
      }
    }
    return new Page<>(items, page.offset(), page.limit(), total);
  }

  private static OperationReport report(ResultSet rs, boolean duplicate) throws SQLException {
    return new OperationReport(
        rs.getLong("id"),
        rs.getLong("plant_id"),
        rs.getString("report_key"),
        rs.getLong("work_order_id"),
        rs.getInt("operation_seq"),
        rs.getBigDecimal("good_quantity"),
        rs.getBigDecimal("scrap_quantity"),
        rs.getBigDecimal("rework_quantity"),
        rs.getBoolean("from_rework"),
        rs.getBigDecimal("completed_quantity"),
        rs.getString("reason_code"),
        rs.getString("station"),
        rs.getString("operator_name"),
        rs.getString("shift_code"),
        instant(rs, "work_started_at"),
        instant(rs, "work_ended_at"),
        instant(rs, "reported_at"),
        rs.getString("username"),
        duplicate,
        getInt(rs, "part_no"));
  }

  private static Integer getInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  // ---- outsourcing

  static void insertOutsourcing(
      Connection c,
      long plantId,
      String key,
      long orderId,
      int seq,
      int throughSeq,
      String supplier,
      String kind,
      BigDecimal quantity,
      BigDecimal scrap,
      BigDecimal fee,
      String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO outsourcing_movement (plant_id, movement_key, work_order_id,"
                + " operation_seq, through_seq, supplier, kind, quantity, scrap_quantity, fee,"
                + " created_at, username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, plantId);
      ps.setString(2, key);
      ps.setLong(3, orderId);
      ps.setInt(4, seq);
      ps.setInt(5, throughSeq);
      ps.setString(6, supplier);
      ps.setString(7, kind);
      ps.setBigDecimal(8, quantity);
      ps.setBigDecimal(9, scrap);
      ps.setBigDecimal(10, fee);
      ps.setTimestamp(11, Timestamp.from(Instant.now()));
      ps.setString(12, user);
      ps.executeUpdate();
    }
  }

  /** Order id, kind and operation of an earlier movement with the key, or null. */
  static String[] outsourcingByKey(Connection c, long plantId, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT work_order_id, kind, operation_seq FROM outsourcing_movement WHERE plant_id"
                + " = ? AND movement_key = ?")) {
      ps.setLong(1, plantId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new String[] {
              String.valueOf(rs.getLong(1)), rs.getString(2), String.valueOf(rs.getInt(3))
            }
            : null;
      }
    }
  }

  static List<io.tianshu.execution.OutsourcedWork> outsourcedWork(Connection c, long plantId)
      throws SQLException {
    List<io.tianshu.execution.OutsourcedWork> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT o.work_order_id, w.code, o.operation_seq, o.supplier,"
                + " SUM(CASE WHEN o.kind = 'SEND' THEN o.quantity ELSE 0 END),"
                + " SUM(CASE WHEN o.kind = 'RECEIVE' THEN o.quantity + o.scrap_quantity ELSE 0"
                + " END), SUM(o.fee) FROM outsourcing_movement o JOIN work_order w ON w.id ="
                + " o.work_order_id WHERE o.plant_id = ? GROUP BY o.work_order_id, w.code,"
                + " o.operation_seq, o.supplier ORDER BY o.supplier, w.code, o.operation_seq")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BigDecimal sent = rs.getBigDecimal(5);
          BigDecimal received = rs.getBigDecimal(6);
          out.add(
              new io.tianshu.execution.OutsourcedWork(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getString(4),
                  sent.subtract(received),
                  sent,
                  received,
                  rs.getBigDecimal(7)));
        }
      }
    }
    return out;
  }

  // ---- running operations

  static List<io.tianshu.execution.RunningOperation> runningOperations(
      Connection c, long plantId, RunningQuery q) throws SQLException {
    List<io.tianshu.execution.RunningOperation> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(q.sql())) {
      bind(ps, q.args(plantId));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new io.tianshu.execution.RunningOperation(
                  rs.getLong("work_order_id"),
                  rs.getString("work_order_code"),
                  rs.getInt("seq"),
                  RunningQuery.part(rs.getInt("part_no")),
                  rs.getString("station"),
                  getLong(rs, "work_center_id"),
                  rs.getLong("material_id"),
                  instant(rs, "started_at")));
        }
      }
    }
    return out;
  }

  /** The id of the plant's order with the code, or null. */
  static Long idByCode(Connection c, long plantId, String code) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM work_order WHERE plant_id = ? AND code = ?")) {
      ps.setLong(1, plantId);
      ps.setString(2, code);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  // ---- line plans

  static List<io.tianshu.execution.LinePlanEntry> linePlan(
      Connection c, long plantId, LocalDate from, LocalDate to, String line) throws SQLException {
    List<io.tianshu.execution.LinePlanEntry> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT w.id, w.code, w.status, w.material_id, m.code, w.quantity,"
                + " w.completed_quantity, w.scrap_quantity, w.start_date, w.due_date,"
                + " w.line_code, (SELECT o.shift_code FROM work_order_operation o WHERE"
                + " o.work_order_id = w.id AND o.seq = (SELECT MIN(o2.seq) FROM"
                + " work_order_operation o2 WHERE o2.work_order_id = w.id)) FROM work_order w"
                + " JOIN material m ON m.id = w.material_id WHERE w.plant_id = ? AND w.status IN"
                + " ('PLANNED', 'RELEASED', 'STARTED') AND w.start_date >= ? AND w.start_date <= ?"
                + (line == null ? "" : " AND w.line_code = ?")
                + " ORDER BY w.line_code, w.start_date, w.id")) {
      ps.setLong(1, plantId);
      ps.setDate(2, Date.valueOf(from));
      ps.setDate(3, Date.valueOf(to));
      if (line != null) {
        ps.setString(4, line);
      }
      try (ResultSet rs = ps.executeQuery()) {
        java.time.temporal.WeekFields iso = java.time.temporal.WeekFields.ISO;
        while (rs.next()) {
          LocalDate day = rs.getDate(9).toLocalDate();
          BigDecimal q = rs.getBigDecimal(6);
          out.add(
              new io.tianshu.execution.LinePlanEntry(
                  rs.getString(11),
                  day,
                  String.format(
                      "%d-W%02d", day.get(iso.weekBasedYear()), day.get(iso.weekOfWeekBasedYear())),
                  rs.getString(12),
                  rs.getLong(1),
                  rs.getString(2),
                  WorkOrderStatus.valueOf(rs.getString(3)),
                  rs.getLong(4),
                  rs.getString(5),
                  q,
                  q.subtract(rs.getBigDecimal(7))
                      .subtract(rs.getBigDecimal(8))
                      .max(BigDecimal.ZERO),
                  rs.getDate(10).toLocalDate()));
        }
      }
    }
    return out;
  }

  // ---- order to delivery

  /** Orders whose sales order reference is the order, "SO order/line" or "order/line". */
  static List<WorkOrder> ordersOfSalesOrder(Connection c, long plantId, String orderNo)
      throws SQLException {
    List<WorkOrder> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            ORDER_SELECT
                + " WHERE w.plant_id = ? AND (w.sales_order = ? OR w.sales_order LIKE ? ESCAPE"
                + " '!' OR w.sales_order LIKE ? ESCAPE '!') ORDER BY w.id")) {
      String esc = orderNo.replace("!", "!!").replace("%", "!%").replace("_", "!_");
      ps.setLong(1, plantId);
      ps.setString(2, orderNo);
      ps.setString(3, "SO " + esc + "/%");
      ps.setString(4, esc + "/%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(order(rs, List.of(), List.of()));
        }
      }
    }
    return out;
  }

  /** What left stock as ISSUE with one of the references, for the material (a positive sum). */
  static BigDecimal shipped(Connection c, long plantId, long materialId, List<String> references)
      throws SQLException {
    BigDecimal sum = BigDecimal.ZERO;
    for (String ref : references) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT SUM(m.quantity) FROM stock_movement m JOIN stock_document d ON d.id ="
                  + " m.document_id WHERE d.plant_id = ? AND d.reference = ? AND m.material_id ="
                  + " ? AND m.movement_type = 'ISSUE'")) {
        ps.setLong(1, plantId);
        ps.setString(2, ref);
        ps.setLong(3, materialId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getBigDecimal(1) != null) {
            sum = sum.add(rs.getBigDecimal(1).negate());
          }
        }
      }
    }
    return sum;
  }

  // ---- genealogy

  static void insertGenealogy(
      Connection c,
      long plantId,
      long parentMaterial,
      String parentLot,
      long childMaterial,
      String childLot,
      BigDecimal quantity,
      long orderId,
      Long reportId,
      Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO lot_genealogy (plant_id, parent_material_id, parent_lot,"
                + " child_material_id, child_lot, quantity, work_order_id, report_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, plantId);
      ps.setLong(2, parentMaterial);
      ps.setString(3, parentLot);
      ps.setLong(4, childMaterial);
      ps.setString(5, childLot);
      ps.setBigDecimal(6, quantity);
      ps.setLong(7, orderId);
      setLong(ps, 8, reportId);
      ps.setTimestamp(9, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  /**
   * The genealogy edges touching a lot on one side: as parent (what went into it) when {@code
   * backward}, else as child (what it went into); summed per lot pair and order, readable plants
   * only.
   */
  /**
   * The genealogy edges touching the lots on one side: as parent (what went into them) when {@code
   * backward}, else as child (what they went into); summed per lot pair and order, readable plants
   * only. The lots are asked for in chunks, one query per chunk.
   */
  static List<TraceLink> edges(
      Connection c,
      List<io.tianshu.execution.LotTrace.LotRef> lots,
      boolean backward,
      Set<Long> plants,
      int level)
      throws SQLException {
    if (plants != null && plants.isEmpty()) {
      return List.of();
    }
    String m = backward ? "g.parent_material_id" : "g.child_material_id";
    String l = backward ? "g.parent_lot" : "g.child_lot";
    List<TraceLink> out = new ArrayList<>();
    for (int from = 0; from < lots.size(); from += TRACE_CHUNK) {
      List<io.tianshu.execution.LotTrace.LotRef> chunk =
          lots.subList(from, Math.min(lots.size(), from + TRACE_CHUNK));
      StringBuilder sql =
          new StringBuilder(
              "SELECT g.parent_material_id, pm.code AS parent_code, g.parent_lot,"
                  + " g.child_material_id, cm.code AS child_code, g.child_lot, SUM(g.quantity) AS"
                  + " qty, g.work_order_id, w.code AS wo_code FROM lot_genealogy g JOIN material"
                  + " pm ON pm.id = g.parent_material_id JOIN material cm ON cm.id ="
                  + " g.child_material_id LEFT JOIN work_order w ON w.id = g.work_order_id WHERE"
                  + " (");
      List<Object> args = new ArrayList<>();
      for (int k = 0; k < chunk.size(); k++) {
        sql.append(k == 0 ? "" : " OR ").append('(').append(m).append(" = ? AND ").append(l);
        sql.append(" = ?)");
        args.add(chunk.get(k).materialId());
        args.add(chunk.get(k).lot());
      }
      sql.append(')');
      if (plants != null) {
        sql.append(" AND g.plant_id IN (");
        int i = 0;
        for (Long p : plants) {
          sql.append(i++ == 0 ? "?" : ", ?");
          args.add(p);
        }
        sql.append(')');
      }
      sql.append(
          " GROUP BY g.parent_material_id, pm.code, g.parent_lot, g.child_material_id, cm.code,"
              + " g.child_lot, g.work_order_id, w.code ORDER BY pm.code, g.parent_lot, cm.code,"
              + " g.child_lot");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(
                new TraceLink(
                    level,
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getBigDecimal(7),
                    getLong(rs, "work_order_id"),
                    rs.getString(9)));
          }
        }
      }
    }
    return out;
  }

  /** ISSUE movements of the lots (distinct pairs), with the customer of a sales order reference. */
  static List<io.tianshu.execution.LotTrace.Shipment> shipments(
      Connection c, List<io.tianshu.execution.LotTrace.LotRef> lots, Set<Long> plants)
      throws SQLException {
    List<io.tianshu.execution.LotTrace.Shipment> out = new ArrayList<>();
    java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
    List<io.tianshu.execution.LotTrace.LotRef> distinct = new ArrayList<>();
    for (io.tianshu.execution.LotTrace.LotRef r : lots) {
      if (seen.add(r.materialId() + "\u0000" + r.lot())) {
        distinct.add(r);
      }
    }
    if (plants != null && plants.isEmpty()) {
      return out;
    }
    for (int from = 0; from < distinct.size(); from += TRACE_CHUNK) {
      List<io.tianshu.execution.LotTrace.LotRef> chunk =
          distinct.subList(from, Math.min(distinct.size(), from + TRACE_CHUNK));
      StringBuilder sql =
          new StringBuilder(
              "SELECT m.material_id, m.lot, d.reference, (SELECT MIN(s.customer) FROM"
                  + " sales_order_line s WHERE s.plant_id = d.plant_id AND s.order_no ="
                  + " d.reference), m.quantity, d.at_time, m.plant_id FROM stock_movement m JOIN"
                  + " stock_document d ON d.id = m.document_id WHERE m.movement_type = 'ISSUE'"
                  + " AND (");
      List<Object> args = new ArrayList<>();
      for (int k = 0; k < chunk.size(); k++) {
        sql.append(k == 0 ? "" : " OR ").append("(m.material_id = ? AND m.lot = ?)");
        args.add(chunk.get(k).materialId());
        args.add(chunk.get(k).lot());
      }
      sql.append(')');
      if (plants != null) {
        sql.append(" AND m.plant_id IN (");
        int i = 0;
        for (Long p : plants) {
          sql.append(i++ == 0 ? "?" : ", ?");
          args.add(p);
        }
        sql.append(')');
      }
      sql.append(" ORDER BY d.at_time, m.id");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String ref = rs.getString(3);
            // issues to the floor (backflush "code/seq", pick lists "code/ISSUE") are
            // consumption by a work order, not shipments
            if (ref != null
                && ref.contains("/")
                && codeTaken(c, rs.getLong(7), ref.substring(0, ref.lastIndexOf('/')))) {
              continue;
            }
            out.add(
                new io.tianshu.execution.LotTrace.Shipment(
                    rs.getLong(1),
                    rs.getString(2),
                    ref,
                    rs.getString(4),
                    rs.getBigDecimal(5).negate(),
                    rs.getTimestamp(6).toInstant()));
          }
        }
      }
    }
    return out;
  }

  /** Lots per genealogy query: small enough for any database's parameter limit. */
  private static final int TRACE_CHUNK = 200;

  static String materialCode(Connection c, long materialId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT code FROM material WHERE id = ?")) {
      ps.setLong(1, materialId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  // ---- helpers

}
