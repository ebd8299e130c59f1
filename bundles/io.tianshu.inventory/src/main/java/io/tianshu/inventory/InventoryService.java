package io.tianshu.inventory;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;

/** Warehouses, locations and stock; plant-scoped reads, audited writes, one transaction a call. */
public interface InventoryService {
  Page<Warehouse> listWarehouses(CallerContext caller, Long plantId, PageRequest page);

  Warehouse getWarehouse(CallerContext caller, long id);

  Warehouse createWarehouse(CallerContext caller, WarehouseInput input);

  Page<Location> listLocations(CallerContext caller, long warehouseId, PageRequest page);

  Location createLocation(CallerContext caller, long warehouseId, LocationInput input);

  /**
   * Posts a movement: all its lines or none. A line that would take its key below zero is refused
   * unless the warehouse allows negative stock; concurrent movements of one key are serialised.
   */
  MovementDocument post(CallerContext caller, MovementInput input);

  /** Keys with non-zero quantity. */
  Page<StockBalance> stock(CallerContext caller, StockFilter filter, PageRequest page);

  /** Ledger lines, newest first. */
  Page<Movement> movements(CallerContext caller, StockFilter filter, PageRequest page);
}
