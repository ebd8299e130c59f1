package io.tianshu.planning.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Appends rows to one table in bulk: COPY on PostgreSQL (binary format, streamed in chunks), JDBC
 * batches elsewhere. Columns are given as {@code name:type} (i2, i4, i8, f8, date, text). Values
 * are added column by column without boxing, so tens of millions of rows stay cheap. Not
 * thread-safe; one instance per table and transaction.
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

  /**
   * PostgreSQL COPY … FROM STDIN in binary format, streamed in chunks: no number is turned into
   * text and parsed back. Each column names its type after a colon (i2, i4, i8, f8, date, text).
   */
  private static final class Copy extends Bulk {
    private static final int CHUNK = 1 << 20;
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private final CopyIn copy;
    private final char[] types;
    private final ByteBuffer buf = ByteBuffer.allocate(CHUNK + (1 << 16));
    private int column;

    private Copy(CopyIn copy, char[] types) {
      this.copy = copy;
      this.types = types;
      buf.put("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
      buf.putInt(0); // flags
      buf.putInt(0); // header extension length
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
      char[] types = new char[columns.length];
      for (int i = 0; i < columns.length; i++) {
        types[i] = typeOf(columns[i]);
      }
      return new Copy(
          pg.getCopyAPI()
              .copyIn(
                  "COPY "
                      + table
                      + " ("
                      + String.join(", ", names(columns))
                      + ") FROM STDIN (FORMAT binary)"),
          types);
    }

    /** 's' i2, 'i' i4, 'l' i8, 'd' f8, 'D' date, 't' text. */
    private static char typeOf(String column) {
      int colon = column.indexOf(':');
      String type = colon < 0 ? "" : column.substring(colon + 1);
      return switch (type) {
        case "i2" -> 's';
        case "i4" -> 'i';
        case "i8" -> 'l';
        case "f8" -> 'd';
        case "date" -> 'D';
        case "text" -> 't';
        default -> throw new IllegalArgumentException("column type needed for COPY: " + column);
      };
    }

    private char next() {
      if (column == 0) {
        buf.putShort((short) types.length);
      }
      return types[column++];
    }

    @Override
    boolean copying() {
      return true;
    }

    @Override
    Bulk add(long v) {
      switch (next()) {
        case 's' -> buf.putInt(2).putShort((short) v);
        case 'i' -> buf.putInt(4).putInt((int) v);
        case 'd' -> buf.putInt(8).putDouble(v);
        default -> buf.putInt(8).putLong(v);
      }
      return this;
    }

    @Override
    Bulk add(double v) {
      next();
      buf.putInt(8).putDouble(v);
      return this;
    }

    @Override
    Bulk add(String v) throws SQLException {
      next();
      if (v == null) {
        buf.putInt(-1);
        return this;
      }
      byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
      if (buf.remaining() < bytes.length + 4) {
        flush();
      }
      buf.putInt(bytes.length).put(bytes);
      return this;
    }

    @Override
    Bulk add(LocalDate v) {
      next();
      if (v == null) {
        buf.putInt(-1);
      } else {
        buf.putInt(4).putInt((int) (v.toEpochDay() - PG_EPOCH_DAY));
      }
      return this;
    }

    @Override
    void endRow() throws SQLException {
      column = 0;
      rows++;
      if (buf.position() >= CHUNK) {
        flush();
      }
    }

    private void flush() throws SQLException {
      copy.writeToCopy(buf.array(), 0, buf.position());
      buf.clear();
    }

    @Override
    public void close() throws SQLException {
      if (!copy.isActive()) {
        return;
      }
      buf.putShort((short) -1); // trailer
      flush();
      copy.endCopy();
    }
  }

  /** Column names without their COPY types. */
  static String[] names(String[] columns) {
    String[] names = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      int colon = columns[i].indexOf(':');
      names[i] = colon < 0 ? columns[i] : columns[i].substring(0, colon);
    }
    return names;
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
                  + String.join(", ", names(columns))
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
