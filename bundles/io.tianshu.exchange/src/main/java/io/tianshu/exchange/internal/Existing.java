package io.tianshu.exchange.internal;

import io.tianshu.bom.BomVersion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the database holds already, as the import planner needs to know it. */
public interface Existing {
  /** A material: its id and base unit. */
  record MaterialRow(long id, String baseUnit) {}

  /** An organisation unit of a plant. */
  record UnitRow(long id, String type) {}

  /** A BOM version with its owner (0: the group), for cycle and overlap checks. */
  record BomRow(long ownerPlantId, String view, BomVersion version, Set<Long> allocatedPlants) {}

  /** A routing version's window. */
  record RoutingRow(String revision, LocalDate validFrom, LocalDate validTo) {}

  Long plantId(String code);

  UnitRow unit(long plantId, String code);

  /** The material with this code owned by {@code ownerPlantId} (0: the group), or null. */
  MaterialRow material(long ownerPlantId, String code);

  Set<String> units();

  /** The factor turning one {@code from} into {@code to}, global or of the material; or null. */
  BigDecimal conversion(String from, String to, Long materialId);

  Long calendarId(long plantId, String code);

  boolean hasDefaultCalendar(long plantId);

  boolean resourceExists(long plantId, String code);

  boolean capacityExists(long workCenterId);

  Long warehouseId(long plantId, String code);

  Long locationId(long warehouseId, String code);

  /** Every BOM version of the view. */
  List<BomRow> boms(String view);

  List<RoutingRow> routings(long plantId, long materialId);

  /** Whether the plant has planning parameters for the material. */
  boolean planParameterExists(long plantId, long materialId);

  /** Whether the plant has this sales order line (of any status). */
  boolean salesOrderLineExists(long plantId, String orderNo, int lineNo);
}
