package io.tianshu.routing.internal.store;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Transactions;
import io.tianshu.routing.AlternativeWorkCenter;
import io.tianshu.routing.OperationLink;
import io.tianshu.routing.Routing;
import io.tianshu.routing.RoutingOperation;
import io.tianshu.routing.internal.RoutingStore;
import java.math.BigDecimal;
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
import javax.persistence.Query;

/**
 * {@link RoutingStore} on the caller's EntityManager. The operations of a page of routings are read
 * in three queries (operations, alternatives, links), not per routing.
 */
public final class JpaRoutingStore implements RoutingStore {
  private final EntityManager em;

  public JpaRoutingStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Routing> find(long id) {
    RoutingEntity e = em.find(RoutingEntity.class, id);
    return e == null ? Optional.empty() : Optional.of(withOperations(List.of(e)).get(0));
  }

  @Override
  public Page<Routing> list(Set<Long> plants, Long plantId, Long materialId, PageRequest page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (plantId != null) {
      where.append(" AND r.plantId = :plant");
      params.put("plant", plantId);
    } else if (plants != null) {
      if (plants.isEmpty()) {
        return new Page<>(List.of(), page.offset(), page.limit(), 0);
      }
      where.append(" AND r.plantId IN :plants");
      params.put("plants", List.copyOf(plants));
    }
    if (materialId != null) {
      where.append(" AND r.materialId = :material");
      params.put("material", materialId);
    }
    Page<RoutingEntity> rows =
        Transactions.page(em, RoutingEntity.class, "r", where.toString(), params, page, e -> e);
    return new Page<>(withOperations(rows.items()), rows.offset(), rows.limit(), rows.total());
  }

  @Override
  public List<Routing> versions(long plantId, long materialId) {
    return withOperations(
        em.createQuery(
                "SELECT r FROM RoutingEntity r WHERE r.plantId = :p AND r.materialId = :m"
                    + " ORDER BY r.validFrom",
                RoutingEntity.class)
            .setParameter("p", plantId)
            .setParameter("m", materialId)
            .getResultList());
  }

  @Override
  public void lockPlant(long plantId) {
    // A no-op update takes the plant row's write lock in Derby and PostgreSQL alike.
    em.createNativeQuery("UPDATE org_unit SET version = version WHERE id = ?")
        .setParameter(1, plantId)
        .executeUpdate();
  }

