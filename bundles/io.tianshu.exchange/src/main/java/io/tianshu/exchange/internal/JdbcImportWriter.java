package io.tianshu.exchange.internal;

import io.tianshu.core.Json;
import io.tianshu.exchange.ExchangeDocument;
import io.tianshu.exchange.internal.ImportPlan.AlternativePlan;
import io.tianshu.exchange.internal.ImportPlan.BomPlan;
import io.tianshu.exchange.internal.ImportPlan.CalendarPlan;
import io.tianshu.exchange.internal.ImportPlan.CapacityPlan;
import io.tianshu.exchange.internal.ImportPlan.LinePlan;
import io.tianshu.exchange.internal.ImportPlan.LocationPlan;
import io.tianshu.exchange.internal.ImportPlan.MaterialPlan;
import io.tianshu.exchange.internal.ImportPlan.OperationPlan;
import io.tianshu.exchange.internal.ImportPlan.PlantPlan;
import io.tianshu.exchange.internal.ImportPlan.ResourcePlan;
import io.tianshu.exchange.internal.ImportPlan.RoutingPlan;
import io.tianshu.exchange.internal.ImportPlan.StockPlan;
import io.tianshu.exchange.internal.ImportPlan.UnitPlan;
import io.tianshu.exchange.internal.ImportPlan.WarehousePlan;
import io.tianshu.resource.CalendarDay;
import io.tianshu.resource.EfficiencyPeriod;
import io.tianshu.resource.Shift;
import io.tianshu.routing.OperationLink;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a checked {@link ImportPlan} on one connection, inside the caller's transaction, in JDBC
 * batches: ids of new rows come back from the batch on PostgreSQL and row by row on embedded Derby
 * (whose driver returns keys for single inserts only). Every created record gets its audit row.
 */
final class JdbcImportWriter {
  private static final int BATCH = 1000;

  private final Connection c;
  private final boolean batchKeys;
  private final String user;
  private final Timestamp now = Timestamp.from(Instant.now());
  private final List<Object[]> audit = new ArrayList<>();

  JdbcImportWriter(Connection c, boolean batchKeys, String user) {
    this.c = c;
    this.batchKeys = batchKeys;
    this.user = user;
  }

  interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  void write(ImportPlan plan) throws SQLException {
    insert(
        "INSERT INTO org_unit (unit_type, code, name, name_en, parent_id, plant_id, status, version,"
            + " created_at, created_by, updated_at, updated_by) VALUES ('PLANT', ?, ?, ?, NULL, 0,"
            + " 'ACTIVE', 0, ?, ?, ?, ?)",
        plan.plants,
        PlantPlan::ref,
        (ps, p) -> {
          ps.setString(1, p.code());
          ps.setString(2, p.name());
          ps.setString(3, p.nameEn());
          stamp(ps, 4, true);
        });
    for (PlantPlan p : plan.plants) {
      audit("OrgUnit", p.ref().id(), p.ref().id(), Map.of("type", "PLANT", "code", p.code()));
    }
    List<UnitPlan> units = new ArrayList<>(plan.units);
    units.sort(Comparator.comparingInt(UnitPlan::level));
    // Parents first: one batch per level.
    for (int level = 1; level <= 3; level++) {
      final int l = level;
      insert(
          "INSERT INTO org_unit (unit_type, code, name, name_en, parent_id, plant_id, status,"
              + " version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?,"
              + " 'ACTIVE', 0, ?, ?, ?, ?)",
          units.stream().filter(u -> u.level() == l).toList(),
          UnitPlan::ref,
          (ps, u) -> {
            ps.setString(1, u.type());
            ps.setString(2, u.code());
            ps.setString(3, u.name());
            ps.setString(4, u.nameEn());
            ps.setLong(5, u.parent().id());
            ps.setLong(6, u.plant().id());
            stamp(ps, 7, true);
          });
    }
    for (UnitPlan u : units) {
      audit("OrgUnit", u.ref().id(), u.plant().id(), Map.of("type", u.type(), "code", u.code()));
    }

    insert(
        "INSERT INTO material (code, name, name_en, material_type, base_uom, group_id, status,"
            + " owner_plant_id, version, created_at, created_by, updated_at, updated_by)"
            + " VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 0, ?, ?, ?, ?)",
        plan.materials,
        MaterialPlan::ref,
        (ps, m) -> {
          ps.setString(1, m.code());
          ps.setString(2, m.name());
          ps.setString(3, m.nameEn());
          ps.setString(4, m.type());
          ps.setString(5, m.baseUnit());
          ps.setString(6, m.status());
          ps.setLong(7, m.owner() == null ? 0 : m.owner().id());
          stamp(ps, 8, true);
        });
    for (MaterialPlan m : plan.materials) {
      audit(
          "Material",
          m.ref().id(),
          m.owner() == null ? null : m.owner().id(),
          Map.of("code", m.code(), "name", m.name()));
    }

    writeCalendars(plan);
    batch(
        "INSERT INTO work_center_capacity (work_center_id, plant_id, calendar_id, parallel_units,"
            + " utilisation_percent, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
        plan.capacities,
        (ps, k) -> {
          ps.setLong(1, k.workCenter().id());
          ps.setLong(2, k.plant().id());
          setLong(ps, 3, k.calendar());
          ps.setInt(4, k.parallelUnits());
          ps.setBigDecimal(5, k.utilisationPercent());
          ps.setTimestamp(6, now);
          ps.setString(7, user);
        });
    for (CapacityPlan k : plan.capacities) {
      audit(
          "WorkCenterCapacity",
          k.workCenter().id(),
          k.plant().id(),
          Map.of("parallelUnits", k.parallelUnits()));
    }
    insert(
        "INSERT INTO plant_resource (plant_id, code, name, resource_type, status, work_center_id,"
            + " calendar_id, units, cavities, life_cycles, version, created_at, created_by,"
            + " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
        plan.resources,
        ResourcePlan::ref,
        (ps, r) -> {
          ps.setLong(1, r.plant().id());
          ps.setString(2, r.code());
          ps.setString(3, r.name());
          ps.setString(4, r.type());
          ps.setString(5, r.status());
          setLong(ps, 6, r.workCenter());
          setLong(ps, 7, r.calendar());
          ps.setInt(8, r.units());
          if (r.cavities() == null) {
            ps.setNull(9, Types.INTEGER);
          } else {
            ps.setInt(9, r.cavities());
          }
          if (r.lifeCycles() == null) {
            ps.setNull(10, Types.BIGINT);
          } else {
            ps.setLong(10, r.lifeCycles());
          }
          stamp(ps, 11, true);
        });
    for (ResourcePlan r : plan.resources) {
      audit("Resource", r.ref().id(), r.plant().id(), Map.of("code", r.code(), "type", r.type()));
    }

    insert(
        "INSERT INTO warehouse (plant_id, code, name, name_en, allow_negative, version)"
            + " VALUES (?, ?, ?, ?, ?, 0)",
        plan.warehouses,
        WarehousePlan::ref,
        (ps, w) -> {
          ps.setLong(1, w.plant().id());
          ps.setString(2, w.code());
          ps.setString(3, w.name());
          ps.setString(4, w.nameEn());
          ps.setBoolean(5, w.allowNegative());
        });
    for (WarehousePlan w : plan.warehouses) {
      audit("Warehouse", w.ref().id(), w.plant().id(), Map.of("code", w.code()));
    }
    insert(
        "INSERT INTO stock_location (warehouse_id, plant_id, code, name, version) VALUES (?, ?, ?, ?, 0)",
        plan.locations,
        LocationPlan::ref,
        (ps, l) -> {
          ps.setLong(1, l.warehouse().id());
          ps.setLong(2, l.plant().id());
          ps.setString(3, l.code());
          ps.setString(4, l.name());
        });
    for (LocationPlan l : plan.locations) {
      audit("Location", l.ref().id(), l.plant().id(), Map.of("code", l.code()));
    }

    writeBoms(plan);
    writeRoutings(plan);
    writeStock(plan);
    writePlanning(plan);
    writeAudit();
  }

