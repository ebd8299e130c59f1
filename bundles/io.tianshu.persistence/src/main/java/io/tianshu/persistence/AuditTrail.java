package io.tianshu.persistence;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Json;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * Writes audit rows through the caller's EntityManager, so that the row commits or rolls back with
 * the change it describes.
 */
public final class AuditTrail {
  public static final String CREATE = "CREATE";
  public static final String UPDATE = "UPDATE";
  public static final String DELETE = "DELETE";

  private AuditTrail() {}

  public static void write(
      EntityManager em,
      CallerContext caller,
      String entity,
      Object entityId,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after) {
    em.createNativeQuery(
            "INSERT INTO audit_log (at_time, username, entity, entity_id, plant_id, action,"
                + " before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, Timestamp.from(Instant.now()))
        .setParameter(2, caller.username())
        .setParameter(3, entity)
        .setParameter(4, String.valueOf(entityId))
        .setParameter(5, plantId)
        .setParameter(6, action)
        .setParameter(7, before == null ? null : Json.write(before))
        .setParameter(8, after == null ? null : Json.write(after))
        .executeUpdate();
  }
}
