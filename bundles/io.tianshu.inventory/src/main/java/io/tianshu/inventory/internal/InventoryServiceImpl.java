package io.tianshu.inventory.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.DomainEvent;
import io.tianshu.core.EventPublisher;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.Location;
import io.tianshu.inventory.LocationInput;
import io.tianshu.inventory.Movement;
import io.tianshu.inventory.MovementDocument;
import io.tianshu.inventory.MovementInput;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import io.tianshu.inventory.Warehouse;
import io.tianshu.inventory.WarehouseInput;
import io.tianshu.inventory.internal.store.JpaInventoryStore;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.org.OrgService;
import io.tianshu.org.PlantDependents;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongPredicate;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * OSGi adapter: one transaction per call around {@link InventoryLogic}; facts from other domains
 * (does the plant exist, which material) are asked before the transaction, events sent after it.
 */
@Component(service = {InventoryService.class, PlantDependents.class})
public class InventoryServiceImpl implements InventoryService, PlantDependents {
  private final JpaTemplate jpa;
  private final OrgService org;
  private final MasterDataService masterData;
  private final EventPublisher events;

  @Activate
  public InventoryServiceImpl(
      @Reference(target = "(osgi.unit.name=tianshu-inventory)") JpaTemplate jpa,
      @Reference Database database,
      @Reference OrgService org,
      @Reference MasterDataService masterData,
      @Reference EventPublisher events) {
    this.jpa = jpa;
    this.org = org;
    this.masterData = masterData;
    this.events = events;
  }

  @Override
  public Page<Warehouse> listWarehouses(CallerContext caller, Long plantId, PageRequest page) {
    return read(l -> l.listWarehouses(caller, plantId, page));
  }

  @Override
  public Warehouse getWarehouse(CallerContext caller, long id) {
    return read(l -> l.getWarehouse(caller, id));
  }

  @Override
  public Warehouse createWarehouse(CallerContext caller, WarehouseInput input) {
    boolean exists = input.plantId() != null && plantExists(input.plantId());
    return Transactions.write(jpa, em -> logic(em, id -> exists).createWarehouse(caller, input));
  }

  @Override
  public Page<Location> listLocations(CallerContext caller, long warehouseId, PageRequest page) {
    return read(l -> l.listLocations(caller, warehouseId, page));
  }

  @Override
  public Location createLocation(CallerContext caller, long warehouseId, LocationInput input) {
    return Transactions.write(
        jpa, em -> logic(em, id -> false).createLocation(caller, warehouseId, input));
  }

  @Override
  public MovementDocument post(CallerContext caller, MovementInput input) {
    MaterialRef material = null;
    if (input.materialId() != null) {
      try {
        Material m = masterData.getMaterial(caller, input.materialId());
        material = new MaterialRef(m.id(), m.plantId(), m.baseUnit());
      } catch (NotFoundException e) {
        material = null;
      }
    }
    MaterialRef found = material;
    MovementDocument doc =
        Transactions.write(jpa, em -> logic(em, id -> false).post(caller, input, found));
    Movement first = doc.lines().get(0);
    events.publish(
        new DomainEvent(
            "inventory",
            "StockMovement",
            "POSTED",
            String.valueOf(doc.documentId()),
            first.plantId(),
            caller.username(),
            Instant.now(),
            Map.of("type", first.type().name(), "materialId", first.materialId())));
    return doc;
  }

  @Override
  public Page<StockBalance> stock(CallerContext caller, StockFilter filter, PageRequest page) {
    return read(l -> l.stock(caller, filter, page));
  }

  @Override
  public Page<Movement> movements(CallerContext caller, StockFilter filter, PageRequest page) {
    return read(l -> l.movements(caller, filter, page));
  }

  @Override
  public String describe(long plantId) {
    return read(l -> l.describeUse(plantId));
  }

  private <R> R read(Function<InventoryLogic, R> work) {
    return Transactions.read(jpa, em -> work.apply(logic(em, id -> false)));
  }

  private static InventoryLogic logic(EntityManager em, LongPredicate plantExists) {
    return new InventoryLogic(new JpaInventoryStore(em), Clock.systemUTC(), plantExists);
  }

  private boolean plantExists(long plantId) {
    try {
      return org.plantExists(plantId);
    } catch (NotFoundException e) {
      return false;
    }
  }
}