  /**
   * Planning parameters (inserted, or replacing those of the plant and material with the version
   * one up), forecasts, sales order lines and scheduled receipts, audited as through the planning
   * API.
   */
  private void writePlanning(ImportPlan plan) throws SQLException {
    String columns =
        " procurement = ?, lead_time_days = ?, lot_sizing = ?, fixed_quantity = ?, period_days = ?,"
            + " minimum_quantity = ?, maximum_quantity = ?, multiple_quantity = ?,"
            + " safety_stock = ?, yield_percent = ?, phantom = ?, mps = ?, updated_at = ?,"
            + " updated_by = ?, source_plant_id = ?, demand_fence_days = ?,"
            + " planning_fence_days = ?, strategy = ?";
    batch(
        "UPDATE plan_parameter SET"
            + columns
            + ", version = version + 1 WHERE plant_id = ? AND material_id = ?",
        plan.parameters.stream().filter(ImportPlan.ParameterPlan::exists).toList(),
        this::bindParameter);
    batch(
        "INSERT INTO plan_parameter (procurement, lead_time_days, lot_sizing, fixed_quantity,"
            + " period_days, minimum_quantity, maximum_quantity, multiple_quantity, safety_stock,"
            + " yield_percent, phantom, mps, updated_at, updated_by, source_plant_id,"
            + " demand_fence_days, planning_fence_days, strategy, plant_id, material_id, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        plan.parameters.stream().filter(k -> !k.exists()).toList(),
        this::bindParameter);
    // A parameter that lists safety-stock steps replaces the material's steps.
    List<ImportPlan.ParameterPlan> withSteps =
        plan.parameters.stream().filter(k -> k.safetyStockSteps() != null).toList();
    batch(
        "DELETE FROM safety_stock_step WHERE plant_id = ? AND material_id = ?",
        withSteps,
        (ps, k) -> {
          ps.setLong(1, k.plant().id());
          ps.setLong(2, k.material().id());
        });
    List<Object[]> steps = new ArrayList<>();
    for (ImportPlan.ParameterPlan k : withSteps) {
      for (ExchangeDocument.SafetyStockStep step : k.safetyStockSteps()) {
        steps.add(new Object[] {k.plant().id(), k.material().id(), step.from(), step.quantity()});
      }
    }
    batch(
        "INSERT INTO safety_stock_step (plant_id, material_id, effective_from, quantity)"
            + " VALUES (?, ?, ?, ?)",
        steps,
        (ps, r) -> {
          ps.setLong(1, (Long) r[0]);
          ps.setLong(2, (Long) r[1]);
          ps.setDate(3, java.sql.Date.valueOf((java.time.LocalDate) r[2]));
          ps.setBigDecimal(4, (java.math.BigDecimal) r[3]);
        });
    for (ImportPlan.ParameterPlan k : plan.parameters) {
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("material", k.materialCode());
      after.put("procurement", k.procurement());
      after.put("leadTimeDays", k.leadTimeDays());
      after.put("lotSizing", k.lotSizing());
      after.put("safetyStock", k.safetyStock());
      audit(
          "PlanParameter",
          k.plant().id() + "/" + k.material().id(),
          k.plant().id(),
          k.exists() ? "UPDATE" : "CREATE",
          after);
    }
    insert(
        "INSERT INTO forecast (plant_id, material_id, forecast_date, quantity, customer, channel,"
            + " region, created_at, created_by, period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        plan.forecasts,
        ImportPlan.ForecastPlan::ref,
        (ps, f) -> {
          ps.setLong(1, f.plant().id());
          ps.setLong(2, f.material().id());
          ps.setDate(3, Date.valueOf(f.date()));
          ps.setBigDecimal(4, f.quantity());
          ps.setString(5, f.customer());
          ps.setString(6, f.channel());
          ps.setString(7, f.region());
          stamp(ps, 8, false);
          ps.setString(10, f.period());
        });
    for (ImportPlan.ForecastPlan f : plan.forecasts) {
      audit(
          "Forecast",
          f.ref().id(),
          f.plant().id(),
          Map.of(
              "material",
              f.materialCode(),
              "date",
              f.date().toString(),
              "quantity",
              f.quantity(),
              "period",
              f.period()));
    }
    insert(
        "INSERT INTO sales_order_line (plant_id, order_no, line_no, customer, material_id,"
            + " requested_date, quantity, priority, make_to_order, status, version, created_at,"
            + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        plan.salesOrders,
        ImportPlan.SalesOrderPlan::ref,
        (ps, o) -> {
          ps.setLong(1, o.plant().id());
          ps.setString(2, o.orderNo());
          ps.setInt(3, o.lineNo());
          ps.setString(4, o.customer());
          ps.setLong(5, o.material().id());
          ps.setDate(6, Date.valueOf(o.requestedDate()));
          ps.setBigDecimal(7, o.quantity());
          ps.setInt(8, o.priority());
          ps.setBoolean(9, o.makeToOrder());
          ps.setString(10, o.status());
          stamp(ps, 11, false);
        });
    for (ImportPlan.SalesOrderPlan o : plan.salesOrders) {
      audit(
          "SalesOrderLine",
          o.ref().id(),
          o.plant().id(),
          Map.of(
              "order",
              o.orderNo() + "/" + o.lineNo(),
              "material",
              o.materialCode(),
              "quantity",
              o.quantity(),
              "status",
              o.status()));
    }
    insert(
        "INSERT INTO scheduled_receipt (plant_id, kind, reference, material_id, due_date,"
            + " quantity, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        plan.receipts,
        ImportPlan.ReceiptPlan::ref,
        (ps, r) -> {
          ps.setLong(1, r.plant().id());
          ps.setString(2, r.kind());
          ps.setString(3, r.reference());
          ps.setLong(4, r.material().id());
          ps.setDate(5, Date.valueOf(r.dueDate()));
          ps.setBigDecimal(6, r.quantity());
          stamp(ps, 7, false);
        });
    for (ImportPlan.ReceiptPlan r : plan.receipts) {
      audit(
          "ScheduledReceipt",
          r.ref().id(),
          r.plant().id(),
          Map.of(
              "reference", r.reference(), "material", r.materialCode(), "quantity", r.quantity()));
    }
  }

