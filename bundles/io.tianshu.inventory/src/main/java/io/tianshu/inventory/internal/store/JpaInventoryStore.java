package io.tianshu.inventory.internal.store;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.inventory.Location;
import io.tianshu.inventory.Movement;
import io.tianshu.inventory.MovementType;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import io.tianshu.inventory.StockStatus;
import io.tianshu.inventory.Warehouse;
import io.tianshu.inventory.internal.InventoryStore;
import io.tianshu.inventory.internal.StockKey;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Transactions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

/** {@link InventoryStore} on the caller's EntityManager (one transaction). */
public final class JpaInventoryStore implements InventoryStore {
  private static final String KEY =
      " b.materialId = :m AND b.locationId = :l AND b.lot = :lot AND b.serial = :s"
          + " AND b.status = :st";

  private final EntityManager em;

  public JpaInventoryStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Warehouse> findWarehouse(long id) {
    return Optional.ofNullable(em.find(WarehouseEntity.class, id)).map(JpaInventoryStore::toRecord);
  }

  @Override
  public boolean warehouseCodeTaken(long plantId, String code) {
    return !em.createQuery(
            "SELECT w.id FROM WarehouseEntity w WHERE w.plantId = :p AND w.code = :c", Long.class)
        .setParameter("p", plantId)
        .setParameter("c", code)
        .getResultList()
        .isEmpty();
  }

  @Override
  public Warehouse insertWarehouse(Warehouse w) {
    WarehouseEntity e = new WarehouseEntity();
    e.plantId = w.plantId();
    e.code = w.code();
    e.name = w.name();
    e.nameEn = w.nameEn();
    e.allowNegative = w.allowNegative();
    em.persist(e);
    em.flush();
    return toRecord(e);
  }

  @Override
  public Page<Warehouse> listWarehouses(Set<Long> plants, Long plantId, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = " WHERE 1 = 1";
    if (plantId != null) {
      where += " AND w.plantId = :p";
      params.put("p", plantId);
    } else if (plants != null) {
      if (plants.isEmpty()) {
        return new Page<>(List.of(), page.offset(), page.limit(), 0);
      }
      where += " AND w.plantId IN :ps";
      params.put("ps", plants);
    }
    return Transactions.page(
        em, WarehouseEntity.class, "w", where, params, page, JpaInventoryStore::toRecord);
  }

  @Override
  public long countWarehouses(long plantId) {
    return em.createQuery("SELECT COUNT(w) FROM WarehouseEntity w WHERE w.plantId = :p", Long.class)
        .setParameter("p", plantId)
        .getSingleResult();
  }

  @Override
  public Optional<Location> findLocation(long id) {
    return Optional.ofNullable(em.find(LocationEntity.class, id)).map(JpaInventoryStore::toRecord);
  }

  @Override
  public boolean locationCodeTaken(long warehouseId, String code) {
    return !em.createQuery(
            "SELECT l.id FROM LocationEntity l WHERE l.warehouseId = :w AND l.code = :c",
            Long.class)
        .setParameter("w", warehouseId)
        .setParameter("c", code)
        .getResultList()
        .isEmpty();
  }

  @Override
  public Location insertLocation(Location l) {
    LocationEntity e = new LocationEntity();
    e.warehouseId = l.warehouseId();
    e.plantId = l.plantId();
    e.code = l.code();
    e.name = l.name();
    em.persist(e);
    em.flush();
    return toRecord(e);
  }

  @Override
  public Page<Location> listLocations(long warehouseId, PageRequest page) {
    return Transactions.page(
        em,
        LocationEntity.class,
        "l",
        " WHERE l.warehouseId = :w",
        Map.of("w", warehouseId),
        page,
        JpaInventoryStore::toRecord);
  }

