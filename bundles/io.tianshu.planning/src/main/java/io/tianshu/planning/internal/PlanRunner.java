package io.tianshu.planning.internal;

import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomOutput;
import io.tianshu.bom.StoredSubstitutionGroup;
import io.tianshu.bom.Substitute;
import io.tianshu.bom.SubstitutePart;
import io.tianshu.bom.SubstitutionStrategy;
import io.tianshu.core.ForbiddenException;
import io.tianshu.planning.OpenOrderSource;
import io.tianshu.planning.SafetyStockLevel;
import io.tianshu.planning.engine.AssembleToOrder;
import io.tianshu.planning.engine.ForecastConsumer;
import io.tianshu.planning.engine.ForecastConsumption;
import io.tianshu.planning.engine.ForecastLine;
import io.tianshu.planning.engine.ForecastSpread;
import io.tianshu.planning.engine.LotSizing;
import io.tianshu.planning.engine.MrpEngine;
import io.tianshu.planning.engine.MrpInput;
import io.tianshu.planning.engine.MrpMessage;
import io.tianshu.planning.engine.MrpResult;
import io.tianshu.planning.engine.Pegging;
import io.tianshu.planning.engine.PlanBomLine;
import io.tianshu.planning.engine.PlanDemand;
import io.tianshu.planning.engine.PlanItem;
import io.tianshu.planning.engine.PlanOutput;
import io.tianshu.planning.engine.PlanReceipt;
import io.tianshu.planning.engine.PlanSubstitutePart;
import io.tianshu.planning.engine.PlanSubstitution;
import io.tianshu.planning.engine.PlannedOrder;
import io.tianshu.planning.engine.SafetyStockStep;
import io.tianshu.planning.engine.SalesOrderLine;
import io.tianshu.resource.WorkCalendar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One plan run on plain JDBC, free of OSGi: load the plant's planning data, consume forecasts, run
 * {@link MrpEngine}, and save demands, planned orders, pegging and messages in bulk. The caller
 * supplies the BOM structure and the calendar (they come from other services) and a {@link
 * Progress} that reports phases and is asked whether to stop.
 */
final class PlanRunner {
  private static final int FETCH = 10_000;

  /** Where the run reports to; {@link #cancelled()} is polled between steps. */
  interface Progress {
    void phase(String phase, int percent);

    boolean cancelled();
  }

  /** What a run is asked to plan. */
  record Spec(
      long runId,
      long plantId,
      String planType,
      LocalDate planStart,
      int horizonDays,
      int backwardDays,
      int forwardDays,
      String scope,
      int demandFenceDays,
      int planningFenceDays) {}

  /** Counts and timings for the plan_run row. */
  record Outcome(
      int items,
      int demands,
      int plannedOrders,
      long peggingRows,
      int messages,
      long loadMillis,
      long engineMillis,
      long saveMillis) {}

  /**
   * A demand planned by the run and where it came from; {@code item} is the engine's item id (see
   * {@link Loaded#plantOf}).
   */
  record Demand(
      long id,
      String source,
      long sourceId,
      long item,
      LocalDate date,
      double quantity,
      String reference,
      boolean makeToOrder) {}

  /**
   * Loaded input: the engine's input plus the demands' origins. A run plans a supply network: its
   * plant (index 0) and every plant it sources from by TRANSFER, transitively. The engine's item id
   * of material m in the plant of index k is {@code k << 40 | m}, so in a one-plant run item ids
   * are material ids.
   */
  record Loaded(
      MrpInput input, List<Demand> demands, List<Long> plants, Map<Long, String> procurement) {
    long plantOf(long item) {
      return plants.get((int) (item >>> ITEM_SHIFT));
    }

    static long materialOf(long item) {
      return item & MATERIAL_MASK;
    }
  }

  static final int ITEM_SHIFT = 40;
  static final long MATERIAL_MASK = (1L << ITEM_SHIFT) - 1;

  private record Param(
      String procurement,
      Long source,
      int lead,
      LotSizing lot,
      double fixed,
      int period,
      double min,
      double max,
      double mult,
      double safety,
      double yield,
      boolean phantom,
      boolean mps,
      int demandFence,
      int planningFence,
      String strategy,
      List<SafetyStockStep> safetySteps) {}

  /** Demand that is neither forecast nor an order line: an allocation or an open order's need. */
  private record Allocation(
      String source, long id, long item, LocalDate date, double quantity, String reference) {}

  private record Order(
      long id,
      long item,
      LocalDate date,
      double quantity,
      int priority,
      boolean mto,
      String reference,
      String orderNo,
      String customer) {}

  /** One plant's planning data. */
  private static final class PlantData {
    final long plant;
    final Map<Long, Param> params = new HashMap<>();
    final Map<Long, Double> onHand = new HashMap<>();
    Map<Long, List<BomLine>> structure;
    Map<Long, List<BomOutput>> outputs = Map.of();

