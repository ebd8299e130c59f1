package io.tianshu.exchange.internal;

import io.tianshu.exchange.ExchangeDocument;
import io.tianshu.resource.CalendarDay;
import io.tianshu.resource.EfficiencyPeriod;
import io.tianshu.resource.Shift;
import io.tianshu.routing.OperationLink;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked import, every reference resolved to a {@link Ref}: what the writer inserts, in order.
 * Owner refs are null for group-owned records.
 */
public final class ImportPlan {
  public record PlantPlan(Ref ref, String code, String name, String nameEn) {}

  public record UnitPlan(
      Ref ref,
      Ref plant,
      Ref parent,
      String type,
      int level,
      String code,
      String name,
      String nameEn) {}

  public record MaterialPlan(
      Ref ref,
      Ref owner,
      String code,
      String name,
      String nameEn,
      String type,
      String baseUnit,
      String status) {}

  public record CalendarPlan(
      Ref ref,
      Ref plant,
      String code,
      String name,
      boolean plantDefault,
      List<Shift> shifts,
      List<CalendarDay> days,
      List<EfficiencyPeriod> efficiencies) {}

  public record CapacityPlan(
      Ref plant, Ref workCenter, Ref calendar, int parallelUnits, BigDecimal utilisationPercent) {}

  public record ResourcePlan(
      Ref ref,
      Ref plant,
      String code,
      String name,
      String type,
      String status,
      Ref workCenter,
      Ref calendar,
      int units,
      Integer cavities,
      Long lifeCycles) {}

  public record WarehousePlan(
      Ref ref, Ref plant, String code, String name, String nameEn, boolean allowNegative) {}

  public record LocationPlan(Ref ref, Ref warehouse, Ref plant, String code, String name) {}

  public record LinePlan(
      int lineNo,
      Ref component,
      BigDecimal quantityPer,
      BigDecimal scrapPercent,
      boolean phantom,
      String operationRef) {}

  public record OutputPlan(
      int lineNo, Ref material, BigDecimal quantityPer, String kind, BigDecimal costShare) {}

  public record BomPlan(
      Ref ref,
      Ref owner,
      Ref parent,
      String view,
      String revision,
      LocalDate validFrom,
      LocalDate validTo,
      List<LinePlan> lines,
      List<OutputPlan> outputs,
      String serialFrom,
      String serialTo,
      List<Ref> allocatedPlants) {}

  public record AlternativePlan(Ref workCenter, BigDecimal runMinutes) {}

  public record OperationPlan(
      int opNo,
      String description,
      Ref workCenter,
      BigDecimal setupMinutes,
      BigDecimal runMinutes,
      BigDecimal queueMinutes,
      BigDecimal moveMinutes,
      boolean outsourced,
      List<OperationLink> predecessors,
      List<AlternativePlan> alternatives) {}

  public record RoutingPlan(
      Ref ref,
      Ref plant,
      Ref material,
      String revision,
      String description,
      LocalDate validFrom,
      LocalDate validTo,
      List<OperationPlan> operations) {}

  public record StockPlan(
      Ref plant,
      Ref location,
      Ref material,
      String unit,
      String lot,
      String serial,
      String status,
      BigDecimal quantity) {}

  /**
   * Planning parameters; {@code exists}: the plant and material have parameters already, which are
   * replaced (their version goes up by one).
   */
  public record ParameterPlan(
      Ref plant,
      Ref material,
      String materialCode,
      boolean exists,
      String procurement,
      int leadTimeDays,
      String lotSizing,
      BigDecimal fixedQuantity,
      int periodDays,
      BigDecimal minimumQuantity,
      BigDecimal maximumQuantity,
      BigDecimal multipleQuantity,
      BigDecimal safetyStock,
      BigDecimal yieldPercent,
      boolean phantom,
      boolean mps,
      Ref sourcePlant,
      int demandFenceDays,
      int planningFenceDays,
      String strategy,
      List<ExchangeDocument.SafetyStockStep> safetyStockSteps) {}

  public record ForecastPlan(
      Ref ref,
      Ref plant,
      Ref material,
      String materialCode,
      LocalDate date,
      BigDecimal quantity,
      String customer,
      String channel,
      String region,
      String period) {}

  public record SalesOrderPlan(
      Ref ref,
      Ref plant,
      String orderNo,
      int lineNo,
      String customer,
      Ref material,
      String materialCode,
      LocalDate requestedDate,
      BigDecimal quantity,
      int priority,
      boolean makeToOrder,
      String status) {}

  public record ReceiptPlan(
      Ref ref,
      Ref plant,
      String kind,
      String reference,
      Ref material,
      String materialCode,
      LocalDate dueDate,
      BigDecimal quantity) {}

  final List<PlantPlan> plants = new ArrayList<>();
  final List<UnitPlan> units = new ArrayList<>();
  final List<MaterialPlan> materials = new ArrayList<>();
  final List<CalendarPlan> calendars = new ArrayList<>();
  final List<CapacityPlan> capacities = new ArrayList<>();
  final List<ResourcePlan> resources = new ArrayList<>();
  final List<WarehousePlan> warehouses = new ArrayList<>();
  final List<LocationPlan> locations = new ArrayList<>();
  final List<BomPlan> boms = new ArrayList<>();
  final List<RoutingPlan> routings = new ArrayList<>();
  final List<StockPlan> stock = new ArrayList<>();
  final List<ParameterPlan> parameters = new ArrayList<>();
  final List<ForecastPlan> forecasts = new ArrayList<>();
  final List<SalesOrderPlan> salesOrders = new ArrayList<>();
  final List<ReceiptPlan> receipts = new ArrayList<>();

  /**
   * Records created per section, in document order of sections ({@code planParameters} counts the
   * parameters created or replaced).
   */
  public Map<String, Integer> counts() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("plants", plants.size());
    m.put("units", units.size());
    m.put("materials", materials.size());
    m.put("calendars", calendars.size());
    m.put("capacities", capacities.size());
    m.put("resources", resources.size());
    m.put("warehouses", warehouses.size());
    m.put("locations", locations.size());
    m.put("boms", boms.size());
    m.put("bomLines", boms.stream().mapToInt(b -> b.lines().size()).sum());
    m.put("routings", routings.size());
    m.put("stock", stock.size());
    m.put("planParameters", parameters.size());
    m.put("forecasts", forecasts.size());
    m.put("salesOrders", salesOrders.size());
    m.put("receipts", receipts.size());
    return m;
  }
}
