package io.tianshu.exchange;

import io.tianshu.resource.CalendarDay;
import io.tianshu.resource.EfficiencyPeriod;
import io.tianshu.resource.Shift;
import io.tianshu.routing.OperationLink;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A Tianshu exchange document, format {@value #FORMAT}. Records refer to each other by code: a
 * {@code plant} is a plant code (absent: the group), a material by its code within its owner (a
 * plant's own materials first, then the group's), a work centre, calendar or warehouse by its code
 * within the plant. Every section is optional; an import creates records and never changes existing
 * ones, except planning parameters, which replace those of the same plant and material. Documented
 * with a sample in docs/exchange.md.
 */
public record ExchangeDocument(
    String format,
    List<Plant> plants,
    List<Material> materials,
    List<Bom> boms,
    List<Calendar> calendars,
    List<Resource> resources,
    List<Capacity> capacities,
    List<Routing> routings,
    List<Warehouse> warehouses,
    List<Stock> stock,
    List<PlanParameter> planParameters,
    List<Forecast> forecasts,
    List<SalesOrder> salesOrders,
    List<Receipt> receipts) {

  public static final String FORMAT = "tianshu-exchange/1";

  /** A document without planning data (the sections before planning was added). */
  public ExchangeDocument(
      String format,
      List<Plant> plants,
      List<Material> materials,
      List<Bom> boms,
      List<Calendar> calendars,
      List<Resource> resources,
      List<Capacity> capacities,
      List<Routing> routings,
      List<Warehouse> warehouses,
      List<Stock> stock) {
    this(
        format,
        plants,
        materials,
        boms,
        calendars,
        resources,
        capacities,
        routings,
        warehouses,
        stock,
        null,
        null,
        null,
        null);
  }

  /** A plant and its units; {@code parent} of a unit is the code of a unit one level up. */
  public record Plant(String code, String name, String nameEn, List<Unit> units) {}

  /** A workshop, line or work centre. */
  public record Unit(String type, String code, String name, String nameEn, String parent) {}

  public record Material(
      String code,
      String name,
      String nameEn,
      String type,
      String baseUnit,
      String plant,
      String status) {}

  /**
   * A BOM version. {@code serialFrom}/{@code serialTo}: end-item serial effectivity (inclusive,
   * either end open); {@code allocatedPlants}: the plants a group BOM applies in (absent: all);
   * {@code outputs}: co- and by-products.
   */
  public record Bom(
      String parent,
      String plant,
      String view,
      String revision,
      LocalDate validFrom,
      LocalDate validTo,
      List<BomLine> lines,
      List<BomOutput> outputs,
      String serialFrom,
      String serialTo,
      List<String> allocatedPlants) {}

  /** A co-product (cost share above 0) or by-product (no share) per one unit of the parent. */
  public record BomOutput(
      String material, BigDecimal quantityPer, String kind, BigDecimal costSharePercent) {}

  /** A line; {@code unit}, when given, must be the base unit or directly convertible to it. */
  public record BomLine(
      String component,
      BigDecimal quantityPer,
      String unit,
      BigDecimal scrapPercent,
      Boolean phantom,
      String operationRef) {}

  public record Calendar(
      String plant,
      String code,
      String name,
      Boolean plantDefault,
      List<Shift> shifts,
      List<CalendarDay> days,
      List<EfficiencyPeriod> efficiencies) {}

  public record Resource(
      String plant,
      String code,
      String name,
      String type,
      String status,
      String workCenter,
      String calendar,
      Integer units,
      Integer cavities,
      Long lifeCycles) {}

  /** Capacity parameters of a work centre. */
  public record Capacity(
      String plant,
      String workCenter,
      String calendar,
      Integer parallelUnits,
      BigDecimal utilisationPercent) {}

  public record Routing(
      String plant,
      String material,
      String revision,
      String description,
      LocalDate validFrom,
      LocalDate validTo,
      List<Operation> operations) {}

  public record Operation(
      Integer opNo,
      String description,
      String workCenter,
      BigDecimal setupMinutes,
      BigDecimal runMinutes,
      BigDecimal queueMinutes,
      BigDecimal moveMinutes,
      Boolean outsourced,
      List<OperationLink> predecessors,
      List<Alternative> alternatives) {}

  public record Alternative(String workCenter, BigDecimal runMinutes) {}

  public record Warehouse(
      String plant,
      String code,
      String name,
      String nameEn,
      Boolean allowNegative,
      List<Location> locations) {}

  public record Location(String code, String name) {}

  /** Opening stock: posted as one receipt per plant, in the material's base unit. */
  public record Stock(
      String plant,
      String warehouse,
      String location,
      String material,
      String lot,
      String serial,
      String status,
      BigDecimal quantity) {}

  /**
   * A material's planning parameters in a plant. Absent fields take the API's defaults: {@code
   * MAKE}, {@code LOT_FOR_LOT}, 0, yield 100, not phantom, not MPS, strategy {@code MTS} (make to
   * stock; {@code MTO} make to order, {@code ATO} assemble to order), no safety-stock steps. An
   * import replaces the parameters the plant and material have already.
   */
  public record PlanParameter(
      String plant,
      String material,
      String procurement,
      Integer leadTimeDays,
      String lotSizing,
      BigDecimal fixedQuantity,
      Integer periodDays,
      BigDecimal minimumQuantity,
      BigDecimal maximumQuantity,
      BigDecimal multipleQuantity,
      BigDecimal safetyStock,
      BigDecimal yieldPercent,
      Boolean phantom,
      Boolean mps,
      String sourcePlant,
      Integer demandFenceDays,
      Integer planningFenceDays,
      String strategy,
      List<SafetyStockStep> safetyStockSteps) {}

  /**
   * A step of a material's date-effective safety stock: from {@code from} on it is {@code
   * quantity}. A parameter's list replaces the steps the material has; no list keeps them.
   */
  public record SafetyStockStep(LocalDate from, BigDecimal quantity) {}

  /**
   * A forecast quantity of a material on a date, optionally per customer, channel or region; {@code
   * period} DAY (the default), WEEK (the ISO week containing the date) or MONTH (its calendar
   * month). Forecasts of a material group are neither imported nor exported.
   */
  public record Forecast(
      String plant,
      String material,
      LocalDate date,
      BigDecimal quantity,
      String customer,
      String channel,
      String region,
      String period) {}

  /**
   * A sales order line, unique per plant, order and line; {@code priority} defaults to 100, {@code
   * status} to {@code OPEN}.
   */
  public record SalesOrder(
      String plant,
      String orderNo,
      Integer lineNo,
      String customer,
      String material,
      LocalDate requestedDate,
      BigDecimal quantity,
      Integer priority,
      Boolean makeToOrder,
      String status) {}

  /** A scheduled receipt: an open purchase, production, transfer order or requisition. */
  public record Receipt(
      String plant,
      String kind,
      String reference,
      String material,
      LocalDate dueDate,
      BigDecimal quantity) {}
}