    PlantData(long plant) {
      this.plant = plant;
    }
  }

  private PlanRunner() {}

  /**
   * Loads the supply network of {@code spec.plantId()}. {@code structureOf} gives a plant's BOM
   * structure, {@code mayPlan} whether the caller may plan a plant of the network.
   */
  static Loaded load(
      Connection c,
      Spec spec,
      Function<Long, Map<Long, List<BomLine>>> structureOf,
      Function<Long, Map<Long, List<BomOutput>>> outputsOf,
      Function<Long, List<StoredSubstitutionGroup>> substitutionsOf,
      Function<Long, List<OpenOrderSource.OpenOrder>> openOrdersOf,
      Predicate<Long> mayPlan,
      WorkCalendar calendar,
      Progress progress)
      throws SQLException {
    List<Long> plants = new ArrayList<>();
    Map<Long, Integer> plantIndex = new HashMap<>();
    List<PlantData> data = new ArrayList<>();
    plants.add(spec.plantId());
    plantIndex.put(spec.plantId(), 0);
    for (int k = 0; k < plants.size(); k++) {
      long plant = plants.get(k);
      if (!mayPlan.test(plant)) {
        throw new ForbiddenException(
            "the run sources from plant "
                + plant
                + ", which the caller may not plan / 计划涉及无权计划的来源工厂 "
                + plant);
      }
      PlantData d = new PlantData(plant);
      data.add(d);
      loadParams(c, d);
      for (Param p : d.params.values()) {
        if (p.source() != null && !plantIndex.containsKey(p.source())) {
          plantIndex.put(p.source(), plants.size());
          plants.add(p.source());
        }
      }
      d.onHand.putAll(PlanData.availableStock(c, plant));
      d.structure = structureOf.apply(plant);
      d.outputs = outputsOf.apply(plant);
    }
    progress.phase("LOADING", 5);
    check(progress);
    List<PlanReceipt> receipts = new ArrayList<>();
    List<ForecastLine> forecasts = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    List<Allocation> allocations = new ArrayList<>();
    for (int k = 0; k < plants.size(); k++) {
      long high = (long) k << ITEM_SHIFT;
      long plant = plants.get(k);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, material_id, due_date, quantity, reference FROM scheduled_receipt"
                  + " WHERE plant_id = ? ORDER BY id")) {
        ps.setFetchSize(FETCH);
        ps.setLong(1, plant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            receipts.add(
                new PlanReceipt(
                    rs.getLong(1),
                    high | item(rs.getLong(2)),
                    rs.getDate(3).toLocalDate(),
                    rs.getDouble(4),
                    rs.getString(5)));
          }
        }
      }
      // Open work orders: their remaining output is supply (ids negated so that they never meet a
      // scheduled receipt's id), their components still to be issued are demand.
      for (OpenOrderSource.OpenOrder o : openOrdersOf.apply(plant)) {
        if (o.remaining() > 0) {
          receipts.add(
              new PlanReceipt(
                  -o.id(), high | item(o.materialId()), o.dueDate(), o.remaining(), o.reference()));
        }
        for (OpenOrderSource.ComponentNeed n : o.components()) {
          if (n.quantity() > 0) {
            allocations.add(
                new Allocation(
                    "WORK_ORDER",
                    n.lineId(),
                    high | item(n.materialId()),
                    o.startDate(),
                    n.quantity(),
                    o.reference()));
          }
        }
      }
      // A group's forecast split, in material id order (the last takes the remainder).
      Map<Long, List<ForecastSpread.Share>> splits = new HashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT group_id, material_id, percent FROM forecast_split WHERE plant_id = ?"
                  + " ORDER BY group_id, material_id")) {
        ps.setLong(1, plant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            splits
                .computeIfAbsent(rs.getLong(1), g -> new ArrayList<>())
                .add(new ForecastSpread.Share(high | item(rs.getLong(2)), rs.getDouble(3)));
          }
        }
      }
      // Forecasts as entered (a material or a group over a day, week or month) become daily
      // material lines that keep the forecast's id; a group without a split (removed since) is
      // not planned.
      LocalDate horizonEnd = spec.planStart().plusDays(spec.horizonDays());
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, material_id, forecast_date, quantity, period, material_group_id"
                  + " FROM forecast WHERE plant_id = ? ORDER BY id")) {
        ps.setFetchSize(FETCH);
        ps.setLong(1, plant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long id = rs.getLong(1);
            long material = rs.getLong(2);
            boolean group = rs.wasNull();
            LocalDate date = rs.getDate(3).toLocalDate();
            double quantity = rs.getDouble(4);
            ForecastSpread.Period period = ForecastSpread.Period.valueOf(rs.getString(5));
            List<ForecastSpread.Share> shares;
            if (group) {
              shares = splits.get(rs.getLong(6));
              if (shares == null) {
                continue;
              }
            } else if (period == ForecastSpread.Period.DAY) {
              forecasts.add(new ForecastLine(id, high | item(material), date, quantity));
              continue;
            } else {
              shares = ForecastSpread.material(high | item(material));
            }
            forecasts.addAll(
                ForecastSpread.spread(
                    id,
                    shares,
                    date,
                    period,
                    quantity,
                    spec.planStart(),
                    horizonEnd,
                    calendar::isWorkingDay));
          }
        }
      }
      progress.phase("LOADING", 10);
      check(progress);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, material_id, requested_date, quantity, priority, make_to_order, order_no,"
                  + " line_no, customer FROM sales_order_line WHERE plant_id = ?"
                  + " AND status = 'OPEN'"
                  + " ORDER BY id")) {
        ps.setFetchSize(FETCH);
        ps.setLong(1, plant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            orders.add(
                new Order(
                    rs.getLong(1),
                    high | item(rs.getLong(2)),
                    rs.getDate(3).toLocalDate(),
                    rs.getDouble(4),
                    rs.getInt(5),
                    rs.getBoolean(6),
                    "SO " + rs.getString(7) + "/" + rs.getInt(8),
                    rs.getString(7),
                    rs.getString(9)));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, material_id, required_date, quantity, reference FROM material_allocation"
                  + " WHERE plant_id = ? ORDER BY id")) {
        ps.setFetchSize(FETCH);
        ps.setLong(1, plant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            allocations.add(
                new Allocation(
                    "ALLOCATION",
                    rs.getLong(1),
                    high | item(rs.getLong(2)),
                    rs.getDate(3).toLocalDate(),
                    rs.getDouble(4),
                    rs.getString(5)));
          }
        }
      }
    }
    progress.phase("CONSUMING", 20);
    check(progress);

    boolean mps = "MPS".equals(spec.scope());
    // Items: per plant every material of its structure, parameters, demand and receipts, and in a
    // source plant every material transferred from it.
    TreeSet<Long> items = new TreeSet<>();
    Set<Long> phantomLine = new HashSet<>();
    Map<Long, Param> paramOf = new HashMap<>();
    for (int k = 0; k < plants.size(); k++) {
      long high = (long) k << ITEM_SHIFT;
      PlantData d = data.get(k);
      d.structure.forEach(
          (parent, lines) -> {
            items.add(high | item(parent));
            for (BomLine l : lines) {
              items.add(high | item(l.componentId()));
              if (l.phantom()) {
                phantomLine.add(high | l.componentId());
              }
            }
          });
      d.outputs.forEach(
          (parent, outs) -> {
            for (BomOutput o : outs) {
              items.add(high | item(o.materialId()));
            }
          });
      for (Map.Entry<Long, Param> e : d.params.entrySet()) {
        long id = high | item(e.getKey());
        items.add(id);
        paramOf.put(id, e.getValue());
        if (e.getValue().source() != null) {
          items.add(((long) plantIndex.get(e.getValue().source()) << ITEM_SHIFT) | e.getKey());
        }
      }
    }
    forecasts.forEach(f -> items.add(f.materialId()));
    orders.forEach(o -> items.add(o.item()));
    receipts.forEach(r -> items.add(r.materialId()));
    if (mps) {
      items.removeIf(m -> paramOf.get(m) == null || !paramOf.get(m).mps());
    }
    // Substitution groups of each plant whose primary the run plans: their substitutes are planned
    // too. Only single-material primaries without a customer or order scope other than
    // DESIGNATED's are planned with (n:1 and group substitution are left to the planner); none in
    // an MPS run.
    List<Substitution> groups = new ArrayList<>();
    for (int k = 0; k < plants.size() && !mps; k++) {
      long high = (long) k << ITEM_SHIFT;
      for (StoredSubstitutionGroup g : substitutionsOf.apply(plants.get(k))) {
        Substitution sub = Substitution.of(k, high, g, items, paramOf, phantomLine);
        if (sub != null) {
          groups.add(sub);
          for (Substitute set : g.substitutes()) {
            for (SubstitutePart part : set.parts()) {
              items.add(high | item(part.materialId()));
            }
          }
        }
      }
    }

    List<PlanItem> planItems = new ArrayList<>(items.size());
    for (long id : items) {
      Param p = paramOf.get(id);
      double stock =
          data.get((int) (id >>> ITEM_SHIFT)).onHand.getOrDefault(id & MATERIAL_MASK, 0.0);
      if (p == null) {
        planItems.add(
            new PlanItem(
                id,
                0,
                LotSizing.LOT_FOR_LOT,
                0,
                0,
                0,
                0,
                0,
                0,
                stock,
                0,
                phantomLine.contains(id),
                spec.planningFenceDays()));
      } else {
        planItems.add(
            new PlanItem(
                id,
                p.lead(),
                p.lot(),
                p.fixed(),
                p.period(),
                p.min(),
                p.max(),
                p.mult(),
                p.safety(),
                stock,
                p.yield(),
                p.phantom() || phantomLine.contains(id),
                p.planningFence() > 0 ? p.planningFence() : spec.planningFenceDays(),
                p.safetySteps()));
      }
    }
    List<PlanBomLine> bom = new ArrayList<>();
    for (int k = 0; k < plants.size(); k++) {
      long high = (long) k << ITEM_SHIFT;
      data.get(k)
          .structure
          .forEach(
              (parent, lines) -> {
                long id = high | parent;
                Param p = paramOf.get(id);
                if (!items.contains(id) || p != null && !"MAKE".equals(p.procurement())) {
                  return; // bought or transferred: the supplier's BOM is not planned here
                }
                for (BomLine l : lines) {
                  if (items.contains(high | l.componentId())) {
                    bom.add(
                        new PlanBomLine(
                            id, high | l.componentId(), l.quantityPer(), l.scrapPercent()));
                  }
                }
              });
    }
    // Co- and by-products of what a plant makes come out of its planned orders.
    List<PlanOutput> outputs = new ArrayList<>();
    for (int k = 0; k < plants.size(); k++) {
      long high = (long) k << ITEM_SHIFT;
      data.get(k)
          .outputs
          .forEach(
              (parent, outs) -> {
                long id = high | parent;
                Param p = paramOf.get(id);
                if (!items.contains(id) || p != null && !"MAKE".equals(p.procurement())) {
                  return;
                }
                for (BomOutput o : outs) {
                  long out = high | o.materialId();
                  if (items.contains(out) && out != id && o.quantityPer().signum() > 0) {
                    outputs.add(new PlanOutput(id, out, o.quantityPer().doubleValue()));
                  }
                }
              });
    }
    // A transferred material: its orders are transfer orders, a requirement on the source plant.
    paramOf.forEach(
        (id, p) -> {
          if (p.source() != null) {
            long source = ((long) plantIndex.get(p.source()) << ITEM_SHIFT) | (id & MATERIAL_MASK);
            if (items.contains(id) && items.contains(source)) {
              bom.add(new PlanBomLine(id, source, 1, 0));
            }
          }
        });

    // Strategy: the lines of MTO and ATO items are make-to-order; an MTO item's forecast is not
    // planned, an ATO item's is consumed by all its lines and the rest passed to its components.
    Set<Long> ato = new HashSet<>();
    Set<Long> mto = new HashSet<>();
    paramOf.forEach(
        (id, p) -> {
          if ("MTO".equals(p.strategy())) {
            mto.add(id);
          } else if ("ATO".equals(p.strategy()) && "MAKE".equals(p.procurement()) && !p.phantom()) {
            ato.add(id);
          }
        });
    orders.replaceAll(
        o ->
            !o.mto() && (mto.contains(o.item()) || ato.contains(o.item()))
                ? new Order(
                    o.id(),
                    o.item(),
                    o.date(),
                    o.quantity(),
                    o.priority(),
                    true,
                    o.reference(),
                    o.orderNo(),
                    o.customer())
                : o);
    // Demand: every open order line; forecasts less what the make-to-stock (and ATO) lines
    // consumed.
    List<SalesOrderLine> consuming = new ArrayList<>();
    for (Order o : orders) {
      if ((!o.mto() || ato.contains(o.item())) && items.contains(o.item())) {
        consuming.add(new SalesOrderLine(o.id(), o.item(), o.date(), o.quantity(), o.priority()));
      }
    }
    List<ForecastLine> planned = new ArrayList<>();
    for (ForecastLine f : forecasts) {
      if (items.contains(f.materialId()) && !mto.contains(f.materialId())) {
        planned.add(f);
      }
    }
    ForecastConsumption consumption =
        ForecastConsumer.consume(planned, consuming, spec.backwardDays(), spec.forwardDays());
    List<Demand> demands = new ArrayList<>();
    List<Order> sorted = new ArrayList<>(orders);
    sorted.sort(
        Comparator.comparingLong(Order::item)
            .thenComparing(Order::date)
            .thenComparingInt(Order::priority)
            .thenComparingLong(Order::id));
    for (Order o : sorted) {
      if (items.contains(o.item())) {
        demands.add(
            new Demand(
                demands.size() + 1,
                "SALES_ORDER",
                o.id(),
                o.item(),
                o.date(),
                o.quantity(),
                o.reference(),
                o.mto()));
      }
    }
    for (Allocation a : allocations) {
      if (items.contains(a.item()) && a.quantity() > 0) {
        demands.add(
            new Demand(
                demands.size() + 1,
                a.source(),
                a.id(),
                a.item(),
                a.date(),
                a.quantity(),
                a.reference(),
                false));
      }
    }
    List<ForecastLine> atoForecasts = new ArrayList<>();
    for (ForecastLine f : consumption.remaining()) {
      Param p = paramOf.get(f.materialId());
      int fence = p != null && p.demandFence() > 0 ? p.demandFence() : spec.demandFenceDays();
      if (fence > 0 && f.date().isBefore(spec.planStart().plusDays(fence))) {
        continue; // inside the demand time fence only customer orders count
      }
      if (ato.contains(f.materialId())) {
        atoForecasts.add(f);
        continue;
      }
      demands.add(
          new Demand(
              demands.size() + 1,
              "FORECAST",
              f.id(),
              f.materialId(),
              f.date(),
              f.quantity(),
              "FC " + f.id(),
              false));
    }
    if (!atoForecasts.isEmpty()) {
      List<AssembleToOrder.Assembly> assemblies = new ArrayList<>();
      for (long id : ato) {
        Param p = paramOf.get(id);
        assemblies.add(new AssembleToOrder.Assembly(id, p.lead(), p.yield() > 0 ? p.yield() : 100));
      }
      for (AssembleToOrder.Requirement q :
          AssembleToOrder.explode(atoForecasts, assemblies, bom, calendar)) {
        demands.add(
            new Demand(
                demands.size() + 1,
                "FORECAST",
                q.forecastId(),
                q.componentId(),
                q.date(),
                q.quantity(),
                "FC " + q.forecastId() + " ATO",
                false));
      }
    }
    List<PlanSubstitution> substitutions = new ArrayList<>();
    for (Substitution sub : groups) {
      substitutions.addAll(sub.rows(orders));
    }
    List<PlanDemand> planDemands = new ArrayList<>(demands.size());
    for (Demand d : demands) {
      planDemands.add(
          new PlanDemand(d.id(), d.item(), d.date(), d.quantity(), d.reference(), d.makeToOrder()));
    }
    List<PlanReceipt> planReceipts = new ArrayList<>();
    for (PlanReceipt r : receipts) {
      if (items.contains(r.materialId())) {
        planReceipts.add(r);
      }
    }
    return new Loaded(
        new MrpInput(
            planItems,
            bom,
            planDemands,
            planReceipts,
            calendar,
            spec.planStart(),
            spec.horizonDays(),
            outputs,
            substitutions),
        demands,
        List.copyOf(plants),
        procurementOf(paramOf));
  }

  /** A substitution group of plant index {@code plant} that the run plans with. */
  private record Substitution(int plant, long high, StoredSubstitutionGroup group) {
    /** The group when MRP can plan with it, else null. */
    static Substitution of(
        int plant,
        long high,
        StoredSubstitutionGroup g,
        Set<Long> items,
        Map<Long, Param> params,
        Set<Long> phantomLine) {
      if (g.primary().size() != 1 || g.substitutes().isEmpty()) {
        return null;
      }
      if (g.strategy() != SubstitutionStrategy.DESIGNATED
          && (g.customer() != null || g.orderRef() != null)) {
        return null;
      }
      long primary = high | g.primary().get(0).materialId();
      if (!items.contains(primary) || phantom(primary, params, phantomLine)) {
        return null;
      }
      if (g.parentMaterialId() != null && !items.contains(high | g.parentMaterialId())) {
        return null;
      }
      for (Substitute set : g.substitutes()) {
        for (SubstitutePart part : set.parts()) {
          if (phantom(high | part.materialId(), params, phantomLine)) {
            return null;
          }
        }
      }
      return new Substitution(plant, high, g);
    }

    private static boolean phantom(long item, Map<Long, Param> params, Set<Long> phantomLine) {
      Param p = params.get(item);
      return phantomLine.contains(item) || p != null && p.phantom();
    }

    /** The engine's rows: one per substitute set valid at some date, quantities per primary. */
    List<PlanSubstitution> rows(List<Order> orders) {
      StoredSubstitutionGroup g = group;
      double perSet = g.primary().get(0).quantity();
      Set<String> designated = new HashSet<>();
      if (g.strategy() == SubstitutionStrategy.DESIGNATED) {
        for (Order o : orders) {
          if (o.item() >>> ITEM_SHIFT == plant
              && (g.orderRef() == null || g.orderRef().equals(o.orderNo()))
              && (g.customer() == null || g.customer().equals(o.customer()))) {
            designated.add(o.reference());
          }
        }
      }
      List<PlanSubstitution> out = new ArrayList<>();
      for (Substitute set : g.substitutes()) {
        LocalDate from = later(g.validFrom(), set.validFrom());
        LocalDate to = earlier(g.validTo(), set.validTo());
        if (from != null && to != null && !from.isBefore(to)) {
          continue; // never valid
        }
        List<PlanSubstitutePart> parts = new ArrayList<>();
        for (SubstitutePart part : set.parts()) {
          parts.add(new PlanSubstitutePart(high | part.materialId(), part.quantity() / perSet));
        }
        out.add(
            new PlanSubstitution(
                high | g.id(),
                g.parentMaterialId() == null ? 0 : high | g.parentMaterialId(),
                high | g.primary().get(0).materialId(),
                g.strategy().name(),
                set.priority(),
                parts,
                from,
                to,
                designated));
      }
      return out;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
      return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
      return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
  }

  private static Map<Long, String> procurementOf(Map<Long, Param> params) {
    Map<Long, String> out = new HashMap<>();
    params.forEach((id, p) -> out.put(id, p.procurement()));
    return out;
  }

  /** A material id as the low bits of an item id. */
  private static long item(long materialId) {
    if (materialId < 0 || materialId > MATERIAL_MASK) {
      throw new IllegalStateException("material id out of range for planning: " + materialId);
    }
    return materialId;
  }

  private static void loadParams(Connection c, PlantData d) throws SQLException {
    Map<Long, List<SafetyStockLevel>> steps = PlanData.safetyStockSteps(c, d.plant);
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM plan_parameter WHERE plant_id = ?")) {
      ps.setLong(1, d.plant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          d.params.put(
              rs.getLong("material_id"),
              new Param(
                  rs.getString("procurement"),
                  "TRANSFER".equals(rs.getString("procurement"))
                      ? PlanData.nullableLong(rs, "source_plant_id")
                      : null,
                  rs.getInt("lead_time_days"),
                  LotSizing.valueOf(rs.getString("lot_sizing")),
                  rs.getDouble("fixed_quantity"),
                  rs.getInt("period_days"),
                  rs.getDouble("minimum_quantity"),
                  rs.getDouble("maximum_quantity"),
                  rs.getDouble("multiple_quantity"),
                  rs.getDouble("safety_stock"),
                  rs.getDouble("yield_percent"),
                  rs.getBoolean("phantom"),
                  rs.getBoolean("mps"),
                  rs.getInt("demand_fence_days"),
                  rs.getInt("planning_fence_days"),
                  rs.getString("strategy"),
                  steps.getOrDefault(rs.getLong("material_id"), List.of()).stream()
                      .map(s -> new SafetyStockStep(s.from(), s.quantity()))
                      .toList()));
        }
      }
    }
  }

  private static void check(Progress progress) {
    if (progress.cancelled()) {
      throw new CancellationException("cancelled");
    }
  }

  static MrpResult plan(Loaded loaded, Progress progress) {
    progress.phase("PLANNING", 25);
    check(progress);
    return MrpEngine.run(loaded.input());
  }

  private static final String[] SUPPLY_CODES = {
    Pegging.ON_HAND, Pegging.RECEIPT, Pegging.PLANNED, Pegging.CO_PRODUCT
  };
  private static final String[] DEMAND_CODES = {
    Pegging.DEMAND, Pegging.DEPENDENT, Pegging.SAFETY_STOCK
  };

  static short supplyCode(String kind) {
    for (short i = 0; i < SUPPLY_CODES.length; i++) {
      if (SUPPLY_CODES[i].equals(kind)) {
        return i;
      }
    }
    throw new IllegalArgumentException(kind);
  }

  static short demandCode(String kind) {
    for (short i = 0; i < DEMAND_CODES.length; i++) {
      if (DEMAND_CODES[i].equals(kind)) {
        return i;
      }
    }
    throw new IllegalArgumentException(kind);
  }

  static String supplyKind(int code) {
    return SUPPLY_CODES[code];
  }

  static String demandKind(int code) {
    return DEMAND_CODES[code];
  }

  /** How a save went: COPY or batches, and milliseconds per table. */
  record Saved(
      boolean copied,
      long demandMillis,
      long orderMillis,
      long peggingMillis,
      long messageMillis) {}

  /** Writes the results of run {@code runId} on the caller's transaction. */
  static Saved save(Connection c, long runId, Loaded loaded, MrpResult result, Progress progress)
      throws SQLException {
    boolean postgres = Sql.postgres(c);
    long total =
        (long) loaded.demands().size()
            + result.plannedOrders().size()
            + result.pegging().size()
            + result.messages().size();
    long[] done = {0};
    Runnable tick =
        () -> {
          done[0]++;
          if ((done[0] & 0xFFFF) == 0) {
            check(progress);
            progress.phase("SAVING", 50 + (int) (49 * done[0] / Math.max(1, total)));
          }
        };
    boolean copied;
    long[] at = new long[5];
    at[0] = System.nanoTime();
    Free free = Free.of(loaded, result);
    try (Bulk b =
        Bulk.open(
            c,
            postgres,
            "plan_demand",
            "run_id:i8",
            "demand_id:i8",
            "plant_id:i8",
            "source:text",
            "source_id:i8",
            "material_id:i8",
            "demand_date:date",
            "quantity:f8",
            "reference:text")) {
      for (Demand d : loaded.demands()) {
        b.add(runId)
            .add(d.id())
            .add(loaded.plantOf(d.item()))
            .add(d.source())
            .add(d.sourceId())
            .add(Loaded.materialOf(d.item()))
            .add(d.date())
            .add(d.quantity())
            .add(d.reference())
            .endRow();
        tick.run();
      }
      copied = b.copying();
    }
    at[1] = System.nanoTime();
    try (Bulk b =
        Bulk.open(
            c,
            postgres,
            "planned_order",
            "run_id:i8",
            "order_id:i8",
            "plant_id:i8",
            "material_id:i8",
            "release_date:date",
            "due_date:date",
            "quantity:f8",
            "free_quantity:f8")) {
      for (PlannedOrder o : result.plannedOrders()) {
        b.add(runId)
            .add(o.id())
            .add(loaded.plantOf(o.materialId()))
            .add(Loaded.materialOf(o.materialId()))
            .add(o.releaseDate())
            .add(o.dueDate())
            .add(o.quantity())
            .add(free.order(o))
            .endRow();
        tick.run();
      }
    }
    at[2] = System.nanoTime();
    try (Bulk b =
        Bulk.open(
            c,
            postgres,
            "plan_pegging",
            "run_id:i8",
            "plant_id:i8",
            "material_id:i8",
            "supply_kind:i2",
            "supply_id:i8",
            "demand_kind:i2",
            "demand_id:i8",
            "quantity:f8")) {
      for (Pegging p : result.pegging()) {
        b.add(runId)
            .add(loaded.plantOf(p.materialId()))
            .add(Loaded.materialOf(p.materialId()))
            .add(supplyCode(p.supplyKind()))
            .add(p.supplyId())
            .add(demandCode(p.demandKind()))
            .add(p.demandId())
            .add(p.quantity())
            .endRow();
        tick.run();
      }
    }
    at[3] = System.nanoTime();
    try (Bulk b =
        Bulk.open(
            c,
            postgres,
            "plan_message",
            "run_id:i8",
            "seq:i4",
            "plant_id:i8",
            "material_id:i8",
            "kind:text",
            "message_date:date",
            "reference_id:i8",
            "message:text")) {
      int seq = 0;
      for (MrpMessage m : result.messages()) {
        b.add(runId)
            .add(++seq)
            .add(loaded.plantOf(m.materialId()))
            .add(Loaded.materialOf(m.materialId()))
            .add(m.kind())
            .add(m.date())
            .add(m.referenceId())
            .add(m.message().length() > 400 ? m.message().substring(0, 400) : m.message())
            .endRow();
        tick.run();
      }
    }
    // What the run started from: on hand and safety stock per item, the receipts.
    try (Bulk b =
        Bulk.open(
            c,
            postgres,
            "plan_item",
            "run_id:i8",
            "plant_id:i8",
            "material_id:i8",
            "procurement:text",
            "lead_time_days:i4",
            "on_hand:f8",
            "free_on_hand:f8",
            "safety_stock:f8")) {
      for (PlanItem it : loaded.input().items()) {
        b.add(runId)
            .add(loaded.plantOf(it.materialId()))
            .add(Loaded.materialOf(it.materialId()))
            .add(loaded.procurement().getOrDefault(it.materialId(), "MAKE"))
            .add(it.leadTimeDays())
            .add(it.onHand())
            .add(free.onHand(it))
            .add(it.phantom() ? 0 : it.safetyStock())
            .endRow();
      }
    }
    try (Bulk b =
        Bulk.open(
            c,
            postgres,
            "plan_receipt",
            "run_id:i8",
            "receipt_id:i8",
            "plant_id:i8",
            "material_id:i8",
            "due_date:date",
            "quantity:f8",
            "free_quantity:f8",
            "reference:text")) {
      for (PlanReceipt r : loaded.input().receipts()) {
        b.add(runId)
            .add(r.id())
            .add(loaded.plantOf(r.materialId()))
            .add(Loaded.materialOf(r.materialId()))
            .add(r.date())
            .add(r.quantity())
            .add(free.receipt(r))
            .add(r.reference())
            .endRow();
      }
    }
    saveCoProducts(c, postgres, runId, loaded, result, free);
    at[4] = System.nanoTime();
    return new Saved(
        copied,
        (at[1] - at[0]) / 1_000_000,
        (at[2] - at[1]) / 1_000_000,
        (at[3] - at[2]) / 1_000_000,
        (at[4] - at[3]) / 1_000_000);
  }

  /**
   * The co- and by-products the planned orders yield, as the engine plans them: each order of P
   * with good output g yields g × quantityPer of each output C of P on its due date (within the
   * horizon); free is what no requirement of C took.
   */
  private static void saveCoProducts(
      Connection c, boolean postgres, long runId, Loaded loaded, MrpResult result, Free free)
      throws SQLException {
    MrpInput in = loaded.input();
    if (in.outputs().isEmpty()) {
      return;
    }
    Map<Long, List<PlanOutput>> outputsOf = new HashMap<>();
    for (PlanOutput o : in.outputs()) {
      outputsOf.computeIfAbsent(o.parentMaterialId(), k -> new ArrayList<>()).add(o);
    }
    LocalDate end = in.planStart().plusDays(in.horizonDays());
    try (Bulk b =
        Bulk.open(
            c,
            postgres,
            "plan_co_product",
            "run_id:i8",
            "plant_id:i8",
            "material_id:i8",
            "order_id:i8",
            "due_date:date",
            "quantity:f8",
            "free_quantity:f8")) {
      for (PlannedOrder o : result.plannedOrders()) {
        List<PlanOutput> outs = outputsOf.get(o.materialId());
        if (outs == null || !o.dueDate().isBefore(end)) {
          continue;
        }
        double good = o.quantity() * free.yieldOf().getOrDefault(o.materialId(), 1.0);
        // Several outputs of one parent to the same material add up into one row.
        Map<Long, Double> byMaterial = new java.util.TreeMap<>();
        for (PlanOutput out : outs) {
          byMaterial.merge(out.outputMaterialId(), good * out.quantityPer(), Double::sum);
        }
        for (Map.Entry<Long, Double> e : byMaterial.entrySet()) {
          b.add(runId)
              .add(loaded.plantOf(e.getKey()))
              .add(Loaded.materialOf(e.getKey()))
              .add(o.id())
              .add(o.dueDate())
              .add(e.getValue())
              .add(free.coProduct(o.id(), e.getKey(), e.getValue()))
              .endRow();
        }
      }
    }
  }

  /**
   * Good output of each supply not pegged to any requirement: what order promising may still give
   * away. One pass over the pegging; orders by id, receipts and stock by material.
   */
  private record Free(
      double[] orderPegged,
      Map<Long, Double> receiptPegged,
      Map<Long, Double> stockPegged,
      Map<Long, Double> yieldOf,
      Map<Long, Map<Long, Double>> coProductPegged) {

    static Free of(Loaded loaded, MrpResult result) {
      // Ids are 1..n after a regenerative run, sparse after net changes.
      long maxId = 0;
      for (PlannedOrder o : result.plannedOrders()) {
        maxId = Math.max(maxId, o.id());
      }
      double[] orders = new double[(int) maxId + 1];
      Map<Long, Double> receipts = new HashMap<>();
      Map<Long, Double> stock = new HashMap<>();
      Map<Long, Map<Long, Double>> coProducts = new HashMap<>();
      for (Pegging p : result.pegging()) {
        switch (p.supplyKind()) {
          case Pegging.PLANNED -> orders[(int) p.supplyId()] += p.quantity();
          case Pegging.RECEIPT -> receipts.merge(p.supplyId(), p.quantity(), Double::sum);
          case Pegging.ON_HAND -> {
            // supply id 0: stock on hand; above: safety stock released by a lower step later on
            if (p.supplyId() == 0) {
              stock.merge(p.materialId(), p.quantity(), Double::sum);
            }
          }
          case Pegging.CO_PRODUCT ->
              coProducts
                  .computeIfAbsent(p.supplyId(), k -> new HashMap<>())
                  .merge(p.materialId(), p.quantity(), Double::sum);
          default -> throw new IllegalStateException("supply kind " + p.supplyKind());
        }
      }
      Map<Long, Double> yields = new HashMap<>();
      for (PlanItem it : loaded.input().items()) {
        double y = it.yieldPercent();
        yields.put(it.materialId(), y <= 0 || y >= 100 ? 1.0 : y / 100);
      }
      return new Free(orders, receipts, stock, yields, coProducts);
    }

    double order(PlannedOrder o) {
      double good = o.quantity() * yieldOf.getOrDefault(o.materialId(), 1.0);
      int id = (int) o.id();
      return clean(good - (id < orderPegged.length ? orderPegged[id] : 0));
    }

    double receipt(PlanReceipt r) {
      return clean(r.quantity() - receiptPegged.getOrDefault(r.id(), 0.0));
    }

    /** What no requirement took of the co-product {@code item} of planned order {@code order}. */
    double coProduct(long order, long item, double quantity) {
      Map<Long, Double> pegged = coProductPegged.get(order);
      return clean(quantity - (pegged == null ? 0 : pegged.getOrDefault(item, 0.0)));
    }

    double onHand(PlanItem it) {
      return clean(it.onHand() - stockPegged.getOrDefault(it.materialId(), 0.0));
    }

    private static double clean(double v) {
      return v > 1e-9 * Math.max(1, Math.abs(v)) ? v : 0;
    }
  }
}
