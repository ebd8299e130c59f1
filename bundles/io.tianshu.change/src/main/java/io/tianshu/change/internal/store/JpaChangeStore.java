package io.tianshu.change.internal.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tianshu.change.BomChange;
import io.tianshu.change.BreakpointType;
import io.tianshu.change.ChangeStatus;
import io.tianshu.change.EngineeringChange;
import io.tianshu.change.ImpactItem;
import io.tianshu.change.RoutingChange;
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

/**
 * Change orders on the caller's EntityManager. The content, impact and released ids are JSON in
 * 4,000-character parts of engineering_change_text.
 */
public final class JpaChangeStore {
  private static final int CHUNK = 4000;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** What a change holds besides its header. */
  public record Content(List<BomChange> boms, List<RoutingChange> routings) {}

  /** What a release created. */
  public record Released(List<Long> bomIds, List<Long> routingIds) {}

  private final EntityManager em;

  public JpaChangeStore(EntityManager em) {
    this.em = em;
  }

  public Optional<EngineeringChange> find(long id) {
    return Optional.ofNullable(em.find(ChangeEntity.class, id)).map(this::toChange);
  }

  /** The entity, locked for the rest of the transaction (one status move at a time). */
  public ChangeEntity lock(long id) {
    ChangeEntity e =
        em.find(ChangeEntity.class, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (e == null) {
      throw new io.tianshu.core.NotFoundException("EngineeringChange", id);
    }
    return e;
  }

  public Optional<EngineeringChange> findByNumber(long owner, String number) {
    return em.createQuery(
            "SELECT c FROM ChangeEntity c WHERE c.owner = :o AND c.number = :n", ChangeEntity.class)
        .setParameter("o", owner)
        .setParameter("n", number)
        .getResultStream()
        .findFirst()
        .map(this::toChange);
  }

  public boolean numberTaken(long owner, String number, Long exceptId) {
    return em.createQuery(
                "SELECT COUNT(c) FROM ChangeEntity c WHERE c.owner = :o AND c.number = :n AND c.id <> :id",
                Long.class)
            .setParameter("o", owner)
            .setParameter("n", number)
            .setParameter("id", exceptId == null ? -1L : exceptId)
            .getSingleResult()
        > 0;
  }

  public Page<EngineeringChange> list(
      Set<Long> plants, Long plantId, ChangeStatus status, PageRequest page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (plantId != null) {
      where.append(" AND c.owner = :plant");
      params.put("plant", plantId);
    } else if (plants != null) {
      List<Long> owners = new ArrayList<>(plants);
      owners.add(0L);
      where.append(" AND c.owner IN :owners");
      params.put("owners", owners);
    }
    if (status != null) {
      where.append(" AND c.status = :status");
      params.put("status", status.name());
    }
    return Transactions.page(
        em, ChangeEntity.class, "c", where.toString(), params, page, this::toChange);
  }

  public ChangeEntity insert(ChangeEntity e, Content content, String user) {
    Timestamp now = Timestamp.from(Instant.now());
    e.createdAt = now;
    e.createdBy = user;
    e.updatedAt = now;
    e.updatedBy = user;
    em.persist(e);
    em.flush();
    writeText(e.id, "content", content);
    return e;
  }

  /** Flushes header changes and, when given, replaces a text part. */
  public void save(ChangeEntity e, String user, String part, Object value) {
    e.updatedAt = Timestamp.from(Instant.now());
    e.updatedBy = user;
    em.flush();
    if (part != null) {
      writeText(e.id, part, value);
    }
  }

  public EngineeringChange read(ChangeEntity e) {
    return toChange(e);
  }

  public Content content(long id) {
    return readText(id, "content", new TypeReference<Content>() {})
        .orElse(new Content(List.of(), List.of()));
  }

  public long countOwnedBy(long plantId) {
    return em.createQuery("SELECT COUNT(c) FROM ChangeEntity c WHERE c.owner = :p", Long.class)
        .setParameter("p", plantId)
        .getSingleResult();
  }

  public void audit(
      CallerContext caller,
      long id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after) {
    AuditTrail.write(em, caller, "EngineeringChange", id, plantId, action, before, after);
  }

  private EngineeringChange toChange(ChangeEntity e) {
    Content content = content(e.id);
    List<ImpactItem> impact =
        readText(e.id, "impact", new TypeReference<List<ImpactItem>>() {}).orElse(List.of());
    Released released =
        readText(e.id, "released", new TypeReference<Released>() {})
            .orElse(new Released(List.of(), List.of()));
    return new EngineeringChange(
        e.id,
        e.owner == 0 ? null : e.owner,
        e.number,
        e.title,
        e.reason,
        ChangeStatus.valueOf(e.status),
        BreakpointType.valueOf(e.breakpoint),
        e.effectiveDate == null ? null : e.effectiveDate.toLocalDate(),
        e.serialFrom,
        e.transitionQuantity == null ? null : e.transitionQuantity.stripTrailingZeros(),
        content.boms() == null ? List.of() : content.boms(),
        content.routings() == null ? List.of() : content.routings(),
        impact,
        e.evaluatedAt == null ? null : e.evaluatedAt.toInstant(),
        e.approvedBy,
        e.releasedAt == null ? null : e.releasedAt.toInstant(),
        released.bomIds(),
        released.routingIds(),
        e.version,
        e.createdAt.toInstant(),
        e.createdBy,
        e.updatedAt.toInstant(),
        e.updatedBy);
  }

  public static Date date(java.time.LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private void writeText(long id, String part, Object value) {
    em.createNativeQuery("DELETE FROM engineering_change_text WHERE change_id = ? AND part = ?")
        .setParameter(1, id)
        .setParameter(2, part)
        .executeUpdate();
    String json;
    try {
      json = JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
    int seq = 0;
    for (int from = 0; from < json.length(); from += CHUNK) {
      em.createNativeQuery(
              "INSERT INTO engineering_change_text (change_id, part, seq, chunk) VALUES (?, ?, ?, ?)")
          .setParameter(1, id)
          .setParameter(2, part)
          .setParameter(3, ++seq)
          .setParameter(4, json.substring(from, Math.min(json.length(), from + CHUNK)))
          .executeUpdate();
    }
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> readText(long id, String part, TypeReference<T> type) {
    List<Object> chunks =
        em.createNativeQuery(
                "SELECT chunk FROM engineering_change_text WHERE change_id = ? AND part = ? ORDER BY seq")
            .setParameter(1, id)
            .setParameter(2, part)
            .getResultList();
    if (chunks.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder();
    chunks.forEach(c -> b.append(c));
    try {
      return Optional.of(JSON.readValue(b.toString(), type));
    } catch (java.io.IOException ex) {
      throw new IllegalStateException("unreadable change text " + id + "/" + part, ex);
    }
  }
}
