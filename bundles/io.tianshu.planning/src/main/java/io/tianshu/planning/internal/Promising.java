package io.tianshu.planning.internal;

import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.planning.OpenOrderSource;
import io.tianshu.planning.PlanningService;
import io.tianshu.planning.PlanningService.PromiseLine;
import io.tianshu.planning.Promise;
import io.tianshu.planning.engine.AtpBucket;
import io.tianshu.planning.engine.AtpDemand;
import io.tianshu.planning.engine.AtpSupply;
import io.tianshu.planning.engine.AvailableToPromise;
import io.tianshu.planning.engine.CapacityReport;
import io.tianshu.planning.engine.CtpCapacity;
import io.tianshu.planning.engine.CtpComponent;
import io.tianshu.planning.engine.CtpEngine;
import io.tianshu.planning.engine.CtpItem;
import io.tianshu.planning.engine.CtpLine;
import io.tianshu.planning.engine.CtpResult;
import io.tianshu.planning.engine.Displacement;
import io.tianshu.planning.engine.LoadOperation;
import io.tianshu.planning.engine.WorkCenterLoad;
import io.tianshu.resource.ResourceService;
import io.tianshu.resource.WorkCalendar;
import io.tianshu.routing.RoutingService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Order promising for {@link PlanningServiceImpl}: available-to-promise of one material and
 * capable-to-promise of an order's lines, against stock, receipts and what the released (else
 * firmed) run left free, with work-centre capacity. Caches per run what a run's results give (they
 * never change).
 */
final class Promising {
  private final Sql sql;
  private final BomService boms;
  private final RoutingService routings;
  private final ResourceService resources;
  private final BiFunction<CallerContext, Long, WorkCalendar> calendars;

  Promising(
      Sql sql,
      BomService boms,
      RoutingService routings,
      ResourceService resources,
      BiFunction<CallerContext, Long, WorkCalendar> calendars,
      java.util.function.LongFunction<List<OpenOrderSource.OpenOrder>> openOrders) {
    this.openOrders = openOrders;
    this.sql = sql;
    this.boms = boms;
    this.routings = routings;
    this.resources = resources;
    this.calendars = calendars;
  }

  private final java.util.function.LongFunction<List<OpenOrderSource.OpenOrder>> openOrders;

  /**
   * Adds open work orders: their remaining output to {@code supplies}, their components still to be
   * issued to {@code committed}, for the materials {@code wanted} accepts.
   */
  private void addOpenOrders(
      long plantId,
      java.util.function.LongPredicate wanted,
      Map<Long, List<AtpSupply>> supplies,
      Map<Long, List<AtpDemand>> committed) {
    for (OpenOrderSource.OpenOrder o : openOrders.apply(plantId)) {
      if (o.remaining() > 0 && wanted.test(o.materialId())) {
        supplies
            .computeIfAbsent(o.materialId(), k -> new ArrayList<>())
            .add(new AtpSupply(o.dueDate(), o.remaining()));
      }
      for (OpenOrderSource.ComponentNeed n : o.components()) {
        if (n.quantity() > 0 && wanted.test(n.materialId())) {
          committed
              .computeIfAbsent(n.materialId(), k -> new ArrayList<>())
              .add(new AtpDemand(o.startDate(), n.quantity()));
        }
      }
    }
  }

  private WorkCalendar calendarOf(CallerContext caller, long plantId) {
    return calendars.apply(caller, plantId);
  }

