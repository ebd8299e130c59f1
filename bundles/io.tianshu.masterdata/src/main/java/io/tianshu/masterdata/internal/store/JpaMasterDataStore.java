package io.tianshu.masterdata.internal.store;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.masterdata.MaterialGroup;
import io.tianshu.masterdata.MaterialStatus;
import io.tianshu.masterdata.MaterialType;
import io.tianshu.masterdata.UnitConversion;
import io.tianshu.masterdata.UnitOfMeasure;
import io.tianshu.masterdata.internal.MasterDataStore;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Transactions;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/** {@link MasterDataStore} on the caller's EntityManager (one transaction). */
public final class JpaMasterDataStore implements MasterDataStore {
  private final EntityManager em;

  public JpaMasterDataStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Material> findMaterial(long id) {
    return Optional.ofNullable(em.find(MaterialEntity.class, id)).map(JpaMasterDataStore::toRecord);
  }

  @Override
  public boolean materialCodeTaken(long owner, String code, Long exceptId) {
    return em
        .createQuery(
            "SELECT m.id FROM MaterialEntity m WHERE m.owner = :o AND m.code = :c", Long.class)
        .setParameter("o", owner)
        .setParameter("c", code)
        .getResultList()
        .stream()
        .anyMatch(id -> !id.equals(exceptId));
  }

  @Override
  public Page<Material> listMaterials(Set<Long> plants, MaterialFilter f, PageRequest page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (f.plantId() != null) {
      where.append(" AND m.owner = :plant");
      params.put("plant", f.plantId());
    } else if (plants != null) {
      List<Long> owners = new ArrayList<>(plants);
      owners.add(0L);
      where.append(" AND m.owner IN :owners");
      params.put("owners", owners);
    }
    if (f.q() != null && !f.q().isBlank()) {
      where.append(
          " AND (LOWER(m.code) LIKE :q OR LOWER(m.name) LIKE :q OR LOWER(m.nameEn) LIKE :q)");
      params.put("q", "%" + f.q().trim().toLowerCase(Locale.ROOT) + "%");
    }
    if (f.type() != null) {
      where.append(" AND m.type = :type");
      params.put("type", f.type().name());
    }
    if (f.status() != null) {
      where.append(" AND m.status = :status");
      params.put("status", f.status().name());
    }
    return Transactions.page(
        em,
        MaterialEntity.class,
        "m",
        where.toString(),
        params,
        page,
        JpaMasterDataStore::toRecord);
  }

  @Override
  public Material insertMaterial(Material m) {
    MaterialEntity e = new MaterialEntity();
    copy(m, e);
    e.owner = m.plantId() == null ? 0L : m.plantId();
    e.createdAt = Timestamp.from(m.createdAt());
    e.createdBy = m.createdBy();
    em.persist(e);
    em.flush();
    return toRecord(e);
  }

  @Override
  public Material updateMaterial(Material m) {
    MaterialEntity e = em.find(MaterialEntity.class, m.id());
    copy(m, e);
    em.flush();
    return toRecord(e);
  }

  @Override
  public void deleteMaterial(long id) {
    em.remove(em.find(MaterialEntity.class, id));
    em.flush();
  }

  @Override
  public long countOwnedBy(long plantId) {
    return em.createQuery("SELECT COUNT(m) FROM MaterialEntity m WHERE m.owner = :p", Long.class)
            .setParameter("p", plantId)
            .getSingleResult()
        + em.createQuery(
                "SELECT COUNT(g) FROM MaterialGroupEntity g WHERE g.owner = :p", Long.class)
            .setParameter("p", plantId)
            .getSingleResult();
  }

  @Override
  public List<UnitOfMeasure> units() {
    return em
        .createQuery("SELECT u FROM UomEntity u ORDER BY u.dimension, u.code", UomEntity.class)
        .getResultList()
        .stream()
        .map(JpaMasterDataStore::toRecord)
        .toList();
  }

  @Override
  public Optional<UnitOfMeasure> unit(String code) {
    return em.createQuery("SELECT u FROM UomEntity u WHERE u.code = :c", UomEntity.class)
        .setParameter("c", code)
        .getResultStream()
        .findFirst()
        .map(JpaMasterDataStore::toRecord);
  }

  @Override
  public UnitOfMeasure insertUnit(UnitOfMeasure u) {
    UomEntity e = new UomEntity();
    e.code = u.code();
    e.name = u.name();
    e.nameEn = u.nameEn();
    e.dimension = u.dimension();
    em.persist(e);
    em.flush();
    return toRecord(e);
  }

