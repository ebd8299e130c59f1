package io.tianshu.exchange.internal;

import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomVersion;
import java.math.BigDecimal;
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

/**
 * {@link Existing} read on the import's own connection and transaction, in bulk: all plants,
 * materials, units and conversions at once; a plant's units, calendars, resources and warehouses
 * when the document first refers to the plant.
 */
final class JdbcExisting implements Existing {
  private final Connection c;
  private final Map<String, Long> plants = new HashMap<>();
  private final Map<String, MaterialRow> materials = new HashMap<>();
  private final Set<String> uoms = new HashSet<>();
  private final Map<String, BigDecimal> conversions = new HashMap<>();
  private final Map<Long, Map<String, UnitRow>> units = new HashMap<>();
  private final Map<Long, Map<String, Long>> calendars = new HashMap<>();
  private final Map<Long, Boolean> defaults = new HashMap<>();
  private final Map<Long, Set<String>> resources = new HashMap<>();
  private final Map<Long, Map<String, Long>> warehouses = new HashMap<>();
  private final Map<Long, Map<String, Long>> locations = new HashMap<>();
  private final Map<Long, Set<Long>> planParameters = new HashMap<>();
  private final Map<Long, Set<String>> orderLines = new HashMap<>();

  JdbcExisting(Connection c) throws SQLException {
    this.c = c;
    for (Object[] r : rows("SELECT id, code FROM org_unit WHERE unit_type = 'PLANT'")) {
      plants.put((String) r[1], ((Number) r[0]).longValue());
    }
    for (Object[] r : rows("SELECT id, owner_plant_id, code, base_uom FROM material")) {
      materials.put(
          ((Number) r[1]).longValue() + "/" + r[2],
          new MaterialRow(((Number) r[0]).longValue(), (String) r[3]));
    }
    for (Object[] r : rows("SELECT code FROM uom")) {
      uoms.add((String) r[0]);
    }
    for (Object[] r : rows("SELECT from_uom, to_uom, factor, material_id FROM uom_conversion")) {
      BigDecimal factor = (BigDecimal) r[2];
      String material = r[3] == null ? "" : String.valueOf(((Number) r[3]).longValue());
      conversions.put(r[0] + ">" + r[1] + "@" + material, factor);
      conversions.put(
          r[1] + ">" + r[0] + "@" + material,
          BigDecimal.ONE.divide(factor, java.math.MathContext.DECIMAL64));
    }
  }

  @Override
  public Long plantId(String code) {
    return plants.get(code);
  }

  @Override
  public UnitRow unit(long plantId, String code) {
    return units
        .computeIfAbsent(
            plantId,
            p -> {
              Map<String, UnitRow> m = new HashMap<>();
              for (Object[] r :
                  rows("SELECT id, code, unit_type FROM org_unit WHERE plant_id = ?", p)) {
                m.put((String) r[1], new UnitRow(((Number) r[0]).longValue(), (String) r[2]));
              }
              return m;
            })
        .get(code);
  }

  @Override
  public MaterialRow material(long ownerPlantId, String code) {
    return materials.get(ownerPlantId + "/" + code);
  }

  @Override
  public Set<String> units() {
    return uoms;
  }

  @Override
  public BigDecimal conversion(String from, String to, Long materialId) {
    BigDecimal own =
        materialId == null ? null : conversions.get(from + ">" + to + "@" + materialId);
    return own != null ? own : conversions.get(from + ">" + to + "@");
  }

  @Override
  public Long calendarId(long plantId, String code) {
    return calendars(plantId).get(code);
  }

  private Map<String, Long> calendars(long plantId) {
    return calendars.computeIfAbsent(
        plantId,
        p -> {
          Map<String, Long> m = new HashMap<>();
          boolean anyDefault = false;
          for (Object[] r :
              rows("SELECT id, code, plant_default FROM work_calendar WHERE plant_id = ?", p)) {
            m.put((String) r[1], ((Number) r[0]).longValue());
            anyDefault |= Boolean.TRUE.equals(r[2]);
          }
          defaults.put(p, anyDefault);
          return m;
        });
  }

  @Override
  public boolean hasDefaultCalendar(long plantId) {
    calendars(plantId);
    return defaults.get(plantId);
  }

  @Override
  public boolean resourceExists(long plantId, String code) {
    return resources
        .computeIfAbsent(
            plantId,
            p -> {
              Set<String> s = new HashSet<>();
              for (Object[] r : rows("SELECT code FROM plant_resource WHERE plant_id = ?", p)) {
                s.add((String) r[0]);
              }
              return s;
            })
        .contains(code);
  }