  /** The parameter columns in the order of both statements, then source plant, plant, material. */
  private void bindParameter(PreparedStatement ps, ImportPlan.ParameterPlan k) throws SQLException {
    ps.setString(1, k.procurement());
    ps.setInt(2, k.leadTimeDays());
    ps.setString(3, k.lotSizing());
    ps.setBigDecimal(4, k.fixedQuantity());
    ps.setInt(5, k.periodDays());
    ps.setBigDecimal(6, k.minimumQuantity());
    ps.setBigDecimal(7, k.maximumQuantity());
    ps.setBigDecimal(8, k.multipleQuantity());
    ps.setBigDecimal(9, k.safetyStock());
    ps.setBigDecimal(10, k.yieldPercent());
    ps.setBoolean(11, k.phantom());
    ps.setBoolean(12, k.mps());
    ps.setTimestamp(13, now);
    ps.setString(14, user);
    if (k.sourcePlant() == null) {
      ps.setNull(15, java.sql.Types.BIGINT);
    } else {
      ps.setLong(15, k.sourcePlant().id());
    }
    ps.setInt(16, k.demandFenceDays());
    ps.setInt(17, k.planningFenceDays());
    ps.setString(18, k.strategy());
    ps.setLong(19, k.plant().id());
    ps.setLong(20, k.material().id());
  }

