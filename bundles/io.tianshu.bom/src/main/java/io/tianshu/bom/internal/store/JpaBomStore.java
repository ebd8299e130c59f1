package io.tianshu.bom.internal.store;

import io.tianshu.bom.Bom;
import io.tianshu.bom.BomItem;
import io.tianshu.bom.BomOutput;
import io.tianshu.bom.BomOutputKind;
import io.tianshu.bom.BomView;
import io.tianshu.bom.internal.BomStore;
import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Transactions;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

/**
 * {@link BomStore} on the caller's EntityManager. Lines are read in one query per request (not per
 * version), so that loading a whole BOM set costs two queries. Units are the components' base
 * units, read with the lines.
 */
public final class JpaBomStore implements BomStore {
  /**
   * Whole BOM sets are read without registering their rows in the persistence context: with
   * hundreds of thousands of managed lines, every later flush of the transaction compared them all
   * (a group BOM took minutes to create on a 577k-line model).
   */
  private static final String READ_ONLY = "eclipselink.read-only";

  private final EntityManager em;

  private final JdbcBomSets sets;

  /** Whole views are read through {@code sets} with plain JDBC (see {@link #allVersions}). */
  public JpaBomStore(EntityManager em, JdbcBomSets sets) {
    this.em = em;
    this.sets = sets;
  }

  @Override
  public Optional<Bom> find(long id) {
    BomVersionEntity e = em.find(BomVersionEntity.class, id);
    return e == null ? Optional.empty() : Optional.of(withLines(List.of(e)).get(0));
  }

  @Override
  public Page<Bom> list(
      Set<Long> plants, Long parentId, Long plantId, BomView view, PageRequest page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (plantId != null) {
      where.append(" AND b.owner = :plant");
      params.put("plant", plantId);
    } else if (plants != null) {
      List<Long> owners = new ArrayList<>(plants);
      owners.add(0L);
      where.append(" AND b.owner IN :owners");
      params.put("owners", owners);
    }
    if (parentId != null) {
      where.append(" AND b.parentId = :parent");
      params.put("parent", parentId);
    }
    if (view != null) {
      where.append(" AND b.view = :view");
      params.put("view", view.name());
    }
    Page<BomVersionEntity> rows =
        Transactions.page(em, BomVersionEntity.class, "b", where.toString(), params, page, e -> e);
    return new Page<>(withLines(rows.items()), rows.offset(), rows.limit(), rows.total());
  }

  @Override
  public List<Bom> versions(BomView view, Long plantId) {
    return withLines(
        em.createQuery(
                "SELECT b FROM BomVersionEntity b WHERE b.view = :v AND b.owner IN :o",
                BomVersionEntity.class)
            .setParameter("v", view.name())
            .setParameter("o", plantId == null ? List.of(0L) : List.of(0L, plantId))
            .setHint(READ_ONLY, "true")
            .getResultList());
  }

  @Override
  public List<Bom> allVersions(BomView view) {
    // Flushed first: the JDBC read runs on the transaction's connection and must see this
    // transaction's own changes (e.g. an engineering change that just ended a version).
    em.flush();
    return sets.allVersions(view);
  }

