package io.tianshu.integration.b2mml;

import io.tianshu.execution.OperationReport;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.masterdata.Material;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitType;
import io.tianshu.resource.PlantResource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes Tianshu records as B2MML V0700 documents (what {@link B2mmlReader} reads back). */
public final class B2mmlWriter {
  private B2mmlWriter() {}

  /** The ISA-95 equipment level of an organisation unit. */
  public static String level(OrgUnitType type) {
    return switch (type) {
      case PLANT -> "Site";
      case WORKSHOP -> "Area";
      case LINE -> "ProductionLine";
      case WORK_CENTER -> "WorkCell";
    };
  }

  private static String time(Instant t) {
    return t == null
        ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  private static String time(LocalDate d, ZoneId zone) {
    return d == null
        ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.atStartOfDay(zone).toOffsetDateTime());
  }

  /**
   * A {@code SyncMaterialDefinition}: one {@code MaterialDefinition} per material, with its plant
   * ({@code plantCodes} by id) as {@code HierarchyScope} when it is not group-owned.
   */
  public static String materials(
      List<Material> materials, Map<Long, String> plantCodes, String sender, Instant created) {
    XmlOut x = new XmlOut().root("SyncMaterialDefinition");
    x.start("ApplicationArea")
        .start("Sender")
        .text("LogicalID", sender)
        .end()
        .text("CreationDateTime", time(created))
        .end();
    x.start("DataArea").start("Sync").end();
    for (Material m : materials) {
      x.start("MaterialDefinition").text("ID", m.code()).text("Description", m.name());
      x.text("Description", "languageID", "en", m.nameEn());
      if (m.plantId() != null && plantCodes.get(m.plantId()) != null) {
        x.start("HierarchyScope")
            .text("EquipmentID", plantCodes.get(m.plantId()))
            .text("EquipmentElementLevel", "Site")
            .end();
      }
      x.start("MaterialDefinitionProperty")
          .text("ID", "BaseUnitOfMeasure")
          .start("Value")
          .text("ValueString", m.baseUnit())
          .text("DataType", "string")
          .text("UnitOfMeasure", m.baseUnit())
          .end()
          .end();
      x.start("MaterialDefinitionProperty")
          .text("ID", "Status")
          .start("Value")
          .text("ValueString", m.status() == null ? null : m.status().name())
          .text("DataType", "string")
          .end()
          .end();
      x.text("MaterialClassID", m.type().name());
      x.end();
    }
    return x.end().end().toString();
  }

  private static String requestState(WorkOrderStatus s) {
    return switch (s) {
      case PLANNED -> "Forecast";
      case RELEASED -> "Released";
      case STARTED -> "Running";
      case COMPLETED, CLOSED -> "Completed";
      case CANCELLED -> "Aborted";
    };
  }

  private static void quantity(XmlOut x, BigDecimal q, String unit) {
    x.start("Quantity")
        .text("QuantityString", q == null ? null : q.stripTrailingZeros().toPlainString())
        .text("DataType", "decimal")
        .text("UnitOfMeasure", unit)
        .end();
  }

  /**
   * A {@code ProductionSchedule} of {@code orders}: one {@code ProductionRequest} per order ({@code
   * ID} its code), one {@code SegmentRequirement} per operation ({@code ProcessSegmentID} its
   * number, the work centre as {@code EquipmentRequirement}), the last one with the order's
   * material, lot and quantity as {@code MaterialProducedRequirement}; an order without operations
   * (not yet released) has one segment for the whole order. Dates are the start of the day in
   * {@code zone}.
   */
  public static String productionSchedule(
      String scheduleId,
      String plantCode,
      List<WorkOrder> orders,
      Map<Long, String> workCenterCodes,
      ZoneId zone,
      Instant published) {
    XmlOut x = new XmlOut().root("ProductionSchedule");
    x.text("ID", scheduleId);
    x.start("HierarchyScope")
        .text("EquipmentID", plantCode)
        .text("EquipmentElementLevel", "Site")
        .end();
    x.text("PublishedDate", time(published));
    x.text("EquipmentElementLevel", "Site");
    for (WorkOrder w : orders) {
      x.start("ProductionRequest").text("ID", w.code());
      x.text("Description", w.lot() == null ? null : "Lot " + w.lot());
      x.text("StartTime", time(w.startDate(), zone));
      x.text("EndTime", time(w.dueDate(), zone));
      x.text("RequestState", requestState(w.status()));
      List<WorkOrderOperation> ops = new ArrayList<>(w.operations());
      ops.sort(Comparator.comparingInt(WorkOrderOperation::seq));
      if (ops.isEmpty()) {
        x.start("SegmentRequirement").text("ID", w.code());
        x.text("EarliestStartTime", time(w.startDate(), zone));
        x.text("LatestEndTime", time(w.dueDate(), zone));
        produced(x, w);
        x.end();
      }
      for (int i = 0; i < ops.size(); i++) {
        WorkOrderOperation op = ops.get(i);
        x.start("SegmentRequirement").text("ID", w.code() + "-" + op.seq());
        x.text("Description", op.description());
        x.text("ProcessSegmentID", op.seq());
        if (op.workCenterId() != null && workCenterCodes.get(op.workCenterId()) != null) {
          x.start("EquipmentRequirement")
              .text("EquipmentID", workCenterCodes.get(op.workCenterId()))
              .text("EquipmentLevel", "WorkCell")
              .end();
        }
        if (i == ops.size() - 1) {
          produced(x, w);
        }
        x.end();
      }
      x.end();
    }
    return x.end().toString();
  }

  private static void produced(XmlOut x, WorkOrder w) {
    x.start("MaterialProducedRequirement");
    x.text("MaterialDefinitionID", w.materialCode());
    x.text("MaterialLotID", w.lot());
    quantity(x, w.quantity(), w.unit());
    x.end();
  }