  @Override
  public boolean capacityExists(long workCenterId) {
    return !rows(
            "SELECT work_center_id FROM work_center_capacity WHERE work_center_id = ?",
            workCenterId)
        .isEmpty();
  }

  @Override
  public Long warehouseId(long plantId, String code) {
    return warehouses
        .computeIfAbsent(
            plantId,
            p -> {
              Map<String, Long> m = new HashMap<>();
              for (Object[] r : rows("SELECT id, code FROM warehouse WHERE plant_id = ?", p)) {
                m.put((String) r[1], ((Number) r[0]).longValue());
              }
              return m;
            })
        .get(code);
  }

  @Override
  public Long locationId(long warehouseId, String code) {
    return locations
        .computeIfAbsent(
            warehouseId,
            w -> {
              Map<String, Long> m = new HashMap<>();
              for (Object[] r :
                  rows("SELECT id, code FROM stock_location WHERE warehouse_id = ?", w)) {
                m.put((String) r[1], ((Number) r[0]).longValue());
              }
              return m;
            })
        .get(code);
  }

  @Override
  public List<BomRow> boms(String view) {
    Map<Long, List<BomLine>> lines = new HashMap<>();
    for (Object[] r :
        rows(
            "SELECT l.bom_id, l.component_material_id, l.quantity_per, l.scrap_percent, l.phantom"
                + " FROM bom_line l JOIN bom_version b ON b.id = l.bom_id WHERE b.bom_view = ?"
                + " ORDER BY l.bom_id, l.line_no",
            view)) {
      lines
          .computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
          .add(
              new BomLine(
                  ((Number) r[1]).longValue(),
                  ((BigDecimal) r[2]).doubleValue(),
                  ((BigDecimal) r[3]).doubleValue(),
                  Boolean.TRUE.equals(r[4])));
    }
    Map<Long, Set<Long>> allocations = new HashMap<>();
    for (Object[] r :
        rows(
            "SELECT a.bom_id, a.plant_id FROM bom_allocation a JOIN bom_version b ON b.id = a.bom_id"
                + " WHERE b.bom_view = ?",
            view)) {
      allocations
          .computeIfAbsent(((Number) r[0]).longValue(), k -> new HashSet<>())
          .add(((Number) r[1]).longValue());
    }
    List<BomRow> result = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT id, owner_plant_id, parent_material_id, revision, valid_from, valid_to,"
                + " serial_from, serial_to FROM bom_version WHERE bom_view = ?",
            view)) {
      long id = ((Number) r[0]).longValue();
      result.add(
          new BomRow(
              ((Number) r[1]).longValue(),
              view,
              new BomVersion(
                  ((Number) r[2]).longValue(),
                  (String) r[3],
                  date(r[4]),
                  date(r[5]),
                  (String) r[6],
                  (String) r[7],
                  lines.getOrDefault(id, List.of())),
              allocations.getOrDefault(id, Set.of())));
    }
    return result;
  }

  @Override
  public List<RoutingRow> routings(long plantId, long materialId) {
    List<RoutingRow> result = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT revision, valid_from, valid_to FROM routing WHERE plant_id = ? AND material_id = ?",
            plantId,
            materialId)) {
      result.add(new RoutingRow((String) r[0], date(r[1]), date(r[2])));
    }
    return result;
  }

  @Override
  public boolean planParameterExists(long plantId, long materialId) {
    return planParameters
        .computeIfAbsent(
            plantId,
            p -> {
              Set<Long> s = new HashSet<>();
              for (Object[] r :
                  rows("SELECT material_id FROM plan_parameter WHERE plant_id = ?", p)) {
                s.add(((Number) r[0]).longValue());
              }
              return s;
            })
        .contains(materialId);
  }

  @Override
  public boolean salesOrderLineExists(long plantId, String orderNo, int lineNo) {
    return orderLines
        .computeIfAbsent(
            plantId,
            p -> {
              Set<String> s = new HashSet<>();
              for (Object[] r :
                  rows("SELECT order_no, line_no FROM sales_order_line WHERE plant_id = ?", p)) {
                s.add(r[0] + "#" + ((Number) r[1]).intValue());
              }
              return s;
            })
        .contains(orderNo + "#" + lineNo);
  }

  private static LocalDate date(Object o) {
    return o == null ? null : ((Date) o).toLocalDate();
  }

  /** Rows of a query as arrays; SQL errors become unchecked (the import rolls back). */
  List<Object[]> rows(String sql, Object... params) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        List<Object[]> out = new ArrayList<>();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            row[i] = rs.getObject(i + 1);
          }
          out.add(row);
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