  @Override
  public Routing insert(Routing r, String user) {
    RoutingEntity e = new RoutingEntity();
    e.plantId = r.plantId();
    e.materialId = r.materialId();
    e.revision = r.revision();
    e.description = r.description();
    e.validFrom = Date.valueOf(r.validFrom());
    e.validTo = r.validTo() == null ? null : Date.valueOf(r.validTo());
    e.createdAt = Timestamp.from(Instant.now());
    e.createdBy = user;
    em.persist(e);
    em.flush();
    for (RoutingOperation o : r.operations()) {
      em.createNativeQuery(
              "INSERT INTO routing_operation (routing_id, op_no, description, work_center_id,"
                  + " setup_minutes, run_minutes, queue_minutes, move_minutes, outsourced)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .setParameter(1, e.id)
          .setParameter(2, o.opNo())
          .setParameter(3, o.description())
          .setParameter(4, o.workCenterId())
          .setParameter(5, o.setupMinutes())
          .setParameter(6, o.runMinutes())
          .setParameter(7, o.queueMinutes())
          .setParameter(8, o.moveMinutes())
          .setParameter(9, o.outsourced())
          .executeUpdate();
      int seq = 0;
      for (AlternativeWorkCenter a : o.alternatives()) {
        Query insert =
            em.createNativeQuery(
                    "INSERT INTO routing_alternative (routing_id, op_no, seq, work_center_id,"
                        + " run_minutes) VALUES (?, ?, ?, ?, "
                        + (a.runMinutes() == null ? "NULL" : "?")
                        + ")")
                .setParameter(1, e.id)
                .setParameter(2, o.opNo())
                .setParameter(3, ++seq)
                .setParameter(4, a.workCenterId());
        if (a.runMinutes() != null) {
          insert.setParameter(5, a.runMinutes());
        }
        insert.executeUpdate();
      }
      for (OperationLink l : o.predecessors()) {
        em.createNativeQuery(
                "INSERT INTO routing_link (routing_id, op_no, predecessor_op_no, overlap_percent,"
                    + " lag_minutes) VALUES (?, ?, ?, ?, ?)")
            .setParameter(1, e.id)
            .setParameter(2, o.opNo())
            .setParameter(3, l.predecessorOpNo())
            .setParameter(4, l.overlapPercent())
            .setParameter(5, l.lagMinutes())
            .executeUpdate();
      }
    }
    em.flush();
    return withOperations(List.of(e)).get(0);
  }

  @Override
  public Routing endVersion(long id, java.time.LocalDate validTo) {
    em.createQuery(
            "UPDATE RoutingEntity r SET r.validTo = :to, r.version = r.version + 1 WHERE r.id = :id")
        .setParameter("to", Date.valueOf(validTo))
        .setParameter("id", id)
        .executeUpdate();
    em.flush();
    em.clear();
    return find(id).orElseThrow();
  }

  @Override
  public void delete(long id) {
    for (String table : List.of("routing_link", "routing_alternative", "routing_operation")) {
      em.createNativeQuery("DELETE FROM " + table + " WHERE routing_id = ?")
          .setParameter(1, id)
          .executeUpdate();
    }
    em.remove(em.find(RoutingEntity.class, id));
    em.flush();
  }

  @Override
  public long countOwnedBy(long plantId) {
    return em.createQuery("SELECT COUNT(r) FROM RoutingEntity r WHERE r.plantId = :p", Long.class)
        .setParameter("p", plantId)
        .getSingleResult();
  }

  @Override
  public void audit(
      CallerContext caller,
      Object id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after) {
    AuditTrail.write(em, caller, "Routing", id, plantId, action, before, after);
  }

  private List<Routing> withOperations(List<RoutingEntity> routings) {
    if (routings.isEmpty()) {
      return List.of();
    }
    Map<String, List<OperationLink>> links = new HashMap<>();
    Map<String, List<AlternativeWorkCenter>> alts = new HashMap<>();
    Map<Long, List<Object[]>> ops = new HashMap<>();
    List<Long> ids = routings.stream().map(r -> r.id).toList();
    for (int from = 0; from < ids.size(); from += 500) {
      String in = inList(ids.subList(from, Math.min(ids.size(), from + 500)));
      for (Object[] r :
          rows(
              "SELECT routing_id, op_no, predecessor_op_no, overlap_percent, lag_minutes"
                  + " FROM routing_link WHERE routing_id IN "
                  + in
                  + " ORDER BY routing_id, op_no, predecessor_op_no")) {
        links
            .computeIfAbsent(key(r[0], r[1]), k -> new ArrayList<>())
            .add(new OperationLink(num(r[2]), dec(r[3]), dec(r[4])));
      }
      for (Object[] r :
          rows(
              "SELECT routing_id, op_no, work_center_id, run_minutes FROM routing_alternative"
                  + " WHERE routing_id IN "
                  + in
                  + " ORDER BY routing_id, op_no, seq")) {
        alts.computeIfAbsent(key(r[0], r[1]), k -> new ArrayList<>())
            .add(
                new AlternativeWorkCenter(
                    ((Number) r[2]).longValue(), r[3] == null ? null : dec(r[3])));
      }
      for (Object[] r :
          rows(
              "SELECT routing_id, op_no, description, work_center_id, setup_minutes,"
                  + " run_minutes, queue_minutes, move_minutes, outsourced"
                  + " FROM routing_operation WHERE routing_id IN "
                  + in
                  + " ORDER BY routing_id, op_no")) {
        ops.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(r);
      }
    }
    List<Routing> result = new ArrayList<>();
    for (RoutingEntity e : routings) {
      List<RoutingOperation> operations = new ArrayList<>();
      for (Object[] r : ops.getOrDefault(e.id, List.of())) {
        String k = key(r[0], r[1]);
        operations.add(
            new RoutingOperation(
                num(r[1]),
                (String) r[2],
                ((Number) r[3]).longValue(),
                dec(r[4]),
                dec(r[5]),
                dec(r[6]),
                dec(r[7]),
                Boolean.TRUE.equals(r[8]),
                links.getOrDefault(k, List.of()),
                alts.getOrDefault(k, List.of())));
      }
      result.add(
          new Routing(
              e.id,
              e.plantId,
              e.materialId,
              e.revision,
              e.description,
              e.validFrom.toLocalDate(),
              e.validTo == null ? null : e.validTo.toLocalDate(),
              operations,
              e.version,
              e.createdAt.toInstant(),
              e.createdBy));
    }
    return result;
  }

  /** Ids are longs from the database, so writing them into the statement is safe. */
  private static String inList(List<Long> ids) {
    StringBuilder b = new StringBuilder("(");
    for (Long id : ids) {
      b.append(b.length() > 1 ? "," : "").append(id.longValue());
    }
    return b.append(")").toString();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }

  private static String key(Object routingId, Object opNo) {
    return ((Number) routingId).longValue() + "/" + ((Number) opNo).intValue();
  }

  private static int num(Object o) {
    return ((Number) o).intValue();
  }

  private static BigDecimal dec(Object o) {
    return (o instanceof BigDecimal b ? b : new BigDecimal(o.toString())).stripTrailingZeros();
  }
}