  private List<Bom> withLines(List<BomVersionEntity> versions) {
    if (versions.isEmpty()) {
      return List.of();
    }
    Map<Long, List<BomItem>> lines = new HashMap<>();
    List<Long> ids = versions.stream().map(v -> v.id).toList();
    // IN lists stay short enough for every database: chunks of 1,000.
    for (int from = 0; from < ids.size(); from += 1000) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      for (Object[] row :
          em.createQuery(
                  "SELECT l, m.baseUnit FROM BomLineEntity l, MaterialRow m"
                      + " WHERE l.bomId IN :ids AND m.id = l.componentId ORDER BY l.bomId, l.lineNo",
                  Object[].class)
              .setParameter("ids", chunk)
              .setHint(READ_ONLY, "true")
              .getResultList()) {
        BomLineEntity l = (BomLineEntity) row[0];
        lines
            .computeIfAbsent(l.bomId, k -> new ArrayList<>())
            .add(
                new BomItem(
                    l.lineNo,
                    l.componentId,
                    l.quantityPer.stripTrailingZeros(),
                    (String) row[1],
                    l.scrapPercent.stripTrailingZeros(),
                    l.phantom,
                    l.operationRef));
      }
    }
    Map<Long, List<BomOutput>> outputs = new HashMap<>();
    Map<Long, List<Long>> allocations = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      for (Object[] row :
          em.createQuery(
                  "SELECT o, m.baseUnit FROM BomOutputEntity o, MaterialRow m"
                      + " WHERE o.bomId IN :ids AND m.id = o.materialId ORDER BY o.bomId, o.lineNo",
                  Object[].class)
              .setParameter("ids", chunk)
              .setHint(READ_ONLY, "true")
              .getResultList()) {
        BomOutputEntity o = (BomOutputEntity) row[0];
        outputs
            .computeIfAbsent(o.bomId, k -> new ArrayList<>())
            .add(
                new BomOutput(
                    o.lineNo,
                    o.materialId,
                    o.quantityPer.stripTrailingZeros(),
                    (String) row[1],
                    BomOutputKind.valueOf(o.kind),
                    o.costShare.stripTrailingZeros()));
      }
      for (BomAllocationEntity a :
          em.createQuery(
                  "SELECT a FROM BomAllocationEntity a WHERE a.bomId IN :ids"
                      + " ORDER BY a.bomId, a.plantId",
                  BomAllocationEntity.class)
              .setParameter("ids", chunk)
              .setHint(READ_ONLY, "true")
              .getResultList()) {
        allocations.computeIfAbsent(a.bomId, k -> new ArrayList<>()).add(a.plantId);
      }
    }
    List<Bom> result = new ArrayList<>();
    for (BomVersionEntity v : versions) {
      result.add(
          new Bom(
              v.id,
              v.parentId,
              v.owner == 0L ? null : v.owner,
              BomView.valueOf(v.view),
              v.revision,
              v.validFrom.toLocalDate(),
              v.validTo == null ? null : v.validTo.toLocalDate(),
              v.serialFrom,
              v.serialTo,
              allocations.getOrDefault(v.id, List.of()),
              lines.getOrDefault(v.id, List.of()),
              outputs.getOrDefault(v.id, List.of()),
              v.version));
    }
    return result;
  }

  @Override
  public Bom insert(Bom bom, String createdBy) {
    BomVersionEntity e = new BomVersionEntity();
    e.owner = bom.plantId() == null ? 0L : bom.plantId();
    e.parentId = bom.parentMaterialId();
    e.view = bom.view().name();
    e.revision = bom.revision();
    e.validFrom = Date.valueOf(bom.validFrom());
    e.validTo = bom.validTo() == null ? null : Date.valueOf(bom.validTo());
    e.serialFrom = bom.serialFrom();
    e.serialTo = bom.serialTo();
    e.createdAt = Timestamp.from(Instant.now());
    e.createdBy = createdBy;
    em.persist(e);
    em.flush();
    for (BomItem i : bom.lines()) {
      BomLineEntity l = new BomLineEntity();
      l.bomId = e.id;
      l.lineNo = i.lineNo();
      l.componentId = i.componentMaterialId();
      l.quantityPer = i.quantityPer();
      l.scrapPercent = i.scrapPercent();
      l.phantom = i.phantom();
      l.operationRef = i.operationRef();
      em.persist(l);
    }
    for (BomOutput o : bom.outputs()) {
      BomOutputEntity out = new BomOutputEntity();
      out.bomId = e.id;
      out.lineNo = o.lineNo();
      out.materialId = o.materialId();
      out.quantityPer = o.quantityPer();
      out.kind = o.kind().name();
      out.costShare = o.costSharePercent();
      em.persist(out);
    }
    insertAllocation(e.id, bom.allocatedPlantIds());
    em.flush();
    return new Bom(
        e.id,
        bom.parentMaterialId(),
        bom.plantId(),
        bom.view(),
        bom.revision(),
        bom.validFrom(),
        bom.validTo(),
        bom.serialFrom(),
        bom.serialTo(),
        bom.allocatedPlantIds(),
        bom.lines(),
        bom.outputs(),
        e.version);
  }

  private void insertAllocation(long bomId, List<Long> plantIds) {
    for (Long plant : plantIds) {
      BomAllocationEntity a = new BomAllocationEntity();
      a.bomId = bomId;
      a.plantId = plant;
      em.persist(a);
    }
  }

  @Override
  public Bom allocate(long id, List<Long> plantIds) {
    em.createQuery("DELETE FROM BomAllocationEntity a WHERE a.bomId = :id")
        .setParameter("id", id)
        .executeUpdate();
    insertAllocation(id, plantIds);
    // The allocation is part of the version: changing it bumps the version a client must send.
    em.createQuery("UPDATE BomVersionEntity b SET b.version = b.version + 1 WHERE b.id = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.flush();
    em.clear();
    return find(id).orElseThrow();
  }

  @Override
  public Bom endVersion(long id, java.time.LocalDate validTo) {
    em.createQuery(
            "UPDATE BomVersionEntity b SET b.validTo = :to, b.version = b.version + 1"
                + " WHERE b.id = :id")
        .setParameter("to", Date.valueOf(validTo))
        .setParameter("id", id)
        .executeUpdate();
    em.flush();
    em.clear();
    return find(id).orElseThrow();
  }

  @Override
  public void lockView(BomView view) {
    BomLockEntity lock =
        em.createQuery("SELECT l FROM BomLockEntity l WHERE l.view = :v", BomLockEntity.class)
            .setParameter("v", view.name())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getSingleResult();
    lock.changes++;
  }

  @Override
  public long countOwnedBy(long plantId) {
    return em.createQuery("SELECT COUNT(b) FROM BomVersionEntity b WHERE b.owner = :p", Long.class)
        .setParameter("p", plantId)
        .getSingleResult();
  }

  @Override
  public void delete(long id) {
    em.createQuery("DELETE FROM BomLineEntity l WHERE l.bomId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.createQuery("DELETE FROM BomOutputEntity o WHERE o.bomId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.createQuery("DELETE FROM BomAllocationEntity a WHERE a.bomId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.remove(em.find(BomVersionEntity.class, id));
    em.flush();
  }

  @Override
  public void audit(
      CallerContext caller,
      Object id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after) {
    AuditTrail.write(em, caller, "Bom", id, plantId, action, before, after);
  }
}
