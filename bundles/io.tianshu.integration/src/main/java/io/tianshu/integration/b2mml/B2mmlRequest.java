package io.tianshu.integration.b2mml;

import io.tianshu.execution.WorkOrderInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One {@code ProductionRequest} of a B2MML {@code ProductionSchedule}, as a work order to create:
 * {@code ID} is the work order code, the {@code MaterialProducedRequirement} of its last {@code
 * SegmentRequirement} that has one the product ({@code MaterialDefinitionID}, {@code
 * MaterialLotID}, quantity and unit), {@code StartTime} and {@code EndTime} the start and due
 * dates, {@code HierarchyScope/EquipmentID} (of the request, else of the schedule) the plant code.
 * {@code path} is the request's element path and {@code productPath} the product's {@code
 * MaterialProducedRequirement}'s, for errors.
 */
public record B2mmlRequest(
    String path,
    String productPath,
    String code,
    String siteCode,
    String materialCode,
    String lot,
    BigDecimal quantity,
    String unit,
    Instant startTime,
    Instant endTime,
    String requestState) {

  /** The element path of the {@link io.tianshu.execution.WorkOrderInput} field {@code field}. */
  public String pathOf(String field) {
    return switch (field) {
      case "code" -> path + "/ID";
      case "materialId" -> productPath + "/MaterialDefinitionID";
      case "quantity" -> productPath + "/Quantity/QuantityString";
      case "lot" -> productPath + "/MaterialLotID";
      case "startDate" -> path + "/StartTime";
      case "dueDate" -> path + "/EndTime";
      default -> path + ": " + field;
    };
  }

  /** The day of an instant in {@code zone} (null stays null). */
  static LocalDate day(Instant t, ZoneId zone) {
    return t == null ? null : t.atZone(zone).toLocalDate();
  }

  /**
   * The work order to create in a plant for a material: PLANNED (what {@code create} makes), code
   * and lot as the request says, start and due the days of {@code StartTime} and {@code EndTime} in
   * {@code zone} (absent: the API's defaults, today and the start).
   */
  public WorkOrderInput toInput(long plantId, long materialId, ZoneId zone) {
    return new WorkOrderInput(
        plantId,
        code,
        null,
        materialId,
        quantity,
        lot,
        day(startTime, zone),
        day(endTime, zone),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
