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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the inventory rules need from storage; JPA in the container, maps in unit tests. */
public interface InventoryStore {
  Optional<Warehouse> findWarehouse(long id);

  boolean warehouseCodeTaken(long plantId, String code);

  Warehouse insertWarehouse(Warehouse w);

  /** Warehouses of {@code plantId}, or of the readable plants ({@code plants} null: all). */
  Page<Warehouse> listWarehouses(Set<Long> plants, Long plantId, PageRequest page);

  long countWarehouses(long plantId);

  Optional<Location> findLocation(long id);

  boolean locationCodeTaken(long warehouseId, String code);

  Location insertLocation(Location l);

  Page<Location> listLocations(long warehouseId, PageRequest page);

  /**
   * Locks the key's balance until the transaction ends and returns its quantity (zero when the key
   * has no balance yet). Concurrent movements of one key wait here for each other.
   */
  BigDecimal lock(StockKey key);

  /** Adds {@code delta} to the key's balance, creating it when absent. */
  void add(StockKey key, BigDecimal delta);

  long insertDocument(long plantId, MovementType type, String reference, Instant at, String user);

  Movement insertMovement(Movement m);

  Page<StockBalance> stock(Set<Long> plants, StockFilter filter, PageRequest page);

  Page<Movement> movements(Set<Long> plants, StockFilter filter, PageRequest page);

  void audit(
      CallerContext caller,
      String entity,
      Object id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after);
}