  @Override
  public List<UnitConversion> conversions(Long materialId) {
    String jpql =
        materialId == null
            ? "SELECT c FROM UomConversionEntity c WHERE c.materialId IS NULL ORDER BY c.id"
            : "SELECT c FROM UomConversionEntity c WHERE c.materialId IS NULL OR c.materialId = :m"
                + " ORDER BY c.id";
    TypedQuery<UomConversionEntity> q = em.createQuery(jpql, UomConversionEntity.class);
    if (materialId != null) {
      q.setParameter("m", materialId);
    }
    return q.getResultList().stream().map(JpaMasterDataStore::toRecord).toList();
  }

  @Override
  public List<UnitConversion> materialConversions() {
    return em
        .createQuery(
            "SELECT c FROM UomConversionEntity c WHERE c.materialId IS NOT NULL",
            UomConversionEntity.class)
        .getResultList()
        .stream()
        .map(JpaMasterDataStore::toRecord)
        .toList();
  }

  @Override
  public UnitConversion insertConversion(UnitConversion c) {
    UomConversionEntity e = new UomConversionEntity();
    e.fromUnit = c.fromUnit();
    e.toUnit = c.toUnit();
    e.factor = c.factor();
    e.materialId = c.materialId();
    em.persist(e);
    em.flush();
    return toRecord(e);
  }

  @Override
  public void deleteConversion(long id) {
    em.remove(em.find(UomConversionEntity.class, id));
    em.flush();
  }

  @Override
  public Optional<MaterialGroup> findGroup(long id) {
    return Optional.ofNullable(em.find(MaterialGroupEntity.class, id))
        .map(JpaMasterDataStore::toRecord);
  }

  @Override
  public boolean groupCodeTaken(long owner, String code) {
    return !em.createQuery(
            "SELECT g.id FROM MaterialGroupEntity g WHERE g.owner = :o AND g.code = :c", Long.class)
        .setParameter("o", owner)
        .setParameter("c", code)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<MaterialGroup> groups(Set<Long> plants) {
    List<MaterialGroupEntity> all;
    if (plants == null) {
      all =
          em.createQuery(
                  "SELECT g FROM MaterialGroupEntity g ORDER BY g.code", MaterialGroupEntity.class)
              .getResultList();
    } else {
      List<Long> owners = new ArrayList<>(plants);
      owners.add(0L);
      all =
          em.createQuery(
                  "SELECT g FROM MaterialGroupEntity g WHERE g.owner IN :o ORDER BY g.code",
                  MaterialGroupEntity.class)
              .setParameter("o", owners)
              .getResultList();
    }
    return all.stream().map(JpaMasterDataStore::toRecord).toList();
  }

  @Override
  public MaterialGroup insertGroup(MaterialGroup g) {
    MaterialGroupEntity e = new MaterialGroupEntity();
    e.code = g.code();
    e.name = g.name();
    e.nameEn = g.nameEn();
    e.parentId = g.parentId();
    e.owner = g.plantId() == null ? 0L : g.plantId();
    em.persist(e);
    em.flush();
    return toRecord(e);
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

  private static void copy(Material m, MaterialEntity e) {
    e.code = m.code();
    e.name = m.name();
    e.nameEn = m.nameEn();
    e.type = m.type().name();
    e.baseUnit = m.baseUnit();
    e.groupId = m.groupId();
    e.status = m.status().name();
    e.updatedAt = Timestamp.from(m.updatedAt());
    e.updatedBy = m.updatedBy();
  }

  private static Material toRecord(MaterialEntity e) {
    return new Material(
        e.id,
        e.code,
        e.name,
        e.nameEn,
        MaterialType.valueOf(e.type),
        e.baseUnit,
        e.groupId,
        MaterialStatus.valueOf(e.status),
        e.owner == 0L ? null : e.owner,
        e.version,
        e.createdAt.toInstant(),
        e.createdBy,
        e.updatedAt.toInstant(),
        e.updatedBy);
  }

  private static UnitOfMeasure toRecord(UomEntity e) {
    return new UnitOfMeasure(e.id, e.code, e.name, e.nameEn, e.dimension, e.version);
  }

  private static UnitConversion toRecord(UomConversionEntity e) {
    return new UnitConversion(e.id, e.fromUnit, e.toUnit, e.factor, e.materialId, e.version);
  }

  private static MaterialGroup toRecord(MaterialGroupEntity e) {
    return new MaterialGroup(
        e.id, e.code, e.name, e.nameEn, e.parentId, e.owner == 0L ? null : e.owner, e.version);
  }
}
