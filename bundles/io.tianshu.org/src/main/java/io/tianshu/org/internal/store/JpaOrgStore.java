package io.tianshu.org.internal.store;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitStatus;
import io.tianshu.org.OrgUnitType;
import io.tianshu.org.internal.OrgLogic;
import io.tianshu.org.internal.OrgStore;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Transactions;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;

/** {@link OrgStore} on the caller's EntityManager (one transaction). */
public final class JpaOrgStore implements OrgStore {
  private final EntityManager em;

  public JpaOrgStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<OrgUnit> find(long id) {
    return Optional.ofNullable(em.find(OrgUnitEntity.class, id)).map(JpaOrgStore::toRecord);
  }

  @Override
  public Optional<OrgUnit> findPlantByCode(String code) {
    return em.createQuery(
            "SELECT u FROM OrgUnitEntity u WHERE u.plantId = 0 AND u.code = :code",
            OrgUnitEntity.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .map(JpaOrgStore::toRecord);
  }

  @Override
  public boolean codeTaken(long scope, String code, Long exceptId) {
    return em
        .createQuery(
            "SELECT u.id FROM OrgUnitEntity u WHERE u.plantId = :scope AND u.code = :code",
            Long.class)
        .setParameter("scope", scope)
        .setParameter("code", code)
        .getResultList()
        .stream()
        .anyMatch(id -> !id.equals(exceptId));
  }

  @Override
  public Page<OrgUnit> listPlants(Set<Long> plantIds, String q, PageRequest page) {
    if (plantIds != null && plantIds.isEmpty()) {
      return new Page<>(List.of(), page.offset(), page.limit(), 0);
    }
    StringBuilder where = new StringBuilder(" WHERE u.plantId = 0");
    Map<String, Object> params = new HashMap<>();
    if (plantIds != null) {
      where.append(" AND u.id IN :ids");
      params.put("ids", plantIds);
    }
    if (q != null && !q.isBlank()) {
      where.append(
          " AND (LOWER(u.code) LIKE :q OR LOWER(u.name) LIKE :q OR LOWER(u.nameEn) LIKE :q)");
      params.put("q", "%" + q.trim().toLowerCase(Locale.ROOT) + "%");
    }
    return Transactions.page(
        em, OrgUnitEntity.class, "u", where.toString(), params, page, JpaOrgStore::toRecord);
  }

  @Override
  public List<OrgUnit> listUnits(long plantId) {
    return em
        .createQuery("SELECT u FROM OrgUnitEntity u WHERE u.plantId = :p", OrgUnitEntity.class)
        .setParameter("p", plantId)
        .getResultList()
        .stream()
        .map(JpaOrgStore::toRecord)
        // Down the hierarchy (workshops, lines, work centres), then by code.
        .sorted(Comparator.comparing(OrgUnit::type).thenComparing(OrgUnit::code))
        .toList();
  }

  @Override
  public boolean hasChildren(long id) {
    return em.createQuery("SELECT COUNT(u) FROM OrgUnitEntity u WHERE u.parentId = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult()
        > 0;
  }

  @Override
  public long grantCount(long plantId) {
    return em.createQuery(
            "SELECT COUNT(g) FROM PlantGrantEntity g WHERE g.plantId = :p", Long.class)
        .setParameter("p", plantId)
        .getSingleResult();
  }

  @Override
  public OrgUnit insert(OrgUnit unit) {
    OrgUnitEntity e = new OrgUnitEntity();
    copy(unit, e);
    e.plantId = unit.type() == OrgUnitType.PLANT ? 0L : unit.plantId();
    e.createdAt = Timestamp.from(unit.createdAt());
    e.createdBy = unit.createdBy();
    em.persist(e);
    em.flush();
    return toRecord(e);
  }

  @Override
  public OrgUnit update(OrgUnit unit) {
    OrgUnitEntity e = em.find(OrgUnitEntity.class, unit.id());
    copy(unit, e);
    em.flush();
    return toRecord(e);
  }

  @Override
  public void delete(long id) {
    em.remove(em.find(OrgUnitEntity.class, id));
    em.flush();
  }

  @Override
  public void audit(CallerContext caller, String action, OrgUnit before, OrgUnit after) {
    OrgUnit any = after != null ? after : before;
    AuditTrail.write(
        em,
        caller,
        "OrgUnit",
        any.id(),
        any.plantId(),
        action,
        OrgLogic.snapshot(before),
        OrgLogic.snapshot(after));
  }

  private static void copy(OrgUnit unit, OrgUnitEntity e) {
    e.unitType = unit.type().name();
    e.code = unit.code();
    e.name = unit.name();
    e.nameEn = unit.nameEn();
    e.parentId = unit.parentId();
    e.status = unit.status().name();
    e.updatedAt = Timestamp.from(unit.updatedAt());
    e.updatedBy = unit.updatedBy();
  }

  static OrgUnit toRecord(OrgUnitEntity e) {
    return new OrgUnit(
        e.id,
        OrgUnitType.valueOf(e.unitType),
        e.code,
        e.name,
        e.nameEn,
        e.parentId,
        e.plantId == 0L ? e.id : e.plantId,
        OrgUnitStatus.valueOf(e.status),
        e.version,
        e.createdAt.toInstant(),
        e.createdBy,
        e.updatedAt.toInstant(),
        e.updatedBy);
  }
}