  private void writeCalendars(ImportPlan plan) throws SQLException {
    Set<Long> clear = new HashSet<>();
    for (CalendarPlan k : plan.calendars) {
      if (k.plantDefault() && !k.plant().isCreated()) {
        clear.add(k.plant().id());
      }
    }
    for (long plant : clear) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE work_calendar SET plant_default = ? WHERE plant_id = ?")) {
        ps.setBoolean(1, false);
        ps.setLong(2, plant);
        ps.executeUpdate();
      }
    }
    insert(
        "INSERT INTO work_calendar (plant_id, code, name, plant_default, version, created_at,"
            + " created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)",
        plan.calendars,
        CalendarPlan::ref,
        (ps, k) -> {
          ps.setLong(1, k.plant().id());
          ps.setString(2, k.code());
          ps.setString(3, k.name());
          ps.setBoolean(4, k.plantDefault());
          stamp(ps, 5, true);
        });
    List<Object[]> shifts = new ArrayList<>();
    List<Object[]> days = new ArrayList<>();
    List<Object[]> effs = new ArrayList<>();
    for (CalendarPlan k : plan.calendars) {
      audit("Calendar", k.ref().id(), k.plant().id(), Map.of("code", k.code()));
      int seq = 0;
      for (Shift s : k.shifts()) {
        int mask = 0;
        for (DayOfWeek d : s.days()) {
          mask |= 1 << (d.getValue() - 1);
        }
        shifts.add(
            new Object[] {
              k.ref().id(),
              ++seq,
              s.code(),
              s.start().getHour() * 60 + s.start().getMinute(),
              s.end().getHour() * 60 + s.end().getMinute(),
              s.breakMinutes(),
              mask
            });
      }
      for (CalendarDay d : k.days()) {
        days.add(
            new Object[] {
              k.ref().id(),
              Date.valueOf(d.date()),
              d.kind().name(),
              d.worksLike() == null ? null : d.worksLike().name(),
              d.note()
            });
      }
      seq = 0;
      for (EfficiencyPeriod e : k.efficiencies()) {
        effs.add(
            new Object[] {
              k.ref().id(),
              ++seq,
              Date.valueOf(e.from()),
              e.to() == null ? null : Date.valueOf(e.to()),
              e.percent()
            });
      }
    }
    batch(
        "INSERT INTO calendar_shift (calendar_id, seq, code, start_minute, end_minute,"
            + " break_minutes, weekdays) VALUES (?, ?, ?, ?, ?, ?, ?)",
        shifts,
        JdbcImportWriter::bindArray);
    batch(
        "INSERT INTO calendar_day (calendar_id, day_date, day_kind, works_like, note)"
            + " VALUES (?, ?, ?, ?, ?)",
        days,
        (ps, r) -> {
          ps.setLong(1, (Long) r[0]);
          ps.setDate(2, (Date) r[1]);
          ps.setString(3, (String) r[2]);
          ps.setString(4, (String) r[3]);
          ps.setString(5, (String) r[4]);
        });
    batch(
        "INSERT INTO calendar_efficiency (calendar_id, seq, from_date, to_date, efficiency_percent)"
            + " VALUES (?, ?, ?, ?, ?)",
        effs,
        (ps, r) -> {
          ps.setLong(1, (Long) r[0]);
          ps.setInt(2, (Integer) r[1]);
          ps.setDate(3, (Date) r[2]);
          if (r[3] == null) {
            ps.setNull(4, Types.DATE);
          } else {
            ps.setDate(4, (Date) r[3]);
          }
          ps.setBigDecimal(5, (BigDecimal) r[4]);
        });
  }

  private void writeBoms(ImportPlan plan) throws SQLException {
    insert(
        "INSERT INTO bom_version (owner_plant_id, parent_material_id, bom_view, revision,"
            + " valid_from, valid_to, serial_from, serial_to, version, created_at, created_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        plan.boms,
        BomPlan::ref,
        (ps, b) -> {
          ps.setLong(1, b.owner() == null ? 0 : b.owner().id());
          ps.setLong(2, b.parent().id());
          ps.setString(3, b.view());
          ps.setString(4, b.revision());
          ps.setDate(5, Date.valueOf(b.validFrom()));
          if (b.validTo() == null) {
            ps.setNull(6, Types.DATE);
          } else {
            ps.setDate(6, Date.valueOf(b.validTo()));
          }
          ps.setString(7, b.serialFrom());
          ps.setString(8, b.serialTo());
          ps.setTimestamp(9, now);
          ps.setString(10, user);
        });
    List<Object[]> outputs = new ArrayList<>();
    List<long[]> allocations = new ArrayList<>();
    for (BomPlan b : plan.boms) {
      for (ImportPlan.OutputPlan o : b.outputs()) {
        outputs.add(new Object[] {b.ref().id(), o});
      }
      for (Ref plant : b.allocatedPlants()) {
        allocations.add(new long[] {b.ref().id(), plant.id()});
      }
    }
    batch(
        "INSERT INTO bom_output (bom_id, line_no, material_id, quantity_per, output_kind,"
            + " cost_share) VALUES (?, ?, ?, ?, ?, ?)",
        outputs,
        (ps, r) -> {
          ImportPlan.OutputPlan o = (ImportPlan.OutputPlan) r[1];
          ps.setLong(1, (Long) r[0]);
          ps.setInt(2, o.lineNo());
          ps.setLong(3, o.material().id());
          ps.setBigDecimal(4, o.quantityPer());
          ps.setString(5, o.kind());
          ps.setBigDecimal(6, o.costShare());
        });
    batch(
        "INSERT INTO bom_allocation (bom_id, plant_id) VALUES (?, ?)",
        allocations,
        (ps, a) -> {
          ps.setLong(1, a[0]);
          ps.setLong(2, a[1]);
        });
    List<Object[]> lines = new ArrayList<>();
    for (BomPlan b : plan.boms) {
      audit(
          "Bom",
          b.ref().id(),
          b.owner() == null ? null : b.owner().id(),
          Map.of(
              "parentMaterialId",
              b.parent().id(),
              "revision",
              b.revision(),
              "lines",
              b.lines().size()));
      for (LinePlan l : b.lines()) {
        lines.add(new Object[] {b.ref().id(), l});
      }
    }
    batch(
        "INSERT INTO bom_line (bom_id, line_no, component_material_id, quantity_per, scrap_percent,"
            + " phantom, operation_ref) VALUES (?, ?, ?, ?, ?, ?, ?)",
        lines,
        (ps, r) -> {
          LinePlan l = (LinePlan) r[1];
          ps.setLong(1, (Long) r[0]);
          ps.setInt(2, l.lineNo());
          ps.setLong(3, l.component().id());
          ps.setBigDecimal(4, l.quantityPer());
          ps.setBigDecimal(5, l.scrapPercent());
          ps.setBoolean(6, l.phantom());
          ps.setString(7, l.operationRef());
        });
  }

  private void writeRoutings(ImportPlan plan) throws SQLException {
    insert(
        "INSERT INTO routing (plant_id, material_id, revision, description, valid_from, valid_to,"
            + " version, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        plan.routings,
        RoutingPlan::ref,
        (ps, r) -> {
          ps.setLong(1, r.plant().id());
          ps.setLong(2, r.material().id());
          ps.setString(3, r.revision());
          ps.setString(4, r.description());
          ps.setDate(5, Date.valueOf(r.validFrom()));
          if (r.validTo() == null) {
            ps.setNull(6, Types.DATE);
          } else {
            ps.setDate(6, Date.valueOf(r.validTo()));
          }
          ps.setTimestamp(7, now);
          ps.setString(8, user);
        });
    List<Object[]> ops = new ArrayList<>();
    List<Object[]> alts = new ArrayList<>();
    List<Object[]> links = new ArrayList<>();
    for (RoutingPlan r : plan.routings) {
      audit(
          "Routing",
          r.ref().id(),
          r.plant().id(),
          Map.of("materialId", r.material().id(), "revision", r.revision()));
      for (OperationPlan o : r.operations()) {
        ops.add(new Object[] {r.ref().id(), o});
        int seq = 0;
        for (AlternativePlan a : o.alternatives()) {
          alts.add(new Object[] {r.ref().id(), o.opNo(), ++seq, a});
        }
        for (OperationLink l : o.predecessors()) {
          links.add(new Object[] {r.ref().id(), o.opNo(), l});
        }
      }
    }
    batch(
        "INSERT INTO routing_operation (routing_id, op_no, description, work_center_id,"
            + " setup_minutes, run_minutes, queue_minutes, move_minutes, outsourced)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ops,
        (ps, r) -> {
          OperationPlan o = (OperationPlan) r[1];
          ps.setLong(1, (Long) r[0]);
          ps.setInt(2, o.opNo());
          ps.setString(3, o.description());
          ps.setLong(4, o.workCenter().id());
          ps.setBigDecimal(5, o.setupMinutes());
          ps.setBigDecimal(6, o.runMinutes());
          ps.setBigDecimal(7, o.queueMinutes());
          ps.setBigDecimal(8, o.moveMinutes());
          ps.setBoolean(9, o.outsourced());
        });
    batch(
        "INSERT INTO routing_alternative (routing_id, op_no, seq, work_center_id, run_minutes)"
            + " VALUES (?, ?, ?, ?, ?)",
        alts,
        (ps, r) -> {
          AlternativePlan a = (AlternativePlan) r[3];
          ps.setLong(1, (Long) r[0]);
          ps.setInt(2, (Integer) r[1]);
          ps.setInt(3, (Integer) r[2]);
          ps.setLong(4, a.workCenter().id());
          if (a.runMinutes() == null) {
            ps.setNull(5, Types.DECIMAL);
          } else {
            ps.setBigDecimal(5, a.runMinutes());
          }
        });
    batch(
        "INSERT INTO routing_link (routing_id, op_no, predecessor_op_no, overlap_percent,"
            + " lag_minutes) VALUES (?, ?, ?, ?, ?)",
        links,
        (ps, r) -> {
          OperationLink l = (OperationLink) r[2];
          ps.setLong(1, (Long) r[0]);
          ps.setInt(2, (Integer) r[1]);
          ps.setInt(3, l.predecessorOpNo());
          ps.setBigDecimal(4, l.overlapPercent());
          ps.setBigDecimal(5, l.lagMinutes());
        });
  }

  /** Opening stock: one receipt document per plant, its ledger lines, and the balances. */
  private void writeStock(ImportPlan plan) throws SQLException {
    Map<Long, List<StockPlan>> byPlant = new LinkedHashMap<>();
    for (StockPlan s : plan.stock) {
      byPlant.computeIfAbsent(s.plant().id(), k -> new ArrayList<>()).add(s);
    }
    for (Map.Entry<Long, List<StockPlan>> e : byPlant.entrySet()) {
      long document;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO stock_document (plant_id, movement_type, reference, at_time, username)"
                  + " VALUES (?, 'RECEIPT', 'import / 导入', ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, e.getKey());
        ps.setTimestamp(2, now);
        ps.setString(3, user);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          document = rs.getLong(1);
        }
      }
      audit(
          "StockDocument",
          document,
          e.getKey(),
          Map.of("type", "RECEIPT", "lines", e.getValue().size()));
      final long doc = document;
      batch(
          "INSERT INTO stock_movement (document_id, plant_id, movement_type, location_id,"
              + " material_id, lot, serial_no, status, quantity, unit)"
              + " VALUES (?, ?, 'RECEIPT', ?, ?, ?, ?, ?, ?, ?)",
          e.getValue(),
          (ps, s) -> {
            ps.setLong(1, doc);
            ps.setLong(2, s.plant().id());
            ps.setLong(3, s.location().id());
            ps.setLong(4, s.material().id());
            ps.setString(5, s.lot());
            ps.setString(6, s.serial());
            ps.setString(7, s.status());
            ps.setBigDecimal(8, s.quantity());
            ps.setString(9, s.unit());
          });
      // Balances: the sum per key, added to an existing balance row or inserted.
      Map<String, Object[]> sums = new LinkedHashMap<>();
      for (StockPlan s : e.getValue()) {
        String key =
            s.material().id()
                + "|"
                + s.location().id()
                + "|"
                + s.lot()
                + "|"
                + s.serial()
                + "|"
                + s.status();
        Object[] sum = sums.get(key);
        if (sum == null) {
          sums.put(key, new Object[] {s, s.quantity()});
        } else {
          sum[1] = ((BigDecimal) sum[1]).add(s.quantity());
        }
      }
      List<Object[]> inserts = new ArrayList<>();
      for (Object[] sum : sums.values()) {
        StockPlan s = (StockPlan) sum[0];
        int updated = 0;
        if (!s.location().isCreated()) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE stock_balance SET quantity = quantity + ?, version = version + 1"
                      + " WHERE material_id = ? AND location_id = ? AND lot = ? AND serial_no = ?"
                      + " AND status = ?")) {
            ps.setBigDecimal(1, (BigDecimal) sum[1]);
            ps.setLong(2, s.material().id());
            ps.setLong(3, s.location().id());
            ps.setString(4, s.lot());
            ps.setString(5, s.serial());
            ps.setString(6, s.status());
            updated = ps.executeUpdate();
          }
        }
        if (updated == 0) {
          inserts.add(sum);
        }
      }
      batch(
          "INSERT INTO stock_balance (plant_id, location_id, material_id, lot, serial_no, status,"
              + " quantity, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
          inserts,
          (ps, sum) -> {
            StockPlan s = (StockPlan) sum[0];
            ps.setLong(1, s.plant().id());
            ps.setLong(2, s.location().id());
            ps.setLong(3, s.material().id());
            ps.setString(4, s.lot());
            ps.setString(5, s.serial());
            ps.setString(6, s.status());
            ps.setBigDecimal(7, (BigDecimal) sum[1]);
          });
    }
  }

  private void audit(String entity, long id, Long plantId, Map<String, ?> after) {
    audit(entity, String.valueOf(id), plantId, "CREATE", after);
  }

  private void audit(String entity, String id, Long plantId, String action, Map<String, ?> after) {
    Map<String, Object> snapshot = new LinkedHashMap<>(after);
    snapshot.put("source", "import");
    audit.add(new Object[] {entity, id, plantId, Json.write(snapshot), action});
  }

  private void writeAudit() throws SQLException {
    batch(
        "INSERT INTO audit_log (at_time, username, entity, entity_id, plant_id, action,"
            + " before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)",
        audit,
        (ps, r) -> {
          ps.setTimestamp(1, now);
          ps.setString(2, user);
          ps.setString(3, (String) r[0]);
          ps.setString(4, (String) r[1]);
          if (r[2] == null) {
            ps.setNull(5, Types.BIGINT);
          } else {
            ps.setLong(5, (Long) r[2]);
          }
          ps.setString(6, (String) r[4]);
          ps.setString(7, (String) r[3]);
        });
  }

  // ------------------------------------------------------------------ JDBC helpers

  private void stamp(PreparedStatement ps, int from, boolean updated) throws SQLException {
    ps.setTimestamp(from, now);
    ps.setString(from + 1, user);
    if (updated) {
      ps.setTimestamp(from + 2, now);
      ps.setString(from + 3, user);
    }
  }

  private static void setLong(PreparedStatement ps, int index, Ref ref) throws SQLException {
    if (ref == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, ref.id());
    }
  }

  private static void bindArray(PreparedStatement ps, Object[] r) throws SQLException {
    for (int i = 0; i < r.length; i++) {
      if (r[i] instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (r[i] instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        ps.setString(i + 1, (String) r[i]);
      }
    }
  }

  /** Inserts rows and assigns each row's generated id to its ref. */
  private <T> void insert(
      String sql, List<T> rows, java.util.function.Function<T, Ref> ref, Binder<T> binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if (batchKeys) {
      try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
        for (int from = 0; from < rows.size(); from += BATCH) {
          List<T> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
          for (T row : chunk) {
            binder.bind(ps, row);
            ps.addBatch();
          }
          ps.executeBatch();
          try (ResultSet rs = ps.getGeneratedKeys()) {
            for (T row : chunk) {
              if (!rs.next()) {
                throw new SQLException("fewer generated keys than rows");
              }
              ref.apply(row).assign(rs.getLong(1));
            }
          }
        }
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
        for (T row : rows) {
          binder.bind(ps, row);
          ps.executeUpdate();
          try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            ref.apply(row).assign(rs.getLong(1));
          }
        }
      }
    }
  }

  private <T> void batch(String sql, List<T> rows, Binder<T> binder) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int n = 0;
      for (T row : rows) {
        binder.bind(ps, row);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      if (n % BATCH != 0) {
        ps.executeBatch();
      }
    }
  }
}
