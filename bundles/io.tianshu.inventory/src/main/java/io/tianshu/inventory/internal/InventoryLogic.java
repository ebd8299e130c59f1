package io.tianshu.inventory.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.inventory.Location;
import io.tianshu.inventory.LocationInput;
import io.tianshu.inventory.Movement;
import io.tianshu.inventory.MovementDocument;
import io.tianshu.inventory.MovementInput;
import io.tianshu.inventory.MovementType;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import io.tianshu.inventory.StockStatus;
import io.tianshu.inventory.Warehouse;
import io.tianshu.inventory.WarehouseInput;
import io.tianshu.persistence.AuditTrail;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/** The rules of warehouses and the stock ledger, free of OSGi and JPA. One per transaction. */
public final class InventoryLogic {
  static final String WAREHOUSE = "Warehouse";
  static final String LOCATION = "Location";

  private final InventoryStore store;
  private final Clock clock;
  private final LongPredicate plantExists;

  public InventoryLogic(InventoryStore store, Clock clock, LongPredicate plantExists) {
    this.store = store;
    this.clock = clock;
    this.plantExists = plantExists;
  }

  // ---- warehouses and locations ----

  public Page<Warehouse> listWarehouses(CallerContext caller, Long plantId, PageRequest page) {
    if (plantId != null && !caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return store.listWarehouses(caller.readablePlants(), plantId, page);
  }

  public Warehouse getWarehouse(CallerContext caller, long id) {
    return store
        .findWarehouse(id)
        .filter(w -> caller.canRead(w.plantId()))
        .orElseThrow(() -> new NotFoundException(WAREHOUSE, id));
  }

  public Warehouse createWarehouse(CallerContext caller, WarehouseInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.code("code", in.code(), 32);
    v.text("name", in.name(), 200);
    v.optionalText("nameEn", in.nameEn(), 200);
    v.throwIfInvalid();
    if (!plantExists.test(in.plantId())) {
      throw new NotFoundException("Plant", in.plantId());
    }
    caller.require(in.plantId(), PlantRole.PLANT_ADMIN, "Plant", in.plantId());
    if (store.warehouseCodeTaken(in.plantId(), in.code())) {
      throw new ValidationException("code", "duplicate", "is already used / 编码已存在");
    }
    Warehouse w =
        store.insertWarehouse(
            new Warehouse(
                null,
                in.plantId(),
                in.code(),
                in.name(),
                in.nameEn(),
                Boolean.TRUE.equals(in.allowNegative()),
                0));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("code", w.code());
    after.put("name", w.name());
    after.put("allowNegative", w.allowNegative());
    store.audit(caller, WAREHOUSE, w.id(), w.plantId(), AuditTrail.CREATE, null, after);
    return w;
  }

  public Page<Location> listLocations(CallerContext caller, long warehouseId, PageRequest page) {
    getWarehouse(caller, warehouseId);
    return store.listLocations(warehouseId, page);
  }

  public Location createLocation(CallerContext caller, long warehouseId, LocationInput in) {
    Warehouse w = getWarehouse(caller, warehouseId);
    caller.require(w.plantId(), PlantRole.PLANT_ADMIN, WAREHOUSE, warehouseId);
    Validation v = new Validation();
    v.code("code", in.code(), 32);
    v.text("name", in.name(), 200);
    if (!v.hasErrorFor("code") && store.locationCodeTaken(warehouseId, in.code())) {
      v.add("code", "duplicate", "is already used in this warehouse / 库位编码已存在");
    }
    v.throwIfInvalid();
    Location l =
        store.insertLocation(new Location(null, warehouseId, w.plantId(), in.code(), in.name(), 0));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("warehouseId", warehouseId);
    after.put("code", l.code());
    after.put("name", l.name());
    store.audit(caller, LOCATION, l.id(), l.plantId(), AuditTrail.CREATE, null, after);
    return l;
  }

  public String describeUse(long plantId) {
    long n = store.countWarehouses(plantId);
    return n == 0 ? null : n + " warehouses";
  }

  // ---- the ledger ----

  /**
   * Posts a movement. {@code material} is null when the caller named none or may not see it (the
   * adapter looks it up first, outside this transaction).
   */
  public MovementDocument post(CallerContext caller, MovementInput in, MaterialRef material) {
    Validation v = new Validation();
    MovementType type = parse(v, "type", in.type(), MovementType.class, true);
    if (in.materialId() == null) {
      v.add("materialId", "required", "is required / 必填");
    }
    if (in.quantity() == null) {
      v.add("quantity", "required", "is required / 必填");
    } else if (type == MovementType.ADJUSTMENT
        ? in.quantity().signum() == 0
        : in.quantity().signum() <= 0) {
      v.add(
          "quantity",
          "not_positive",
          type == MovementType.ADJUSTMENT
              ? "must not be zero / 不能为零"
              : "must be greater than zero / 必须大于零");
    }
    v.required("locationId", in.locationId());
    StockStatus status = parse(v, "status", in.status(), StockStatus.class, false);
    if (status == null) {
      status = StockStatus.AVAILABLE;
    }
    StockStatus toStatus = parse(v, "toStatus", in.toStatus(), StockStatus.class, false);
    if (type == MovementType.TRANSFER) {
      v.required("toLocationId", in.toLocationId());
      if (in.toLocationId() != null && in.toLocationId().equals(in.locationId())) {
        v.add("toLocationId", "same_location", "must differ from locationId / 目标库位须不同");
      }
    }
    if (type == MovementType.STATUS_CHANGE) {
      v.required("toStatus", in.toStatus());
      if (toStatus == status) {
        v.add("toStatus", "same_status", "must differ from status / 目标状态须不同");
      }
    }
    v.optionalText("lot", in.lot(), 64);
    v.optionalText("serial", in.serial(), 64);
    v.optionalText("reference", in.reference(), 100);
    v.throwIfInvalid();
    if (material == null) {
      throw new NotFoundException("Material", in.materialId());
    }

    Location from = location(caller, in.locationId());
    caller.require(from.plantId(), PlantRole.PLANNER, LOCATION, from.id());
    Location to = type == MovementType.TRANSFER ? location(caller, in.toLocationId()) : null;
    if (to != null && !to.plantId().equals(from.plantId())) {
      v.add("toLocationId", "other_plant", "transfers stay in one plant / 不能跨工厂移库");
    }
    if (material.plantId() != null && !material.plantId().equals(from.plantId())) {
      v.add("materialId", "other_plant", "the material belongs to another plant / 物料属于其他工厂");
    }
    v.throwIfInvalid();

    String lot = in.lot() == null ? "" : in.lot().trim();
    String serial = in.serial() == null ? "" : in.serial().trim();
    long plant = from.plantId();
    StockKey source = new StockKey(plant, from.id(), material.id(), lot, serial, status);
    BigDecimal q = in.quantity();
    Map<StockKey, BigDecimal> deltas = new TreeMap<>();
    switch (type) {
      case RECEIPT, ADJUSTMENT -> deltas.put(source, q);
      case ISSUE -> deltas.put(source, q.negate());
      case TRANSFER -> {
        deltas.put(source, q.negate());
        deltas.put(new StockKey(plant, to.id(), material.id(), lot, serial, status), q);
      }
      case STATUS_CHANGE -> {
        deltas.put(source, q.negate());
        deltas.put(new StockKey(plant, from.id(), material.id(), lot, serial, toStatus), q);
      }
      default -> throw new IllegalStateException(type.name());
    }

    // Lock every key in a fixed order, then check what would go below zero.
    for (Map.Entry<StockKey, BigDecimal> d : deltas.entrySet()) {
      BigDecimal onHand = store.lock(d.getKey());
      if (d.getValue().signum() < 0 && onHand.add(d.getValue()).signum() < 0) {
        Warehouse wh =
            store.findWarehouse(locationOf(d.getKey(), from, to).warehouseId()).orElseThrow();
        if (!wh.allowNegative()) {
          throw new ValidationException(
              "quantity",
              "insufficient_stock",
              "only "
                  + onHand.stripTrailingZeros().toPlainString()
                  + " "
                  + material.baseUnit()
                  + " on hand / 库存不足，现有 "
                  + onHand.stripTrailingZeros().toPlainString());
        }
      }
    }
    Instant now = clock.instant();
    long documentId = store.insertDocument(plant, type, in.reference(), now, caller.username());
    List<Movement> lines = new ArrayList<>();
    for (Map.Entry<StockKey, BigDecimal> d : deltas.entrySet()) {
      StockKey k = d.getKey();
      store.add(k, d.getValue());
      lines.add(
          store.insertMovement(
              new Movement(
                  null,
                  documentId,
                  type,
                  k.materialId(),
                  plant,
                  k.locationId(),
                  k.lot(),
                  k.serial(),
                  k.status(),
                  d.getValue(),
                  material.baseUnit(),
                  in.reference(),
                  now,
                  caller.username())));
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("type", type);
    after.put("materialId", material.id());
    after.put("reference", in.reference());
    List<Map<String, Object>> summary = new ArrayList<>();
    for (Movement m : lines) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("locationId", m.locationId());
      line.put("lot", m.lot());
      line.put("serial", m.serial());
      line.put("status", m.status());
      line.put("quantity", m.quantity());
      summary.add(line);
    }
    after.put("lines", summary);
    store.audit(caller, "StockMovement", documentId, plant, AuditTrail.CREATE, null, after);
    return new MovementDocument(documentId, lines);
  }

  public Page<StockBalance> stock(CallerContext caller, StockFilter f, PageRequest page) {
    requireReadable(caller, f);
    return store.stock(caller.readablePlants(), f, page);
  }

  public Page<Movement> movements(CallerContext caller, StockFilter f, PageRequest page) {
    requireReadable(caller, f);
    return store.movements(caller.readablePlants(), f, page);
  }

  private void requireReadable(CallerContext caller, StockFilter f) {
    if (f.plantId() != null && !caller.canRead(f.plantId())) {
      throw new NotFoundException("Plant", f.plantId());
    }
    if (f.locationId() != null) {
      location(caller, f.locationId());
    }
  }

  private Location location(CallerContext caller, long id) {
    return store
        .findLocation(id)
        .filter(l -> caller.canRead(l.plantId()))
        .orElseThrow(() -> new NotFoundException(LOCATION, id));
  }

  private static Location locationOf(StockKey key, Location from, Location to) {
    return to != null && key.locationId() == to.id() ? to : from;
  }

  private static <E extends Enum<E>> E parse(
      Validation v, String field, String value, Class<E> type, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        v.add(field, "required", "is required / 必填");
      }
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      v.add(
          field,
          "invalid_value",
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", "))
              + " / 取值无效");
      return null;
    }
  }
}
