package io.tianshu.persistence.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.persistence.AuditEntry;
import io.tianshu.persistence.AuditQuery;
import io.tianshu.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reads audit rows with plain JDBC: a read-only query needs no persistence unit. */
@Component(service = AuditQuery.class)
public class JdbcAuditQuery implements AuditQuery {

  private final DataSource dataSource;

  /** The {@link Database} reference only orders start-up: the schema exists before any query. */
  @Activate
  public JdbcAuditQuery(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference Database database) {
    this.dataSource = dataSource;
  }

  @Override
  public Page<AuditEntry> find(
      CallerContext caller, String entity, String entityId, int offset, int limit) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    List<Object> params = new ArrayList<>();
    if (entity != null) {
      where.append(" AND entity = ?");
      params.add(entity);
    }
    if (entityId != null) {
      where.append(" AND entity_id = ?");
      params.add(entityId);
    }
    Set<Long> plants = caller.readablePlants();
    if (plants != null) {
      if (plants.isEmpty()) {
        return new Page<>(List.of(), offset, limit, 0);
      }
      where.append(" AND plant_id IN (");
      int i = 0;
      for (Long p : plants) {
        where.append(i++ == 0 ? "?" : ",?");
        params.add(p);
      }
      where.append(')');
    }
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log" + where)) {
        bind(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<AuditEntry> items = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, at_time, username, entity, entity_id, plant_id, action, before_json,"
                  + " after_json FROM audit_log"
                  + where
                  + " ORDER BY id DESC OFFSET "
                  + offset
                  + " ROWS FETCH NEXT "
                  + limit
                  + " ROWS ONLY")) {
        bind(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long plantValue = rs.getLong(6);
            Long plant = rs.wasNull() ? null : plantValue;
            items.add(
                new AuditEntry(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    plant,
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9)));
          }
        }
      }
      return new Page<>(items, offset, limit, total);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the audit trail", e);
    }
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }
}
