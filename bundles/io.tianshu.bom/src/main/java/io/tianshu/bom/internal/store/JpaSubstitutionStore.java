package io.tianshu.bom.internal.store;

import io.tianshu.bom.StoredSubstitutionGroup;
import io.tianshu.bom.Substitute;
import io.tianshu.bom.SubstitutePart;
import io.tianshu.bom.SubstitutionStrategy;
import io.tianshu.bom.internal.SubstitutionStore;
import io.tianshu.core.CallerContext;
import io.tianshu.persistence.AuditTrail;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;

/**
 * {@link SubstitutionStore} on the caller's EntityManager: groups, then their sets and parts in one
 * query each, whatever the number of groups.
 */
public final class JpaSubstitutionStore implements SubstitutionStore {
  private final EntityManager em;

  public JpaSubstitutionStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<StoredSubstitutionGroup> find(long id) {
    SubstitutionGroupEntity e = em.find(SubstitutionGroupEntity.class, id);
    return e == null ? Optional.empty() : Optional.of(withSets(List.of(e)).get(0));
  }

  @Override
  public List<StoredSubstitutionGroup> list(Set<Long> plants, Long componentMaterialId) {
    StringBuilder q = new StringBuilder("SELECT g FROM SubstitutionGroupEntity g WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (plants != null) {
      List<Long> owners = new ArrayList<>(plants);
      owners.add(0L);
      q.append(" AND g.owner IN :owners");
      params.put("owners", owners);
    }
    if (componentMaterialId != null) {
      q.append(
          " AND EXISTS (SELECT p FROM SubstitutionPartEntity p WHERE p.groupId = g.id"
              + " AND p.setNo = 0 AND p.materialId = :component)");
      params.put("component", componentMaterialId);
    }
    q.append(" ORDER BY g.id");
    var query = em.createQuery(q.toString(), SubstitutionGroupEntity.class);
    params.forEach(query::setParameter);
    return withSets(query.getResultList());
  }

  private List<StoredSubstitutionGroup> withSets(List<SubstitutionGroupEntity> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    Map<Long, Map<Integer, SubstitutionSetEntity>> sets = new HashMap<>();
    Map<Long, Map<Integer, List<SubstitutePart>>> parts = new HashMap<>();
    List<Long> ids = groups.stream().map(g -> g.id).toList();
    for (int from = 0; from < ids.size(); from += 1000) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      for (SubstitutionSetEntity s :
          em.createQuery(
                  "SELECT s FROM SubstitutionSetEntity s WHERE s.groupId IN :ids"
                      + " ORDER BY s.groupId, s.setNo",
                  SubstitutionSetEntity.class)
              .setParameter("ids", chunk)
              .getResultList()) {
        sets.computeIfAbsent(s.groupId, k -> new java.util.TreeMap<>()).put(s.setNo, s);
      }
      for (SubstitutionPartEntity p :
          em.createQuery(
                  "SELECT p FROM SubstitutionPartEntity p WHERE p.groupId IN :ids"
                      + " ORDER BY p.groupId, p.setNo, p.seq",
                  SubstitutionPartEntity.class)
              .setParameter("ids", chunk)
              .getResultList()) {
        parts
            .computeIfAbsent(p.groupId, k -> new HashMap<>())
            .computeIfAbsent(p.setNo, k -> new ArrayList<>())
            .add(new SubstitutePart(p.materialId, p.quantity.doubleValue()));
      }
    }
    List<StoredSubstitutionGroup> result = new ArrayList<>();
    for (SubstitutionGroupEntity g : groups) {
      Map<Integer, List<SubstitutePart>> byNo = parts.getOrDefault(g.id, Map.of());
      List<Substitute> substitutes = new ArrayList<>();
      for (SubstitutionSetEntity s : sets.getOrDefault(g.id, Map.of()).values()) {
        if (s.setNo > 0) {
          substitutes.add(
              new Substitute(
                  s.priority,
                  byNo.getOrDefault(s.setNo, List.of()),
                  local(s.validFrom),
                  local(s.validTo)));
        }
      }
      result.add(
          new StoredSubstitutionGroup(
              g.id,
              g.owner == 0L ? null : g.owner,
              g.parentId,
              SubstitutionStrategy.valueOf(g.strategy),
              g.customer,
              g.orderRef,
              local(g.validFrom),
              local(g.validTo),
              byNo.getOrDefault(0, List.of()),
              substitutes,
              g.version));
    }
    return result;
  }

  @Override
  public StoredSubstitutionGroup insert(StoredSubstitutionGroup group, String createdBy) {
    SubstitutionGroupEntity e = new SubstitutionGroupEntity();
    e.owner = group.plantId() == null ? 0L : group.plantId();
    e.parentId = group.parentMaterialId();
    e.strategy = group.strategy().name();
    e.customer = group.customer();
    e.orderRef = group.orderRef();
    e.validFrom = sql(group.validFrom());
    e.validTo = sql(group.validTo());
    e.createdAt = Timestamp.from(Instant.now());
    e.createdBy = createdBy;
    em.persist(e);
    em.flush();
    insertSet(e.id, 0, 0, null, null, group.primary());
    for (int i = 0; i < group.substitutes().size(); i++) {
      Substitute s = group.substitutes().get(i);
      insertSet(e.id, i + 1, s.priority(), s.validFrom(), s.validTo(), s.parts());
    }
    em.flush();
    em.clear();
    return find(e.id).orElseThrow();
  }

  private void insertSet(
      long groupId,
      int setNo,
      int priority,
      LocalDate from,
      LocalDate to,
      List<SubstitutePart> parts) {
    SubstitutionSetEntity s = new SubstitutionSetEntity();
    s.groupId = groupId;
    s.setNo = setNo;
    s.priority = priority;
    s.validFrom = sql(from);
    s.validTo = sql(to);
    em.persist(s);
    em.flush();
    for (int j = 0; j < parts.size(); j++) {
      SubstitutionPartEntity p = new SubstitutionPartEntity();
      p.groupId = groupId;
      p.setNo = setNo;
      p.seq = j + 1;
      p.materialId = parts.get(j).materialId();
      p.quantity = BigDecimal.valueOf(parts.get(j).quantity());
      em.persist(p);
    }
  }

  @Override
  public void delete(long id) {
    em.createQuery("DELETE FROM SubstitutionPartEntity p WHERE p.groupId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.createQuery("DELETE FROM SubstitutionSetEntity s WHERE s.groupId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.remove(em.find(SubstitutionGroupEntity.class, id));
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
    AuditTrail.write(em, caller, "SubstitutionGroup", id, plantId, action, before, after);
  }

  private static Date sql(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate local(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
