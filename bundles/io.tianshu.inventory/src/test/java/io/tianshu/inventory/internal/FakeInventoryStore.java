package io.tianshu.inventory.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.inventory.Location;
import io.tianshu.inventory.Movement;
import io.tianshu.inventory.MovementType;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import io.tianshu.inventory.Warehouse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Map-backed {@link InventoryStore}: balances and an append-only list of lines. */
final class FakeInventoryStore implements InventoryStore {
  final Map<Long, Warehouse> warehouses = new TreeMap<>();
  final Map<Long, Location> locations = new TreeMap<>();
  final Map<StockKey, BigDecimal> balances = new TreeMap<>();
  final List<Movement> ledger = new ArrayList<>();
  final List<String> audit = new ArrayList<>();
  long next = 1;

  @Override
  public Optional<Warehouse> findWarehouse(long id) {
    return Optional.ofNullable(warehouses.get(id));
  }

  @Override
  public boolean warehouseCodeTaken(long plantId, String code) {
    return warehouses.values().stream()
        .anyMatch(w -> w.plantId() == plantId && w.code().equals(code));
  }

  @Override
  public Warehouse insertWarehouse(Warehouse w) {
    Warehouse s =
        new Warehouse(next++, w.plantId(), w.code(), w.name(), w.nameEn(), w.allowNegative(), 1);
    warehouses.put(s.id(), s);
    return s;
  }

  @Override
  public Page<Warehouse> listWarehouses(Set<Long> plants, Long plantId, PageRequest page) {
    List<Warehouse> all =
        warehouses.values().stream()
            .filter(
                w ->
                    plantId == null
                        ? plants == null || plants.contains(w.plantId())
                        : w.plantId().equals(plantId))
            .toList();
    return new Page<>(all, 0, all.size(), all.size());
  }

  @Override
  public long countWarehouses(long plantId) {
    return warehouses.values().stream().filter(w -> w.plantId() == plantId).count();
  }

  @Override
  public Optional<Location> findLocation(long id) {
    return Optional.ofNullable(locations.get(id));
  }

  @Override
  public boolean locationCodeTaken(long warehouseId, String code) {
    return locations.values().stream()
        .anyMatch(l -> l.warehouseId() == warehouseId && l.code().equals(code));
  }

  @Override
  public Location insertLocation(Location l) {
    Location s = new Location(next++, l.warehouseId(), l.plantId(), l.code(), l.name(), 1);
    locations.put(s.id(), s);
    return s;
  }

  @Override
  public Page<Location> listLocations(long warehouseId, PageRequest page) {
    List<Location> all =
        locations.values().stream().filter(l -> l.warehouseId() == warehouseId).toList();
    return new Page<>(all, 0, all.size(), all.size());
  }

  @Override
  public BigDecimal lock(StockKey key) {
    return balances.getOrDefault(key, BigDecimal.ZERO);
  }

  @Override
  public void add(StockKey key, BigDecimal delta) {
    balances.merge(key, delta, BigDecimal::add);
  }

  @Override
  public long insertDocument(
      long plantId, MovementType type, String reference, Instant at, String user) {
    return next++;
  }

  @Override
  public Movement insertMovement(Movement m) {
    Movement s =
        new Movement(
            next++,
            m.documentId(),
            m.type(),
            m.materialId(),
            m.plantId(),
            m.locationId(),
            m.lot(),
            m.serial(),
            m.status(),
            m.quantity(),
            m.unit(),
            m.reference(),
            m.at(),
            m.username());
    ledger.add(s);
    return s;
  }

  @Override
  public Page<StockBalance> stock(Set<Long> plants, StockFilter filter, PageRequest page) {
    throw new UnsupportedOperationException("queried through the JPA store only");
  }

  @Override
  public Page<Movement> movements(Set<Long> plants, StockFilter filter, PageRequest page) {
    throw new UnsupportedOperationException("queried through the JPA store only");
  }

  @Override
  public void audit(
      CallerContext caller,
      String entity,
      Object id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after) {
    audit.add(action + " " + entity + " " + id);
  }
}
