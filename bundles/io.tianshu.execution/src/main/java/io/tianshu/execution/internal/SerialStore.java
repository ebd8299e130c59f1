package io.tianshu.execution.internal;

import static io.tianshu.execution.internal.Jdbc.bind;
import static io.tianshu.execution.internal.Jdbc.getLong;
import static io.tianshu.execution.internal.Jdbc.setLong;

import io.tianshu.core.ValidationException;
import io.tianshu.execution.LotTrace;
import io.tianshu.execution.SerialTrace;
import io.tianshu.execution.SerialUnitInput;
import io.tianshu.execution.TraceDirection;
import io.tianshu.execution.TraceLink;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.engine.SerialGenealogy;
import io.tianshu.execution.engine.SerialGenealogy.Node;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Serial genealogy in the database: the units of serialized product receipts ({@code serial_unit})
 * with what went into each ({@code serial_genealogy}), and the trace over them and the lot
 * genealogy together. Runs inside the caller's transaction.
 */
final class SerialStore {
  /** Nodes per genealogy query: small enough for any database's parameter limit. */
  private static final int CHUNK = 200;

  private SerialStore() {}

  /**
   * Records the serials a report's product receipt carried (nothing without serials): checks them
   * against the {@code received} good quantity, refuses a serial already received for the material
   * in the plant and a serialized component already in another unit, and writes unit and edges.
   */
  static void receive(
      Connection c,
      WorkOrder w,
      List<SerialUnitInput> units,
      BigDecimal received,
      Long reportId,
      Instant now)
      throws SQLException {
    if (units == null || units.isEmpty()) {
      return;
    }
    try {
      SerialGenealogy.checkReceipt(units, received);
    } catch (IllegalArgumentException e) {
      throw invalid(e);
    }
    Timestamp at = Timestamp.from(now);
    for (int i = 0; i < units.size(); i++) {
      SerialUnitInput u = units.get(i);
      String f = "serials[" + i + "]";
      if (unitExists(c, w.plantId(), w.materialId(), u.serial())) {
        throw new ValidationException(
            f + ".serial",
            "duplicate",
            u.serial() + " was already received for this material / 该物料序列号已入库");
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO serial_unit (plant_id, material_id, serial, lot, work_order_id,"
                  + " report_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, w.plantId());
        ps.setLong(2, w.materialId());
        ps.setString(3, u.serial());
        ps.setString(4, w.lot());
        ps.setLong(5, w.id());
        setLong(ps, 6, reportId);
        ps.setTimestamp(7, at);
        ps.executeUpdate();
      }
      List<SerialUnitInput.Component> comps = u.components() == null ? List.of() : u.components();
      for (int j = 0; j < comps.size(); j++) {
        SerialUnitInput.Component k = comps.get(j);
        String g = f + ".components[" + j + "]";
        if (WorkOrderStore.materialCode(c, k.materialId()) == null) {
          throw new ValidationException(g + ".materialId", "not_found", "no such material / 无此物料");
        }
        if (k.serial() != null) {
          if (k.materialId() == w.materialId() && k.serial().equals(u.serial())) {
            throw new ValidationException(
                g + ".serial", "self", "a unit cannot go into itself / 单元不能装入自身");
          }
          String in = parentOf(c, w.plantId(), k.materialId(), k.serial());
          if (in != null) {
            throw new ValidationException(
                g + ".serial",
                "consumed",
                k.serial() + " already went into " + in + " / 该序列号件已装入 " + in);
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO serial_genealogy (plant_id, parent_material_id, parent_serial,"
                    + " child_material_id, child_serial, child_lot, quantity, work_order_id,"
                    + " report_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, w.plantId());
          ps.setLong(2, w.materialId());
          ps.setString(3, u.serial());
          ps.setLong(4, k.materialId());
          ps.setString(5, k.serial());
          ps.setString(6, k.lot());
          ps.setBigDecimal(7, k.serial() != null ? BigDecimal.ONE : k.quantity());
          ps.setLong(8, w.id());
          setLong(ps, 9, reportId);
          ps.setTimestamp(10, at);
          ps.executeUpdate();
        }
      }
    }
  }

  /** "field: message" of an engine rule as a 400 naming the field. */
  private static ValidationException invalid(IllegalArgumentException e) {
    String m = e.getMessage();
    int colon = m.indexOf(": ");
    return colon > 0
        ? new ValidationException(m.substring(0, colon), "invalid", m.substring(colon + 2))
        : new ValidationException("serials", "invalid", m);
  }

  private static boolean unitExists(Connection c, long plant, long material, String serial)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM serial_unit WHERE plant_id = ? AND material_id = ? AND serial = ?")) {
      ps.setLong(1, plant);
      ps.setLong(2, material);
      ps.setString(3, serial);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** "material-code serial" of the unit a serialized component went into, or null. */
  private static String parentOf(Connection c, long plant, long material, String serial)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m.code, g.parent_serial FROM serial_genealogy g JOIN material m ON m.id ="
                + " g.parent_material_id WHERE g.plant_id = ? AND g.child_material_id = ? AND"
                + " g.child_serial = ?")) {
      ps.setLong(1, plant);
      ps.setLong(2, material);
      ps.setString(3, serial);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) + " " + rs.getString(2) : null;
      }
    }
  }

  /** The trace of a serial unit (levels already checked), readable plants only (null: all). */
  static SerialTrace trace(
      Connection c,
      long materialId,
      String serial,
      TraceDirection direction,
      int levels,
      Set<Long> plants)
      throws SQLException {
    boolean backward = direction == TraceDirection.BACKWARD;
    String startLot = unitLot(c, materialId, serial, plants);
    Node start = new Node(materialId, serial, startLot);
    SerialGenealogy.Result<SerialTrace.Link> r;
    try {
      r =
          SerialGenealogy.trace(
              start,
              backward,
              levels,
              frontier -> {
                try {
                  return edges(c, frontier, backward, plants);
                } catch (SQLException e) {
                  throw new Sql(e);
                }
              },
              l -> node(l.parent()),
              l -> node(l.child()));
    } catch (Sql e) {
      throw e.getCause();
    }
    List<SerialTrace.Link> links = new ArrayList<>();
    for (SerialGenealogy.Leveled<SerialTrace.Link> l : r.links()) {
      SerialTrace.Link e = l.edge();
      links.add(
          new SerialTrace.Link(
              l.level(), e.parent(), e.child(), e.quantity(), e.workOrderId(), e.workOrderCode()));
    }
    java.util.Map<String, SerialTrace.Unit> known = new java.util.HashMap<>();
    for (SerialTrace.Link l : links) {
      known.putIfAbsent(node(l.parent()).key(), l.parent());
      known.putIfAbsent(node(l.child()).key(), l.child());
    }
    List<SerialTrace.Unit> ends = new ArrayList<>();
    for (Node n : r.ends()) {
      SerialTrace.Unit u = known.get(n.key());
      ends.add(
          u != null
              ? u
              : new SerialTrace.Unit(
                  n.materialId(),
                  WorkOrderStore.materialCode(c, n.materialId()),
                  n.serial(),
                  n.lot()));
    }
    List<LotTrace.Shipment> shipments = List.of();
    if (!backward) {
      List<LotTrace.LotRef> reached = new ArrayList<>();
      if (startLot != null) {
        reached.add(new LotTrace.LotRef(materialId, null, startLot));
      }
      for (SerialTrace.Link l : links) {
        if (l.parent().lot() != null) {
          reached.add(new LotTrace.LotRef(l.parent().materialId(), null, l.parent().lot()));
        }
      }
      shipments = WorkOrderStore.shipments(c, reached, plants);
    }
    return new SerialTrace(
        materialId, serial, direction, levels, links, ends, r.truncated(), shipments);
  }

  /** Carries an SQLException through the engine's edge function. */
  private static final class Sql extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Sql(SQLException e) {
      super(e);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  private static Node node(SerialTrace.Unit u) {
    return new Node(u.materialId(), u.serial(), u.lot());
  }

  private static String unitLot(Connection c, long material, String serial, Set<Long> plants)
      throws SQLException {
    if (plants != null && plants.isEmpty()) {
      return null;
    }
    StringBuilder sql =
        new StringBuilder("SELECT lot FROM serial_unit WHERE material_id = ? AND serial = ?");
    List<Object> args = new ArrayList<>(List.of(material, serial));
    plantFilter(sql, args, "plant_id", plants);
    sql.append(" ORDER BY id");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static void plantFilter(
      StringBuilder sql, List<Object> args, String column, Set<Long> plants) {
    if (plants != null) {
      sql.append(" AND ").append(column).append(" IN (");
      int i = 0;
      for (Long p : plants) {
        sql.append(i++ == 0 ? "?" : ", ?");
        args.add(p);
      }
      sql.append(')');
    }
  }

  /**
   * The edges touching the frontier on the near side: backward, a unit's recorded components and a
   * lot's lot genealogy; forward, the units a unit went into, and the lots and units a lot went
   * into. Level 0: the engine numbers the levels.
   */
  static List<SerialTrace.Link> edges(
      Connection c, List<Node> frontier, boolean backward, Set<Long> plants) throws SQLException {
    List<SerialTrace.Link> out = new ArrayList<>();
    if (plants != null && plants.isEmpty()) {
      return out;
    }
    List<LotTrace.LotRef> lots = new ArrayList<>();
    List<Node> units = new ArrayList<>();
    for (Node n : frontier) {
      if (n.serial() == null) {
        lots.add(new LotTrace.LotRef(n.materialId(), null, n.lot()));
      } else {
        units.add(n);
      }
    }
    if (!lots.isEmpty()) {
      for (TraceLink t : WorkOrderStore.edges(c, lots, backward, plants, 0)) {
        out.add(
            new SerialTrace.Link(
                0,
                new SerialTrace.Unit(
                    t.parentMaterialId(), t.parentMaterialCode(), null, t.parentLot()),
                new SerialTrace.Unit(
                    t.childMaterialId(), t.childMaterialCode(), null, t.childLot()),
                t.quantity(),
                t.workOrderId(),
                t.workOrderCode()));
      }
    }
    // serial genealogy: units on the near side, and forward also lots that went into units
    List<Node> near = new ArrayList<>(units);
    if (!backward) {
      for (LotTrace.LotRef l : lots) {
        near.add(new Node(l.materialId(), null, l.lot()));
      }
    }
    for (int from = 0; from < near.size(); from += CHUNK) {
      List<Node> chunk = near.subList(from, Math.min(near.size(), from + CHUNK));
      StringBuilder sql =
          new StringBuilder(
              "SELECT g.parent_material_id, pm.code, g.parent_serial, pu.lot,"
                  + " g.child_material_id, cm.code, g.child_serial, g.child_lot, cu.lot,"
                  + " g.quantity, g.work_order_id, w.code FROM serial_genealogy g JOIN material pm"
                  + " ON pm.id = g.parent_material_id JOIN material cm ON cm.id ="
                  + " g.child_material_id LEFT JOIN serial_unit pu ON pu.plant_id = g.plant_id AND"
                  + " pu.material_id = g.parent_material_id AND pu.serial = g.parent_serial LEFT"
                  + " JOIN serial_unit cu ON cu.plant_id = g.plant_id AND cu.material_id ="
                  + " g.child_material_id AND cu.serial = g.child_serial LEFT JOIN work_order w ON"
                  + " w.id = g.work_order_id WHERE (");
      List<Object> args = new ArrayList<>();
      for (int k = 0; k < chunk.size(); k++) {
        Node n = chunk.get(k);
        sql.append(k == 0 ? "(" : " OR (");
        if (backward) {
          sql.append("g.parent_material_id = ? AND g.parent_serial = ?)");
        } else if (n.serial() != null) {
          sql.append("g.child_material_id = ? AND g.child_serial = ?)");
        } else {
          sql.append("g.child_material_id = ? AND g.child_lot = ?)");
        }
        args.add(n.materialId());
        args.add(n.serial() != null ? n.serial() : n.lot());
      }
      sql.append(')');
      plantFilter(sql, args, "g.plant_id", plants);
      sql.append(" ORDER BY pm.code, g.parent_serial, cm.code, g.child_serial, g.child_lot, g.id");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String childSerial = rs.getString(7);
            out.add(
                new SerialTrace.Link(
                    0,
                    new SerialTrace.Unit(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    new SerialTrace.Unit(
                        rs.getLong(5),
                        rs.getString(6),
                        childSerial,
                        childSerial != null ? rs.getString(9) : rs.getString(8)),
                    rs.getBigDecimal(10),
                    getLong(rs, "work_order_id"),
                    rs.getString(12)));
          }
        }
      }
    }
    return out;
  }
}