  /**
   * A {@code ProductionPerformance} of operation reports, what {@link B2mmlReader#performance}
   * reads: one {@code ProductionResponse} per order of {@code orders} that has reports ({@code ID}
   * and {@code ProductionRequestID} the order code), in the order of {@code orders}; one {@code
   * SegmentResponse} per report in the order of {@code reports} ({@code ID} the report key, {@code
   * ProcessSegmentID} the operation number, {@code ActualStartTime} the work's start, {@code
   * ActualEndTime} its end or, when the report gave none, the time it was reported, {@code
   * PersonnelActual} the operator, {@code EquipmentActual} the station) with one {@code
   * MaterialProducedActual} of the order's material and lot: the good quantity ({@code Key} Good),
   * and scrap and rework ({@code Key} Scrap, Rework) when not zero. {@code from} and {@code to} are
   * the period's {@code StartTime} and {@code EndTime}. Times are UTC, to the second.
   *
   * @throws IllegalArgumentException when a report is of an order not in {@code orders}
   */
  public static String productionPerformance(
      String performanceId,
      String plantCode,
      List<WorkOrder> orders,
      List<OperationReport> reports,
      Instant from,
      Instant to,
      Instant published) {
    Map<Long, List<OperationReport>> byOrder = new LinkedHashMap<>();
    for (WorkOrder w : orders) {
      byOrder.put(w.id(), new ArrayList<>());
    }
    for (OperationReport r : reports) {
      List<OperationReport> of = byOrder.get(r.workOrderId());
      if (of == null) {
        throw new IllegalArgumentException(
            "report " + r.reportKey() + " is of work order " + r.workOrderId() + ", not given");
      }
      of.add(r);
    }
    XmlOut x = new XmlOut().root("ProductionPerformance");
    x.text("ID", performanceId);
    x.start("HierarchyScope")
        .text("EquipmentID", plantCode)
        .text("EquipmentElementLevel", "Site")
        .end();
    x.text("StartTime", time(from));
    x.text("EndTime", time(to));
    x.text("PublishedDate", time(published));
    for (WorkOrder w : orders) {
      List<OperationReport> of = byOrder.get(w.id());
      if (of.isEmpty()) {
        continue;
      }
      x.start("ProductionResponse").text("ID", w.code()).text("ProductionRequestID", w.code());
      for (OperationReport r : of) {
        segmentResponse(x, w, r);
      }
      x.end();
    }
    return x.end().toString();
  }

  private static void segmentResponse(XmlOut x, WorkOrder w, OperationReport r) {
    x.start("SegmentResponse").text("ID", r.reportKey());
    x.text("ProcessSegmentID", r.operationSeq());
    Instant start = r.workStartedAt();
    Instant end = r.workEndedAt() != null ? r.workEndedAt() : r.reportedAt();
    if (start != null
        && end != null
        && end.truncatedTo(ChronoUnit.SECONDS).isBefore(start.truncatedTo(ChronoUnit.SECONDS))) {
      end = null; // reported before the work's given start: no end rather than one before it
    }
    x.text("ActualStartTime", time(start));
    x.text("ActualEndTime", time(end));
    if (r.operator() != null) {
      x.start("PersonnelActual").text("PersonID", r.operator()).end();
    }
    if (r.station() != null) {
      x.start("EquipmentActual").text("EquipmentID", r.station()).end();
    }
    x.start("MaterialProducedActual");
    x.text("MaterialDefinitionID", w.materialCode());
    x.text("MaterialLotID", w.lot());
    keyed(x, r.good() == null ? BigDecimal.ZERO : r.good(), w.unit(), "Good");
    if (r.scrap() != null && r.scrap().signum() != 0) {
      keyed(x, r.scrap(), w.unit(), "Scrap");
    }
    if (r.rework() != null && r.rework().signum() != 0) {
      keyed(x, r.rework(), w.unit(), "Rework");
    }
    x.end();
    x.end();
  }

  private static void keyed(XmlOut x, BigDecimal q, String unit, String key) {
    x.start("Quantity")
        .text("QuantityString", q.stripTrailingZeros().toPlainString())
        .text("DataType", "decimal")
        .text("UnitOfMeasure", unit)
        .text("Key", key)
        .end();
  }

  /**
   * An {@code EquipmentInformation} with the plant (Site) and, nested below it by parent, its
   * workshops (Area), lines (ProductionLine) and work centres (WorkCell); each resource is a Unit
   * below its work centre (or below the plant when it has none).
   */
  public static String equipment(
      OrgUnit plant, List<OrgUnit> units, List<PlantResource> resources, Instant published) {
    XmlOut x = new XmlOut().root("EquipmentInformation");
    x.text("PublishedDate", time(published));
    equipment(x, plant, units, resources);
    return x.end().toString();
  }

  private static void equipment(
      XmlOut x, OrgUnit unit, List<OrgUnit> units, List<PlantResource> resources) {
    x.start("Equipment").text("ID", unit.code()).text("Description", unit.name());
    x.text("EquipmentLevel", level(unit.type()));
    for (OrgUnit c : units) {
      if (unit.id().equals(c.parentId())) {
        equipment(x, c, units, resources);
      }
    }
    for (PlantResource r : resources) {
      boolean here =
          r.workCenterId() == null
              ? unit.type() == OrgUnitType.PLANT
              : r.workCenterId().equals(unit.id());
      if (here) {
        x.start("Equipment")
            .text("ID", r.code())
            .text("Description", r.name())
            .text("EquipmentLevel", "Unit")
            .text("EquipmentClassID", r.type().name())
            .end();
      }
    }
    x.end();
  }
}
