package io.tianshu.persistence;

import io.tianshu.core.ConflictException;
import io.tianshu.core.TianshuException;
import java.sql.SQLException;
import java.util.UUID;
import javax.persistence.OptimisticLockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the database says into the error model: a lost optimistic-lock race or a unique key
 * violation is a conflict, a domain error passes through unwrapped, anything else stays as it is.
 */
public final class PersistenceErrors {
  private static final Logger LOG = LoggerFactory.getLogger(PersistenceErrors.class);

  private PersistenceErrors() {}

  public static RuntimeException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TianshuException te) {
        return te;
      }
      if (t instanceof OptimisticLockException) {
        return new ConflictException(
            "The record was changed by someone else; reload and retry / 记录已被他人修改，请刷新后重试");
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        // The database's words name tables and constraints: they go to the log, not to the caller.
        String incident = UUID.randomUUID().toString();
        LOG.info("Constraint violation, incident {}: {}", incident, sql.getMessage());
        return new ConflictException(
            "The change violates a uniqueness or reference rule; incident "
                + incident
                + " / 违反唯一性或引用约束，事件编号 "
                + incident);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return e;
  }
}
