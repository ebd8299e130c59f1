package io.tianshu.planning.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Appends rows to one table in bulk: COPY on PostgreSQL (text format, streamed in chunks), JDBC
 * batches elsewhere. Values are added column by column without boxing, so tens of millions of rows
 * stay cheap. Not thread-safe; one instance per table and transaction.
 */
abstract class Bulk implements AutoCloseable {
  static final int BATCH = 5_000;

  protected long rows;

  /** Opens a writer for {@code table (columns)} on the transaction's connection. */
  static Bulk open(Connection c, boolean postgres, String table, String... columns)
      throws SQLException {
    if (postgres) {
      try {
        Bulk copy = Copy.open(c, table, columns);
        if (copy != null) {
          return copy;
        }
      } catch (LinkageError e) {
        // The driver's API is not wired to this bundle (optional import): use batches.
      }
    }
    return new Batch(c, table, columns);
  }

  abstract Bulk add(long v) throws SQLException;

  abstract Bulk add(double v) throws SQLException;

  abstract Bulk add(String v) throws SQLException;

  abstract Bulk add(LocalDate v) throws SQLException;

  /** Ends the current row. */
  abstract void endRow() throws SQLException;

  long rows() {
    return rows;
  }

  /** True when rows go by COPY. */
  abstract boolean copying();

  /** Writes what is buffered; the rows are visible to the transaction afterwards. */
  @Override
  public abstract void close() throws SQLException;

  /** PostgreSQL COPY … FROM STDIN in text format. */
  private static final class Copy extends Bulk {
    private static final int CHUNK = 1 << 20;
    private final CopyIn copy;
    private final StringBuilder buf = new StringBuilder(CHUNK + 4096);
    private boolean first = true;

    private Copy(CopyIn copy) {
      this.copy = copy;
    }

    static Copy open(Connection c, String table, String[] columns) throws SQLException {
      PGConnection pg;
      try {
        if (!c.isWrapperFor(PGConnection.class)) {
          return null;
        }
        pg = c.unwrap(PGConnection.class);
      } catch (LinkageError | SQLException e) {
        // No driver API visible (optional import) or a pool that will not unwrap: use batches.
        return null;
      }
      return new Copy(
          pg.getCopyAPI()
              .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN"));
    }

    @Override
    boolean copying() {
      return true;
    }

    private void sep() {
      if (!first) {
        buf.append('\t');
      }
      first = false;
    }

    @Override
    Bulk add(long v) {
      sep();
      buf.append(v);
      return this;
    }

    @Override
    Bulk add(double v) {
      sep();
      buf.append(v);
      return this;
    }

    @Override
    Bulk add(String v) {
      sep();
      if (v == null) {
        buf.append("\\N");
        return this;
      }
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        switch (ch) {
          case '\\' -> buf.append("\\\\");
          case '\t' -> buf.append("\\t");
          case '\n' -> buf.append("\\n");
          case '\r' -> buf.append("\\r");
          default -> buf.append(ch);
        }
      }
      return this;
    }

    @Override
    Bulk add(LocalDate v) {
      sep();
      buf.append(v == null ? "\\N" : v.toString());
      return this;
    }

    @Override
    void endRow() throws SQLException {
      buf.append('\n');
      first = true;
      rows++;
      if (buf.length() >= CHUNK) {
        flush();
      }
    }

    private void flush() throws SQLException {
      byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buf.setLength(0);
    }

    @Override
    public void close() throws SQLException {
      if (!copy.isActive()) {
        return;
      }
      flush();
      copy.endCopy();
    }
  }

  /** JDBC batches of {@value #BATCH} rows. */
  private static final class Batch extends Bulk {
    private final PreparedStatement ps;
    private int column = 1;
    private int pending;

    Batch(Connection c, String table, String[] columns) throws SQLException {
      ps =
          c.prepareStatement(
              "INSERT INTO "
                  + table
                  + " ("
                  + String.join(", ", columns)
                  + ") VALUES ("
                  + "?, ".repeat(columns.length - 1)
                  + "?)");
    }

    @Override
    boolean copying() {
      return false;
    }

    @Override
    Bulk add(long v) throws SQLException {
      ps.setLong(column++, v);
      return this;
    }

    @Override
    Bulk add(double v) throws SQLException {
      ps.setDouble(column++, v);
      return this;
    }

    @Override
    Bulk add(String v) throws SQLException {
      ps.setString(column++, v);
      return this;
    }

    @Override
    Bulk add(LocalDate v) throws SQLException {
      ps.setDate(column++, v == null ? null : Date.valueOf(v));
      return this;
    }

    @Override
    void endRow() throws SQLException {
      ps.addBatch();
      column = 1;
      rows++;
      if (++pending == BATCH) {
        ps.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      try {
        if (pending > 0) {
          ps.executeBatch();
        }
      } finally {
        ps.close();
      }
    }
  }
}
