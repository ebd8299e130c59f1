package io.tianshu.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;

/**
 * One JTA transaction per unit of work, with a JDBC connection enlisted in it, for the adapters
 * that write with plain JDBC (execution, quality, integration). The datasource is the pooled,
 * XA-enlisting one the persistence units use, so the services called inside the work (inventory
 * postings, master data) join the same transaction: a report, its stock movements and its audit
 * rows commit or roll back together. Work started inside a running transaction joins it and marks
 * it rollback-only when it fails.
 */
public final class JtaTransactions {
  private final DataSource dataSource;
  private final TransactionManager tm;

  public JtaTransactions(DataSource dataSource, TransactionManager tm) {
    this.dataSource = dataSource;
    this.tm = tm;
  }

  public interface Work<R> {
    R run(Connection c) throws SQLException;
  }

  public <R> R write(Work<R> work) {
    boolean own;
    try {
      own = tm.getStatus() == Status.STATUS_NO_TRANSACTION;
      if (own) {
        tm.begin();
      }
    } catch (SystemException | javax.transaction.NotSupportedException e) {
      throw new IllegalStateException("cannot begin a transaction: " + e.getMessage(), e);
    }
    R result;
    try {
      try (Connection c = dataSource.getConnection()) {
        result = work.run(c);
      }
    } catch (SQLException e) {
      abort(own);
      throw PersistenceErrors.translate(new IllegalStateException(e.getMessage(), e));
    } catch (RuntimeException | Error e) {
      abort(own);
      throw e;
    }
    if (own) {
      try {
        tm.commit();
      } catch (Exception e) {
        throw PersistenceErrors.translate(
            new IllegalStateException("commit failed: " + e.getMessage(), e));
      }
    }
    return result;
  }

  /** Reads on a connection of its own (joining a transaction if one is active). */
  public <R> R read(Work<R> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private void abort(boolean own) {
    try {
      if (own) {
        tm.rollback();
      } else if (tm.getStatus() == Status.STATUS_ACTIVE) {
        tm.setRollbackOnly();
      }
    } catch (SystemException | IllegalStateException e) {
      // the transaction is already gone; nothing was committed
    }
  }
}
