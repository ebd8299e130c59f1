package io.tianshu.planning.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Json;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PlantRole;
import io.tianshu.persistence.PersistenceErrors;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;

/** Plain JDBC helpers: one transaction per unit of work, audit rows in that transaction. */
final class Sql {
  private final DataSource dataSource;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  interface Work<R> {
    R run(Connection c) throws SQLException;
  }

  /** Maps the current row of a result set. */
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws;
   * inside a caller's JTA transaction, part of that one.
   */
  <R> R write(Work<R> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      if (!auto) {
        // A pooled connection outside a transaction is in auto-commit; one that is not is enlisted
        // in the caller's JTA transaction (execution creating a work order from a receipt): join
        // it, and let its owner commit or roll back.
        return work.run(c);
      }
      c.setAutoCommit(false);
      try {
        R r = work.run(c);
        c.commit();
        return r;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw PersistenceErrors.translate(new IllegalStateException(e.getMessage(), e));
    }
  }

  /** Runs {@code work} on a connection of its own, read only. */
  <R> R read(Work<R> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static void audit(
      Connection c,
      CallerContext caller,
      String entity,
      Object id,
      long plantId,
      String action,
      Map<String, ?> after)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (at_time, username, entity, entity_id, plant_id, action,"
                + " before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      ps.setString(2, caller.username());
      ps.setString(3, entity);
      ps.setString(4, String.valueOf(id));
      ps.setLong(5, plantId);
      ps.setString(6, action);
      if (after == null) {
        ps.setNull(7, Types.VARCHAR);
      } else {
        ps.setString(7, Json.write(after));
      }
      ps.executeUpdate();
    }
  }

  /** The caller may read the plant, else it does not exist for them. */
  static void requireRead(CallerContext caller, long plantId) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
  }

  static void requirePlanner(CallerContext caller, long plantId) {
    caller.require(plantId, PlantRole.PLANNER, "Plant", plantId);
  }

  static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static boolean postgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
  }
}