  @Override
  public BigDecimal lock(StockKey key) {
    List<StockBalanceEntity> rows =
        key(
                em.createQuery(
                    "SELECT b FROM StockBalanceEntity b WHERE" + KEY, StockBalanceEntity.class),
                key)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    return rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).quantity.stripTrailingZeros();
  }

  @Override
  public void add(StockKey key, BigDecimal delta) {
    // One statement: the database adds, so no update is lost whatever else runs.
    int updated =
        key(
                em.createQuery(
                    "UPDATE StockBalanceEntity b SET b.quantity = b.quantity + :d,"
                        + " b.version = b.version + 1 WHERE"
                        + KEY),
                key)
            .setParameter("d", delta)
            .executeUpdate();
    if (updated == 0) {
      StockBalanceEntity e = new StockBalanceEntity();
      e.plantId = key.plantId();
      e.locationId = key.locationId();
      e.materialId = key.materialId();
      e.lot = key.lot();
      e.serial = key.serial();
      e.status = key.status().name();
      e.quantity = delta;
      em.persist(e);
      em.flush();
    }
  }

  private static <Q extends javax.persistence.Query> Q key(Q q, StockKey key) {
    q.setParameter("m", key.materialId());
    q.setParameter("l", key.locationId());
    q.setParameter("lot", key.lot());
    q.setParameter("s", key.serial());
    q.setParameter("st", key.status().name());
    return q;
  }

  @Override
  public long insertDocument(
      long plantId, MovementType type, String reference, Instant at, String user) {
    StockDocumentEntity e = new StockDocumentEntity();
    e.plantId = plantId;
    e.type = type.name();
    e.reference = reference;
    e.at = Timestamp.from(at);
    e.username = user;
    em.persist(e);
    em.flush();
    return e.id;
  }

  @Override
  public Movement insertMovement(Movement m) {
    StockMovementEntity e = new StockMovementEntity();
    e.documentId = m.documentId();
    e.plantId = m.plantId();
    e.type = m.type().name();
    e.locationId = m.locationId();
    e.materialId = m.materialId();
    e.lot = m.lot();
    e.serial = m.serial();
    e.status = m.status().name();
    e.quantity = m.quantity();
    e.unit = m.unit();
    em.persist(e);
    em.flush();
    return new Movement(
        e.id,
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
  }

  @Override
  public Page<StockBalance> stock(Set<Long> plants, StockFilter f, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = filter("b", plants, f, params);
    if (where == null) {
      return new Page<>(List.of(), page.offset(), page.limit(), 0);
    }
    where += " AND b.quantity <> 0";
    long total =
        count(
            em.createQuery("SELECT COUNT(b) FROM StockBalanceEntity b" + where, Long.class),
            params);
    TypedQuery<Object[]> q =
        em.createQuery(
            "SELECT b, l.warehouseId, m.baseUnit FROM StockBalanceEntity b, LocationEntity l,"
                + " MaterialRow m WHERE b.locationId = l.id AND b.materialId = m.id AND"
                + where.substring(" WHERE".length())
                + " ORDER BY b.materialId, b.locationId, b.lot, b.serial, b.status",
            Object[].class);
    params.forEach(q::setParameter);
    List<StockBalance> items =
        q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
            .map(
                r -> {
                  StockBalanceEntity b = (StockBalanceEntity) r[0];
                  return new StockBalance(
                      b.plantId,
                      (Long) r[1],
                      b.locationId,
                      b.materialId,
                      b.lot,
                      b.serial,
                      StockStatus.valueOf(b.status),
                      b.quantity.stripTrailingZeros(),
                      (String) r[2]);
                })
            .toList();
    return new Page<>(items, page.offset(), page.limit(), total);
  }

  @Override
  public Page<Movement> movements(Set<Long> plants, StockFilter f, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = filter("b", plants, f, params);
    if (where == null) {
      return new Page<>(List.of(), page.offset(), page.limit(), 0);
    }
    long total =
        count(
            em.createQuery("SELECT COUNT(b) FROM StockMovementEntity b" + where, Long.class),
            params);
    TypedQuery<Object[]> q =
        em.createQuery(
            "SELECT b, d FROM StockMovementEntity b, StockDocumentEntity d WHERE b.documentId = d.id"
                + " AND"
                + where.substring(" WHERE".length())
                + " ORDER BY b.id DESC",
            Object[].class);
    params.forEach(q::setParameter);
    List<Movement> items =
        q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
            .map(
                r -> {
                  StockMovementEntity m = (StockMovementEntity) r[0];
                  StockDocumentEntity d = (StockDocumentEntity) r[1];
                  return new Movement(
                      m.id,
                      m.documentId,
                      MovementType.valueOf(m.type),
                      m.materialId,
                      m.plantId,
                      m.locationId,
                      m.lot,
                      m.serial,
                      StockStatus.valueOf(m.status),
                      m.quantity.stripTrailingZeros(),
                      m.unit,
                      d.reference,
                      d.at.toInstant(),
                      d.username);
                })
            .toList();
    return new Page<>(items, page.offset(), page.limit(), total);
  }

  /** The WHERE clause shared by balances and movements; null when no plant is readable. */
  private static String filter(
      String a, Set<Long> plants, StockFilter f, Map<String, Object> params) {
    StringBuilder w = new StringBuilder(" WHERE 1 = 1");
    if (f.plantId() != null) {
      w.append(" AND ").append(a).append(".plantId = :plant");
      params.put("plant", f.plantId());
    } else if (plants != null) {
      if (plants.isEmpty()) {
        return null;
      }
      w.append(" AND ").append(a).append(".plantId IN :plants");
      params.put("plants", plants);
    }
    if (f.materialId() != null) {
      w.append(" AND ").append(a).append(".materialId = :material");
      params.put("material", f.materialId());
    }
    if (f.locationId() != null) {
      w.append(" AND ").append(a).append(".locationId = :location");
      params.put("location", f.locationId());
    }
    if (f.status() != null) {
      w.append(" AND ").append(a).append(".status = :status");
      params.put("status", f.status().name());
    }
    if (f.lot() != null) {
      w.append(" AND ").append(a).append(".lot = :lot");
      params.put("lot", f.lot());
    }
    return w.toString();
  }

  private static long count(TypedQuery<Long> q, Map<String, Object> params) {
    params.forEach(q::setParameter);
    return q.getSingleResult();
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
    AuditTrail.write(em, caller, entity, id, plantId, action, before, after);
  }

  private static Warehouse toRecord(WarehouseEntity e) {
    return new Warehouse(e.id, e.plantId, e.code, e.name, e.nameEn, e.allowNegative, e.version);
  }

  private static Location toRecord(LocationEntity e) {
    return new Location(e.id, e.warehouseId, e.plantId, e.code, e.name, e.version);
  }
}
