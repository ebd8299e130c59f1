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
    // A null bound without a type reaches PostgreSQL as VARCHAR, which a BIGINT column refuses:
    // write the NULL into the statement instead.
    String plant = plantId == null ? "NULL" : "?";
    var insert =
        em.createNativeQuery(
                "INSERT INTO audit_log (at_time, username, entity, entity_id, action, before_json,"
                    + " after_json, plant_id) VALUES (?, ?, ?, ?, ?, ?, ?, "
                    + plant
                    + ")")
            .setParameter(1, Timestamp.from(Instant.now()))
            .setParameter(2, caller.username())
            .setParameter(3, entity)
            .setParameter(4, String.valueOf(entityId))
            .setParameter(5, action)
            .setParameter(6, before == null ? null : Json.write(before))
            .setParameter(7, after == null ? null : Json.write(after));
    if (plantId != null) {
      insert.setParameter(8, plantId);
    }
    insert.executeUpdate();
  }

  /**
   * The same row through a plain JDBC connection, for adapters that write with JDBC in the caller's
   * transaction.
   */
  public static void writeJdbc(
      java.sql.Connection c,
      CallerContext caller,
      String entity,
      Object entityId,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after)
      throws java.sql.SQLException {
    try (java.sql.PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (at_time, username, entity, entity_id, action, before_json,"
                + " after_json, plant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      ps.setString(2, caller.username());
      ps.setString(3, entity);
      ps.setString(4, String.valueOf(entityId));
      ps.setString(5, action);
      ps.setString(6, before == null ? null : Json.write(before));
      ps.setString(7, after == null ? null : Json.write(after));
      if (plantId == null) {
        ps.setNull(8, java.sql.Types.BIGINT);
      } else {
        ps.setLong(8, plantId);
      }
      ps.executeUpdate();
    }
  }
}