  /** See {@link PlanningService#promise(CallerContext, long, long, double, LocalDate, Long)}. */
  Promise promise(
      CallerContext caller,
      long plantId,
      long materialId,
      double quantity,
      LocalDate date,
      Long changedLineId) {
    Validation v = new Validation();
    if (!Double.isFinite(quantity) || quantity <= 0) {
      v.add("quantity", "invalid_value", "must be > 0 / 必须大于 0");
    }
    v.required("date", date);
    v.throwIfInvalid();
    Sql.requireRead(caller, plantId);
    LocalDate today = LocalDate.now();
    return sql.read(
        c -> {
          if (PlanData.materialCode(c, materialId, plantId) == null) {
            throw new NotFoundException("Material", materialId);
          }
          double onHand = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT SUM(quantity) FROM stock_balance WHERE plant_id = ? AND material_id = ?"
                      + " AND status = 'AVAILABLE'")) {
            ps.setLong(1, plantId);
            ps.setLong(2, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                onHand = Math.max(0, rs.getDouble(1));
              }
            }
          }
          List<AtpSupply> supplies = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT due_date, quantity FROM scheduled_receipt WHERE plant_id = ?"
                      + " AND material_id = ?")) {
            ps.setLong(1, plantId);
            ps.setLong(2, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                supplies.add(new AtpSupply(rs.getDate(1).toLocalDate(), rs.getDouble(2)));
              }
            }
          }
          Long runId = releasedRun(c, plantId);
          if (runId != null) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT due_date, quantity FROM planned_order WHERE run_id = ?"
                        + " AND plant_id = ? AND material_id = ?")) {
              ps.setLong(1, runId);
              ps.setLong(2, plantId);
              ps.setLong(3, materialId);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  supplies.add(new AtpSupply(rs.getDate(1).toLocalDate(), rs.getDouble(2)));
                }
              }
            }
          }
          List<AtpDemand> committed = new ArrayList<>();
          List<Displacement.Line> lines = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, order_no, line_no, requested_date, quantity FROM sales_order_line"
                      + " WHERE plant_id = ? AND material_id = ? AND status = 'OPEN'"
                      + " ORDER BY requested_date, priority, id")) {
            ps.setLong(1, plantId);
            ps.setLong(2, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (changedLineId != null && rs.getLong(1) == changedLineId) {
                  continue; // the line being changed: the request replaces it
                }
                LocalDate due = rs.getDate(4).toLocalDate();
                committed.add(new AtpDemand(due, rs.getDouble(5)));
                lines.add(
                    new Displacement.Line(
                        rs.getLong(1),
                        "SO " + rs.getString(2) + "/" + rs.getInt(3),
                        due,
                        rs.getDouble(5)));
              }
            }
          }
          Map<Long, List<AtpSupply>> woSupply = new HashMap<>();
          Map<Long, List<AtpDemand>> woNeeds = new HashMap<>();
          addOpenOrders(plantId, m -> m == materialId, woSupply, woNeeds);
          supplies.addAll(woSupply.getOrDefault(materialId, List.of()));
          committed.addAll(woNeeds.getOrDefault(materialId, List.of()));
          AvailableToPromise atp = AvailableToPromise.of(today, onHand, supplies, committed);
          List<Promise.Bucket> buckets = new ArrayList<>();
          for (AtpBucket b : atp.discrete()) {
            buckets.add(
                new Promise.Bucket(
                    b.date(), b.supply(), b.committed(), b.atp(), b.cumulativeAtp()));
          }
          LocalDate promised = atp.earliest(quantity, date);
          boolean onDate =
              promised != null && !promised.isAfter(date.isBefore(today) ? today : date);
          return new Promise(
              plantId,
              materialId,
              quantity,
              date,
              promised,
              Math.max(0, atp.available(date)),
              runId,
              buckets,
              onDate ? List.of() : Displacement.of(today, onHand, supplies, lines, quantity, date));
        });
  }

  /** See {@link PlanningService#capableToPromise}. */
  List<CtpResult> capableToPromise(CallerContext caller, long plantId, List<PromiseLine> lines) {
    Validation v = new Validation();
    if (lines == null || lines.isEmpty()) {
      v.add("lines", "required", "at least one line / 至少一行");
    } else {
      for (int i = 0; i < lines.size(); i++) {
        PromiseLine l = lines.get(i);
        String at = "lines[" + i + "]";
        if (l == null) {
          v.add(at, "required", "is required / 必填");
          continue;
        }
        v.required(at + ".materialId", l.materialId()).required(at + ".quantity", l.quantity());
        if (l.quantity() != null && !(l.quantity() > 0 && Double.isFinite(l.quantity()))) {
          v.add(at + ".quantity", "invalid_value", "must be > 0 / 必须大于 0");
        }
      }
    }
    v.throwIfInvalid();
    Sql.requireRead(caller, plantId);
    LocalDate today = LocalDate.now();
    Map<Long, List<BomLine>> structure =
        boms.structure(caller, plantId, BomView.MANUFACTURING, today);
    WorkCalendar calendar = calendarOf(caller, plantId);
    java.util.LinkedHashSet<Long> reach = new java.util.LinkedHashSet<>();
    Long[] released = new Long[1];
    Map<Long, CtpItem> items =
        sql.read(
            c -> {
              // The materials the lines can reach through the BOM, and their data only.
              java.util.ArrayDeque<Long> queue = new java.util.ArrayDeque<>();
              for (PromiseLine l : lines) {
                if (PlanData.materialCode(c, l.materialId(), plantId) == null) {
                  throw new ValidationException(
                      "materialId",
                      "not_found",
                      "material " + l.materialId() + " not in the plant / 工厂中无此物料");
                }
                queue.add(l.materialId());
              }
              while (!queue.isEmpty()) {
                long m = queue.poll();
                if (reach.add(m)) {
                  for (BomLine bl : structure.getOrDefault(m, List.of())) {
                    queue.add(bl.componentId());
                  }
                }
              }
              Long runId = releasedRun(c, plantId);
              released[0] = runId;
              return runId == null
                  ? ctpItems(c, plantId, reach, structure)
                  : ctpItemsOfRun(c, plantId, runId, reach, structure);
            });
    List<CtpLine> ctpLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      PromiseLine l = lines.get(i);
      ctpLines.add(
          new CtpLine(i + 1, l.materialId(), l.quantity(), l.date() == null ? today : l.date()));
    }
    return CtpEngine.promise(
        items,
        ctpLines,
        calendar,
        today,
        ctpCapacity(caller, plantId, today, reach, items, released[0], calendar));
  }

  /** Days ahead of today in which CTP checks work-centre capacity. */
  static final int CTP_CAPACITY_DAYS = 180;

  /**
   * The capacity CTP checks: for the made materials the lines reach, their routings' own (not
   * outsourced) operations on work centres with a calendar, and per such work centre the available
   * minutes of each day from today less what the released (else firmed) run already loads there
   * (backward infinite loading, as the capacity report). Null when nothing reached is routed.
   */
  private CtpCapacity ctpCapacity(
      CallerContext caller,
      long plantId,
      LocalDate today,
      java.util.Collection<Long> reach,
      Map<Long, CtpItem> items,
      Long runId,
      WorkCalendar calendar) {
    LocalDate end = today.plusDays(CTP_CAPACITY_DAYS - 1L);
    Map<Long, List<LoadOperation>> routed = new HashMap<>();
    Map<Long, double[]> remaining = new HashMap<>();
    Map<Long, Boolean> known = new HashMap<>();
    for (long m : reach) {
      CtpItem it = items.get(m);
      if (it == null || !it.make()) {
        continue;
      }
      List<LoadOperation> ops = new ArrayList<>();
      for (LoadOperation op : WorkCentres.operations(routings, caller, m, plantId, today)) {
        boolean hasCalendar =
            known.computeIfAbsent(
                op.workCenterId(),
                wc -> {
                  double[] day = WorkCentres.availableMinutes(resources, caller, wc, today, end);
                  if (day != null) {
                    remaining.put(wc, day);
                  }
                  return day != null;
                });
        if (hasCalendar) {
          ops.add(op);
        }
      }
      if (!ops.isEmpty()) {
        routed.put(m, ops);
      }
    }
    if (routed.isEmpty()) {
      return null;
    }
    if (runId != null) {
      Map<Long, double[]> planned = runLoad(caller, plantId, runId, today, calendar);
      remaining.forEach(
          (wc, day) -> {
            double[] load = planned.get(wc);
            if (load != null) {
              for (int d = 0; d < day.length; d++) {
                day[d] = Math.max(0, day[d] - load[d]);
              }
            }
          });
    }
    return new CtpCapacity(today, CTP_CAPACITY_DAYS, remaining, routed);
  }

  /** A run's load per work centre and day from {@code today}, cached per run and day. */
  private record RunLoad(long runId, LocalDate today, Map<Long, double[]> byWorkCenter) {}

  private final Map<Long, RunLoad> runLoads = new ConcurrentHashMap<>();

  private Map<Long, double[]> runLoad(
      CallerContext caller, long plantId, long runId, LocalDate today, WorkCalendar calendar) {
    RunLoad cached = runLoads.get(runId);
    if (cached != null && cached.today().equals(today)) {
      return cached.byWorkCenter();
    }
    CapacityReport report =
        WorkCentres.load(
            routings,
            resources,
            caller,
            plantId,
            PlanningServiceImpl.loadOrders(sql, runId, plantId, false),
            calendar,
            today,
            CTP_CAPACITY_DAYS,
            1);
    Map<Long, double[]> out = new HashMap<>();
    for (WorkCenterLoad l : report.workCenters()) {
      out.put(l.workCenterId(), l.load());
    }
    runLoads.put(runId, new RunLoad(runId, today, out));
    return out;
  }

  /** What a released run left free per material, cached by run (a run's results never change). */
  private record RunSupply(Instant startedAt, Map<Long, FreeSupply> byMaterial) {}

  private record FreeSupply(
      boolean bought, int leadTimeDays, double onHand, List<AtpSupply> supplies) {}

  private final Map<Long, RunSupply> runSupplies = new ConcurrentHashMap<>();

  private RunSupply runSupply(Connection c, long plantId, long runId) throws SQLException {
    RunSupply cached = runSupplies.get(runId);
    if (cached != null) {
      return cached;
    }
    Map<Long, FreeSupply> byMaterial = new HashMap<>();
    Map<Long, List<AtpSupply>> supplies = new HashMap<>();
    for (String table : List.of("planned_order", "plan_receipt", "plan_co_product")) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT material_id, due_date, free_quantity FROM "
                  + table
                  + " WHERE run_id = ? AND plant_id = ? AND free_quantity > 0")) {
        ps.setLong(1, runId);
        ps.setLong(2, plantId);
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            supplies
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new AtpSupply(rs.getDate(2).toLocalDate(), rs.getDouble(3)));
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT material_id, procurement, lead_time_days, free_on_hand FROM plan_item"
                + " WHERE run_id = ? AND plant_id = ?")) {
      ps.setLong(1, runId);
      ps.setLong(2, plantId);
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long m = rs.getLong(1);
          byMaterial.put(
              m,
              new FreeSupply(
                  !"MAKE".equals(rs.getString(2)),
                  rs.getInt(3),
                  rs.getDouble(4),
                  supplies.getOrDefault(m, List.of())));
        }
      }
    }
    Instant started;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT created_at FROM plan_run WHERE id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        started = rs.getTimestamp(1).toInstant();
      }
    }
    RunSupply loaded = new RunSupply(started, byMaterial);
    if (runSupplies.size() >= 8) {
      runSupplies.clear(); // a few released runs are in use at a time; keep memory bounded
    }
    runSupplies.put(runId, loaded);
    return loaded;
  }

  /**
   * CTP items from a released run: its free supply (cached), and as commitments the open order
   * lines entered since the run started (the run's own lines are in its pegging already).
   */
  private Map<Long, CtpItem> ctpItemsOfRun(
      Connection c,
      long plantId,
      long runId,
      java.util.Set<Long> materials,
      Map<Long, List<BomLine>> structure)
      throws SQLException {
    RunSupply run = runSupply(c, plantId, runId);
    Map<Long, List<AtpDemand>> committed = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT material_id, requested_date, quantity FROM sales_order_line"
                + " WHERE plant_id = ? AND status = 'OPEN' AND created_at > ?")) {
      ps.setLong(1, plantId);
      ps.setTimestamp(2, Timestamp.from(run.startedAt()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          committed
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new AtpDemand(rs.getDate(2).toLocalDate(), rs.getDouble(3)));
        }
      }
    }
    Map<Long, CtpItem> items = new HashMap<>();
    FreeSupply none = new FreeSupply(false, 0, 0, List.of());
    for (long m : materials) {
      FreeSupply f = run.byMaterial().getOrDefault(m, none);
      items.put(
          m,
          ctpItem(
              m,
              !f.bought(),
              f.leadTimeDays(),
              structure,
              f.onHand(),
              f.supplies(),
              committed.getOrDefault(m, List.of())));
    }
    return items;
  }

  private static CtpItem ctpItem(
      long m,
      boolean makeable,
      int lead,
      Map<Long, List<BomLine>> structure,
      double onHand,
      List<AtpSupply> supplies,
      List<AtpDemand> committed) {
    List<BomLine> lines = structure.getOrDefault(m, List.of());
    boolean make = makeable && !lines.isEmpty();
    List<CtpComponent> components = new ArrayList<>();
    if (make) {
      for (BomLine l : lines) {
        if (l.quantityPer() > 0) {
          components.add(
              new CtpComponent(l.componentId(), l.quantityPer() * (1 + l.scrapPercent() / 100)));
        }
      }
    }
    return new CtpItem(m, make, lead, components, Math.max(0, onHand), supplies, committed);
  }

  /** CTP items without a released run: stock and receipts against the open order lines. */
  private Map<Long, CtpItem> ctpItems(
      Connection c, long plantId, java.util.Set<Long> materials, Map<Long, List<BomLine>> structure)
      throws SQLException {
    Map<Long, String[]> params = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT material_id, procurement, lead_time_days FROM plan_parameter WHERE plant_id = ?")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (materials.contains(rs.getLong(1))) {
            params.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
          }
        }
      }
    }
    Map<Long, Double> onHand = PlanData.availableStock(c, plantId);
    Map<Long, List<AtpSupply>> supplies = new HashMap<>();
    Map<Long, List<AtpDemand>> committed = new HashMap<>();
    List<Long> ids = new ArrayList<>(materials);
    for (int from = 0; from < ids.size(); from += 500) {
      String in =
          ids.subList(from, Math.min(ids.size(), from + 500)).stream()
              .map(String::valueOf)
              .collect(java.util.stream.Collectors.joining(","));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT material_id, due_date, quantity FROM scheduled_receipt WHERE plant_id = ?"
                  + " AND material_id IN ("
                  + in
                  + ")")) {
        ps.setLong(1, plantId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            supplies
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new AtpSupply(rs.getDate(2).toLocalDate(), rs.getDouble(3)));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT material_id, requested_date, quantity FROM sales_order_line"
                  + " WHERE plant_id = ? AND status = 'OPEN' AND material_id IN ("
                  + in
                  + ")")) {
        ps.setLong(1, plantId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            committed
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new AtpDemand(rs.getDate(2).toLocalDate(), rs.getDouble(3)));
          }
        }
      }
    }
    Set<Long> wanted = new HashSet<>(materials);
    addOpenOrders(plantId, wanted::contains, supplies, committed);
    Map<Long, CtpItem> items = new HashMap<>();
    for (long m : materials) {
      String[] p = params.get(m);
      items.put(
          m,
          ctpItem(
              m,
              p == null || "MAKE".equals(p[0]),
              p == null ? 0 : Integer.parseInt(p[1]),
              structure,
              onHand.getOrDefault(m, 0.0),
              supplies.getOrDefault(m, List.of()),
              committed.getOrDefault(m, List.of())));
    }
    return items;
  }

  /** The plant's released run, else its latest firmed one; MPS before MRP. Null when none. */
  private static Long releasedRun(Connection c, long plantId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM plan_run WHERE plant_id = ? AND status IN ('RELEASED', 'FIRMED')"
                + " ORDER BY CASE WHEN status = 'RELEASED' THEN 0 ELSE 1 END,"
                + " CASE WHEN scope = 'MPS' THEN 0 ELSE 1 END, id DESC")) {
      ps.setLong(1, plantId);
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }
}
