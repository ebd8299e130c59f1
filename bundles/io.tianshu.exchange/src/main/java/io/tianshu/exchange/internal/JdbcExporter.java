package io.tianshu.exchange.internal;

import io.tianshu.exchange.ExchangeDocument;
import io.tianshu.resource.CalendarDay;
import io.tianshu.resource.DayKind;
import io.tianshu.resource.EfficiencyPeriod;
import io.tianshu.resource.Shift;
import io.tianshu.routing.OperationLink;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the records of a set of plants (and the group's materials and BOMs) into an exchange
 * document, codes in place of ids, so that importing it into an empty database rebuilds them.
 */
final class JdbcExporter {
  private final JdbcExisting q;
  private final Map<Long, String> plantCodes = new LinkedHashMap<>();
  private final Map<Long, String> unitCodes = new HashMap<>();
  private final Map<Long, String> materialCodes = new HashMap<>();

  /** A material's position in the exported list: an import creates materials in that order. */
  private final Map<Long, Integer> materialOrder = new HashMap<>();

  private final Map<Long, String> calendarCodes = new HashMap<>();

  JdbcExporter(Connection c) throws SQLException {
    this.q = new JdbcExisting(c);
  }

  /** {@code plants}: ids of the plants to export, in order. */
  ExchangeDocument export(List<Long> plants) {
    for (Object[] r :
        q.rows("SELECT id, code FROM org_unit WHERE unit_type = 'PLANT' ORDER BY id")) {
      long id = ((Number) r[0]).longValue();
      if (plants.contains(id)) {
        plantCodes.put(id, (String) r[1]);
      }
    }
    List<ExchangeDocument.Plant> docPlants = new ArrayList<>();
    for (Map.Entry<Long, String> p : plantCodes.entrySet()) {
      Object[] plant = q.rows("SELECT name, name_en FROM org_unit WHERE id = ?", p.getKey()).get(0);
      List<ExchangeDocument.Unit> units = new ArrayList<>();
      Map<Long, String> codes = new HashMap<>();
      List<Object[]> rows =
          q.rows(
              "SELECT id, unit_type, code, name, name_en, parent_id FROM org_unit WHERE plant_id = ?"
                  + " ORDER BY id",
              p.getKey());
      rows.forEach(r -> codes.put(((Number) r[0]).longValue(), (String) r[2]));
      for (Object[] r : rows) {
        unitCodes.put(((Number) r[0]).longValue(), (String) r[2]);
        long parent = ((Number) r[5]).longValue();
        units.add(
            new ExchangeDocument.Unit(
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                parent == p.getKey() ? null : codes.get(parent)));
      }
      docPlants.add(
          new ExchangeDocument.Plant(p.getValue(), (String) plant[0], (String) plant[1], units));
    }

    List<ExchangeDocument.Material> materials = new ArrayList<>();
    for (Object[] r :
        q.rows(
            "SELECT id, code, name, name_en, material_type, base_uom, owner_plant_id, status"
                + " FROM material ORDER BY owner_plant_id, id")) {
      long owner = ((Number) r[6]).longValue();
      if (owner != 0 && !plantCodes.containsKey(owner)) {
        continue;
      }
      materialCodes.put(((Number) r[0]).longValue(), (String) r[1]);
      materialOrder.put(((Number) r[0]).longValue(), materialOrder.size());
      materials.add(
          new ExchangeDocument.Material(
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              owner == 0 ? null : plantCodes.get(owner),
              (String) r[7]));
    }

    List<ExchangeDocument.Calendar> calendars = new ArrayList<>();
    for (Object[] r :
        q.rows("SELECT id, plant_id, code, name, plant_default FROM work_calendar ORDER BY id")) {
      long id = ((Number) r[0]).longValue();
      long plant = ((Number) r[1]).longValue();
      if (!plantCodes.containsKey(plant)) {
        continue;
      }
      calendarCodes.put(id, (String) r[2]);
      List<Shift> shifts = new ArrayList<>();
      for (Object[] s :
          q.rows(
              "SELECT code, start_minute, end_minute, break_minutes, weekdays FROM calendar_shift"
                  + " WHERE calendar_id = ? ORDER BY seq",
              id)) {
        shifts.add(
            new Shift(
                (String) s[0],
                time(((Number) s[1]).intValue()),
                time(((Number) s[2]).intValue()),
                ((Number) s[3]).intValue(),
                days(((Number) s[4]).intValue())));
      }
      List<CalendarDay> days = new ArrayList<>();
      for (Object[] d :
          q.rows(
              "SELECT day_date, day_kind, works_like, note FROM calendar_day WHERE calendar_id = ?"
                  + " ORDER BY day_date",
              id)) {
        days.add(
            new CalendarDay(
                date(d[0]),
                DayKind.valueOf((String) d[1]),
                d[2] == null ? null : DayOfWeek.valueOf((String) d[2]),
                (String) d[3]));
      }
      List<EfficiencyPeriod> effs = new ArrayList<>();
      for (Object[] e :
          q.rows(
              "SELECT from_date, to_date, efficiency_percent FROM calendar_efficiency"
                  + " WHERE calendar_id = ? ORDER BY seq",
              id)) {
        effs.add(new EfficiencyPeriod(date(e[0]), date(e[1]), dec(e[2])));
      }
      calendars.add(
          new ExchangeDocument.Calendar(
              plantCodes.get(plant),
              (String) r[2],
              (String) r[3],
              Boolean.TRUE.equals(r[4]),
              shifts,
              days,
              effs));
    }

    List<ExchangeDocument.Capacity> capacities = new ArrayList<>();
    for (Object[] r :
        q.rows(
            "SELECT plant_id, work_center_id, calendar_id, parallel_units, utilisation_percent"
                + " FROM work_center_capacity ORDER BY work_center_id")) {
      long plant = ((Number) r[0]).longValue();
      if (plantCodes.containsKey(plant)) {
        capacities.add(
            new ExchangeDocument.Capacity(
                plantCodes.get(plant),
                unitCodes.get(((Number) r[1]).longValue()),
                r[2] == null ? null : calendarCodes.get(((Number) r[2]).longValue()),
                ((Number) r[3]).intValue(),
                dec(r[4])));
      }
    }

    List<ExchangeDocument.Resource> resources = new ArrayList<>();
    for (Object[] r :
        q.rows(
            "SELECT plant_id, code, name, resource_type, status, work_center_id, calendar_id,"
                + " units, cavities, life_cycles FROM plant_resource ORDER BY id")) {
      long plant = ((Number) r[0]).longValue();
      if (plantCodes.containsKey(plant)) {
        resources.add(
            new ExchangeDocument.Resource(
                plantCodes.get(plant),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                r[5] == null ? null : unitCodes.get(((Number) r[5]).longValue()),
                r[6] == null ? null : calendarCodes.get(((Number) r[6]).longValue()),
                ((Number) r[7]).intValue(),
                r[8] == null ? null : ((Number) r[8]).intValue(),
                r[9] == null ? null : ((Number) r[9]).longValue()));
      }
    }

    List<ExchangeDocument.Bom> boms = exportBoms();
    List<ExchangeDocument.Routing> routings = exportRoutings();

    List<ExchangeDocument.Warehouse> warehouses = new ArrayList<>();
    Map<Long, String[]> locationCodes = new HashMap<>();
    for (Object[] w :
        q.rows(
            "SELECT id, plant_id, code, name, name_en, allow_negative FROM warehouse ORDER BY id")) {
      long plant = ((Number) w[1]).longValue();
      if (!plantCodes.containsKey(plant)) {
        continue;
      }
      List<ExchangeDocument.Location> locations = new ArrayList<>();
      for (Object[] l :
          q.rows(
              "SELECT id, code, name FROM stock_location WHERE warehouse_id = ? ORDER BY id",
              w[0])) {
        locations.add(new ExchangeDocument.Location((String) l[1], (String) l[2]));
        locationCodes.put(((Number) l[0]).longValue(), new String[] {(String) w[2], (String) l[1]});
      }
      warehouses.add(
          new ExchangeDocument.Warehouse(
              plantCodes.get(plant),
              (String) w[2],
              (String) w[3],
              (String) w[4],
              Boolean.TRUE.equals(w[5]),
              locations));
    }

    // On-hand as opening stock: positive balances only (a negative balance is no opening stock).
    List<ExchangeDocument.Stock> stock = new ArrayList<>();
    for (Object[] b :
        q.rows(
            "SELECT plant_id, location_id, material_id, lot, serial_no, status, quantity"
                + " FROM stock_balance WHERE quantity > 0 ORDER BY id")) {
      long plant = ((Number) b[0]).longValue();
      String[] loc = locationCodes.get(((Number) b[1]).longValue());
      if (!plantCodes.containsKey(plant) || loc == null) {
        continue;
      }
      stock.add(
          new ExchangeDocument.Stock(
              plantCodes.get(plant),
              loc[0],
              loc[1],
              materialCodes.get(((Number) b[2]).longValue()),
              blankToNull((String) b[3]),
              blankToNull((String) b[4]),
              (String) b[5],
              dec(b[6])));
    }
    return new ExchangeDocument(
        ExchangeDocument.FORMAT,
        docPlants,
        materials,
        boms,
        calendars,
        resources,
        capacities,
        routings,
        warehouses,
        stock,
        exportParameters(),
        exportForecasts(),
        exportSalesOrders(),
        exportReceipts());
  }

  /**
   * Planning parameters by plant, then in the order of the exported materials, so that a database
   * rebuilt from the export lists them in the same order.
   */
  private List<ExchangeDocument.PlanParameter> exportParameters() {
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r :
        q.rows(
            "SELECT plant_id, material_id, procurement, lead_time_days, lot_sizing, fixed_quantity,"
                + " period_days, minimum_quantity, maximum_quantity, multiple_quantity,"
                + " safety_stock, yield_percent, phantom, mps, source_plant_id, demand_fence_days,"
                + " planning_fence_days, strategy FROM plan_parameter")) {
      if (plantCodes.containsKey(((Number) r[0]).longValue())
          && materialOrder.containsKey(((Number) r[1]).longValue())) {
        rows.add(r);
      }
    }
    rows.sort(
        Comparator.<Object[]>comparingLong(r -> ((Number) r[0]).longValue())
            .thenComparingInt(r -> materialOrder.get(((Number) r[1]).longValue())));
    Map<Long, String> allPlantCodes = new HashMap<>();
    for (Object[] r : q.rows("SELECT id, code FROM org_unit WHERE unit_type = 'PLANT'")) {
      allPlantCodes.put(((Number) r[0]).longValue(), (String) r[1]);
    }
    Map<String, List<ExchangeDocument.SafetyStockStep>> steps = new HashMap<>();
    for (Object[] r :
        q.rows(
            "SELECT plant_id, material_id, effective_from, quantity FROM safety_stock_step"
                + " ORDER BY plant_id, material_id, effective_from")) {
      steps
          .computeIfAbsent(
              ((Number) r[0]).longValue() + "/" + ((Number) r[1]).longValue(),
              k -> new ArrayList<>())
          .add(new ExchangeDocument.SafetyStockStep(date(r[2]), dec(r[3])));
    }
    List<ExchangeDocument.PlanParameter> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new ExchangeDocument.PlanParameter(
              plantCodes.get(((Number) r[0]).longValue()),
              materialCodes.get(((Number) r[1]).longValue()),
              (String) r[2],
              ((Number) r[3]).intValue(),
              (String) r[4],
              dec(r[5]),
              ((Number) r[6]).intValue(),
              dec(r[7]),
              dec(r[8]),
              dec(r[9]),
              dec(r[10]),
              dec(r[11]),
              Boolean.TRUE.equals(r[12]),
              Boolean.TRUE.equals(r[13]),
              r[14] == null ? null : allPlantCodes.get(((Number) r[14]).longValue()),
              zeroToNull(((Number) r[15]).intValue()),
              zeroToNull(((Number) r[16]).intValue()),
              "MTS".equals(r[17]) ? null : (String) r[17],
              steps.get(((Number) r[0]).longValue() + "/" + ((Number) r[1]).longValue())));
    }
    return out;
  }

  private List<ExchangeDocument.Forecast> exportForecasts() {
    List<ExchangeDocument.Forecast> out = new ArrayList<>();
    for (Object[] r :
        q.rows(
            "SELECT plant_id, material_id, forecast_date, quantity, customer, channel, region,"
                + " period FROM forecast WHERE material_id IS NOT NULL ORDER BY id")) {
      long plant = ((Number) r[0]).longValue();
      String material = materialCodes.get(((Number) r[1]).longValue());
      if (plantCodes.containsKey(plant) && material != null) {
        out.add(
            new ExchangeDocument.Forecast(
                plantCodes.get(plant),
                material,
                date(r[2]),
                dec(r[3]),
                blankToNull((String) r[4]),
                blankToNull((String) r[5]),
                blankToNull((String) r[6]),
                "DAY".equals(r[7]) ? null : (String) r[7]));
      }
    }
    return out;
  }

  /** Open and closed lines. */
  private List<ExchangeDocument.SalesOrder> exportSalesOrders() {
    List<ExchangeDocument.SalesOrder> out = new ArrayList<>();
    for (Object[] r :
        q.rows(
            "SELECT plant_id, order_no, line_no, customer, material_id, requested_date, quantity,"
                + " priority, make_to_order, status FROM sales_order_line ORDER BY id")) {
      long plant = ((Number) r[0]).longValue();
      String material = materialCodes.get(((Number) r[4]).longValue());
      if (plantCodes.containsKey(plant) && material != null) {
        out.add(
            new ExchangeDocument.SalesOrder(
                plantCodes.get(plant),
                (String) r[1],
                ((Number) r[2]).intValue(),
                blankToNull((String) r[3]),
                material,
                date(r[5]),
                dec(r[6]),
                ((Number) r[7]).intValue(),
                Boolean.TRUE.equals(r[8]),
                (String) r[9]));
      }
    }
    return out;
  }

  private List<ExchangeDocument.Receipt> exportReceipts() {
    List<ExchangeDocument.Receipt> out = new ArrayList<>();
    for (Object[] r :
        q.rows(
            "SELECT plant_id, kind, reference, material_id, due_date, quantity"
                + " FROM scheduled_receipt ORDER BY id")) {
      long plant = ((Number) r[0]).longValue();
      String material = materialCodes.get(((Number) r[3]).longValue());
      if (plantCodes.containsKey(plant) && material != null) {
        out.add(
            new ExchangeDocument.Receipt(
                plantCodes.get(plant),
                (String) r[1],
                (String) r[2],
                material,
                date(r[4]),
                dec(r[5])));
      }
    }
    return out;
  }

  private List<ExchangeDocument.Bom> exportBoms() {
    Map<Long, List<ExchangeDocument.BomLine>> lines = new HashMap<>();
    for (Object[] l :
        q.rows(
            "SELECT bom_id, component_material_id, quantity_per, scrap_percent, phantom,"
                + " operation_ref FROM bom_line ORDER BY bom_id, line_no")) {
      lines
          .computeIfAbsent(((Number) l[0]).longValue(), k -> new ArrayList<>())
          .add(
              new ExchangeDocument.BomLine(
                  materialCodes.get(((Number) l[1]).longValue()),
                  dec(l[2]),
                  null,
                  dec(l[3]),
                  Boolean.TRUE.equals(l[4]),
                  (String) l[5]));
    }
    Map<Long, List<ExchangeDocument.BomOutput>> outputs = new HashMap<>();
    for (Object[] o :
        q.rows(
            "SELECT bom_id, material_id, quantity_per, output_kind, cost_share FROM bom_output"
                + " ORDER BY bom_id, line_no")) {
      outputs
          .computeIfAbsent(((Number) o[0]).longValue(), k -> new ArrayList<>())
          .add(
              new ExchangeDocument.BomOutput(
                  materialCodes.get(((Number) o[1]).longValue()),
                  dec(o[2]),
                  (String) o[3],
                  dec(o[4])));
    }
    Map<Long, List<String>> allocations = new HashMap<>();
    for (Object[] a :
        q.rows("SELECT bom_id, plant_id FROM bom_allocation ORDER BY bom_id, plant_id")) {
      String code = plantCodes.get(((Number) a[1]).longValue());
      if (code != null) {
        allocations.computeIfAbsent(((Number) a[0]).longValue(), k -> new ArrayList<>()).add(code);
      }
    }
    List<ExchangeDocument.Bom> boms = new ArrayList<>();
    for (Object[] b :
        q.rows(
            "SELECT id, owner_plant_id, parent_material_id, bom_view, revision, valid_from,"
                + " valid_to, serial_from, serial_to FROM bom_version ORDER BY owner_plant_id, id")) {
      long owner = ((Number) b[1]).longValue();
      if (owner != 0 && !plantCodes.containsKey(owner)) {
        continue;
      }
      long id = ((Number) b[0]).longValue();
      boms.add(
          new ExchangeDocument.Bom(
              materialCodes.get(((Number) b[2]).longValue()),
              owner == 0 ? null : plantCodes.get(owner),
              (String) b[3],
              (String) b[4],
              date(b[5]),
              date(b[6]),
              lines.getOrDefault(id, List.of()),
              outputs.get(id),
              (String) b[7],
              (String) b[8],
              allocations.get(id)));
    }
    return boms;
  }

  private List<ExchangeDocument.Routing> exportRoutings() {
    Map<String, List<ExchangeDocument.Alternative>> alts = new HashMap<>();
    for (Object[] a :
        q.rows(
            "SELECT routing_id, op_no, work_center_id, run_minutes FROM routing_alternative"
                + " ORDER BY routing_id, op_no, seq")) {
      alts.computeIfAbsent(a[0] + "/" + a[1], k -> new ArrayList<>())
          .add(
              new ExchangeDocument.Alternative(
                  unitCodes.get(((Number) a[2]).longValue()), a[3] == null ? null : dec(a[3])));
    }
    Map<String, List<OperationLink>> links = new HashMap<>();
    for (Object[] l :
        q.rows(
            "SELECT routing_id, op_no, predecessor_op_no, overlap_percent, lag_minutes"
                + " FROM routing_link ORDER BY routing_id, op_no, predecessor_op_no")) {
      links
          .computeIfAbsent(l[0] + "/" + l[1], k -> new ArrayList<>())
          .add(new OperationLink(((Number) l[2]).intValue(), dec(l[3]), dec(l[4])));
    }
    Map<Long, List<ExchangeDocument.Operation>> ops = new HashMap<>();
    for (Object[] o :
        q.rows(
            "SELECT routing_id, op_no, description, work_center_id, setup_minutes, run_minutes,"
                + " queue_minutes, move_minutes, outsourced FROM routing_operation"
                + " ORDER BY routing_id, op_no")) {
      String key = o[0] + "/" + o[1];
      ops.computeIfAbsent(((Number) o[0]).longValue(), k -> new ArrayList<>())
          .add(
              new ExchangeDocument.Operation(
                  ((Number) o[1]).intValue(),
                  (String) o[2],
                  unitCodes.get(((Number) o[3]).longValue()),
                  dec(o[4]),
                  dec(o[5]),
                  dec(o[6]),
                  dec(o[7]),
                  Boolean.TRUE.equals(o[8]),
                  links.getOrDefault(key, List.of()),
                  alts.getOrDefault(key, List.of())));
    }
    List<ExchangeDocument.Routing> routings = new ArrayList<>();
    for (Object[] r :
        q.rows(
            "SELECT id, plant_id, material_id, revision, description, valid_from, valid_to"
                + " FROM routing ORDER BY id")) {
      long plant = ((Number) r[1]).longValue();
      if (!plantCodes.containsKey(plant)) {
        continue;
      }
      routings.add(
          new ExchangeDocument.Routing(
              plantCodes.get(plant),
              materialCodes.get(((Number) r[2]).longValue()),
              (String) r[3],
              (String) r[4],
              date(r[5]),
              date(r[6]),
              ops.getOrDefault(((Number) r[0]).longValue(), List.of())));
    }
    return routings;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static LocalDate date(Object o) {
    return o == null ? null : ((Date) o).toLocalDate();
  }

  private static BigDecimal dec(Object o) {
    BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    d = d.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  private static LocalTime time(int minutes) {
    return LocalTime.of(minutes / 60 % 24, minutes % 60);
  }

  private static Set<DayOfWeek> days(int mask) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if ((mask & (1 << (d.getValue() - 1))) != 0) {
        days.add(d);
      }
    }
    return days;
  }

  /** An absent fence is 0: exported as absent, so that a round trip gives the same document. */
  private static Integer zeroToNull(int v) {
    return v == 0 ? null : v;
  }
}
