package io.tianshu.bom.internal.store;

import io.tianshu.bom.Bom;
import io.tianshu.bom.BomItem;
import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomOutput;
import io.tianshu.bom.BomOutputKind;
import io.tianshu.bom.BomVersion;
import io.tianshu.bom.BomView;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Loads the BOM set of a view for the engine with plain JDBC: four queries, lines streamed with a
 * large fetch size into primitive fields, no entities. Loading 577k lines through JPA took about 10
 * s; this is what an explosion waits for after every BOM change. The scope rule is the one of
 * {@code BomLogic.scope}: the plant's own versions, and the group's versions (unallocated, or
 * allocated to the plant) of parents the plant has none of; the group set is the unallocated group
 * versions.
 */
public final class JdbcBomSets {
  private static final int FETCH = 10_000;

  private final DataSource dataSource;

  public JdbcBomSets(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private record Head(
      long id,
      long owner,
      long parent,
      String revision,
      LocalDate from,
      LocalDate to,
      String serialFrom,
      String serialTo) {}

  public List<BomVersion> load(BomView view, Long plantId) {
    long plant = plantId == null ? 0L : plantId;
    try (Connection c = dataSource.getConnection()) {
      // Outside a transaction PostgreSQL streams with a cursor only when auto-commit is off;
      // inside one (a connection enlisted in JTA) the setting must not be touched.
      boolean restore = false;
      if (c.getAutoCommit()) {
        c.setAutoCommit(false);
        restore = true;
      }
      try {
        return load(c, view.name(), plant);
      } finally {
        if (restore) {
          c.rollback();
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the BOM set: " + e.getMessage(), e);
    }
  }

  /**
   * The versions of the plant's BOM set in the view (group versions allocated to it or to all,
   * unless the plant has its own version of that parent, and the plant's own), by id; {@code heads}
   * receives every version read, in table order.
   */
  private static Map<Long, Head> included(Connection c, String view, long plant, List<Head> heads)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, owner_plant_id, parent_material_id, revision, valid_from, valid_to,"
                + " serial_from, serial_to FROM bom_version WHERE bom_view = ?"
                + " AND owner_plant_id IN (0, ?)")) {
      ps.setString(1, view);
      ps.setLong(2, plant);
      ps.setFetchSize(FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          heads.add(
              new Head(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getString(4),
                  date(rs.getDate(5)),
                  date(rs.getDate(6)),
                  rs.getString(7),
                  rs.getString(8)));
        }
      }
    }
    Map<Long, Set<Long>> allocated = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.bom_id, a.plant_id FROM bom_allocation a JOIN bom_version b ON b.id = a.bom_id"
                + " WHERE b.bom_view = ? AND b.owner_plant_id = 0")) {
      ps.setString(1, view);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          allocated.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        }
      }
    }
    Set<Long> overridden = new HashSet<>();
    if (plant != 0) {
      for (Head h : heads) {
        if (h.owner() == plant) {
          overridden.add(h.parent());
        }
      }
    }
    Map<Long, Head> included = new HashMap<>();
    for (Head h : heads) {
      boolean applies;
      if (h.owner() == 0) {
        Set<Long> to = allocated.get(h.id());
        applies =
            !overridden.contains(h.parent()) && (to == null || (plant != 0 && to.contains(plant)));
      } else {
        applies = h.owner() == plant;
      }
      if (applies) {
        included.put(h.id(), h);
      }
    }
    return included;
  }

  private static List<BomVersion> load(Connection c, String view, long plant) throws SQLException {
    List<Head> heads = new ArrayList<>();
    Map<Long, Head> included = included(c, view, plant, heads);
    Map<Long, List<BomLine>> lines = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.bom_id, l.component_material_id, l.quantity_per, l.scrap_percent, l.phantom"
                + " FROM bom_line l JOIN bom_version b ON b.id = l.bom_id"
                + " WHERE b.bom_view = ? AND b.owner_plant_id IN (0, ?) ORDER BY l.bom_id, l.line_no")) {
      ps.setString(1, view);
      ps.setLong(2, plant);
      ps.setFetchSize(FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long bom = rs.getLong(1);
          if (included.containsKey(bom)) {
            lines
                .computeIfAbsent(bom, k -> new ArrayList<>())
                .add(
                    new BomLine(rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getBoolean(5)));
          }
        }
      }
    }
    List<BomVersion> versions = new ArrayList<>(included.size());
    for (Head h : heads) {
      if (included.containsKey(h.id())) {
        versions.add(
            new BomVersion(
                h.parent(),
                h.revision(),
                h.from(),
                h.to(),
                h.serialFrom(),
                h.serialTo(),
                lines.getOrDefault(h.id(), List.of())));
      }
    }
    return versions;
  }

  /**
   * Every version of the view with its lines and allocations, on the caller's connection (inside a
   * write transaction the data source hands out the transaction's connection): what creating or
   * allocating a version checks for overlaps and cycles. Outputs are not read; the checks do not
   * need them.
   */
  public List<Bom> allVersions(BomView view) {
    try (Connection c = dataSource.getConnection()) {
      Map<Long, List<BomItem>> lines = new HashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT l.bom_id, l.line_no, l.component_material_id, l.quantity_per, l.scrap_percent,"
                  + " l.phantom, l.operation_ref, m.base_uom FROM bom_line l"
                  + " JOIN bom_version b ON b.id = l.bom_id JOIN material m ON m.id = l.component_material_id"
                  + " WHERE b.bom_view = ? ORDER BY l.bom_id, l.line_no")) {
        ps.setString(1, view.name());
        ps.setFetchSize(FETCH);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lines
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(
                    new BomItem(
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getBigDecimal(4).stripTrailingZeros(),
                        rs.getString(8),
                        rs.getBigDecimal(5).stripTrailingZeros(),
                        rs.getBoolean(6),
                        rs.getString(7)));
          }
        }
      }
      Map<Long, List<Long>> allocated = new HashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT a.bom_id, a.plant_id FROM bom_allocation a JOIN bom_version b ON b.id = a.bom_id"
                  + " WHERE b.bom_view = ? ORDER BY a.bom_id, a.plant_id")) {
        ps.setString(1, view.name());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            allocated.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
          }
        }
      }
      List<Bom> result = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, owner_plant_id, parent_material_id, revision, valid_from, valid_to,"
                  + " serial_from, serial_to, version FROM bom_version WHERE bom_view = ?")) {
        ps.setString(1, view.name());
        ps.setFetchSize(FETCH);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long id = rs.getLong(1);
            long owner = rs.getLong(2);
            result.add(
                new Bom(
                    id,
                    rs.getLong(3),
                    owner == 0 ? null : owner,
                    view,
                    rs.getString(4),
                    date(rs.getDate(5)),
                    date(rs.getDate(6)),
                    rs.getString(7),
                    rs.getString(8),
                    allocated.getOrDefault(id, List.of()),
                    lines.getOrDefault(id, List.of()),
                    List.of(),
                    rs.getLong(9)));
          }
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the BOM view: " + e.getMessage(), e);
    }
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  /**
   * The co- and by-products of the unranged version of each parent in effect on {@code date} in the
   * plant's BOM set: parent material id to its outputs, for planning.
   */
  public Map<Long, List<BomOutput>> outputsAt(BomView view, long plant, LocalDate date) {
    try (Connection c = dataSource.getConnection()) {
      List<Head> heads = new ArrayList<>();
      Map<Long, Head> included = included(c, view.name(), plant, heads);
      Map<Long, Long> effective = new HashMap<>();
      for (Head h : included.values()) {
        boolean unranged = h.serialFrom() == null && h.serialTo() == null;
        if (unranged && !date.isBefore(h.from()) && (h.to() == null || date.isBefore(h.to()))) {
          effective.put(h.id(), h.parent());
        }
      }
      Map<Long, List<BomOutput>> out = new HashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT o.bom_id, o.line_no, o.material_id, o.quantity_per, o.output_kind,"
                  + " o.cost_share, m.base_uom FROM bom_output o"
                  + " JOIN bom_version b ON b.id = o.bom_id"
                  + " JOIN material m ON m.id = o.material_id"
                  + " WHERE b.bom_view = ? AND b.owner_plant_id IN (0, ?)"
                  + " ORDER BY o.bom_id, o.line_no")) {
        ps.setString(1, view.name());
        ps.setLong(2, plant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Long parent = effective.get(rs.getLong(1));
            if (parent != null) {
              out.computeIfAbsent(parent, k -> new ArrayList<>())
                  .add(
                      new BomOutput(
                          rs.getInt(2),
                          rs.getLong(3),
                          rs.getBigDecimal(4),
                          rs.getString(7),
                          BomOutputKind.valueOf(rs.getString(5)),
                          rs.getBigDecimal(6)));
            }
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the BOM outputs: " + e.getMessage(), e);
    }
  }
}
