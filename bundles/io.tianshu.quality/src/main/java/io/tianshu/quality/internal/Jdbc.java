package io.tianshu.quality.internal;

import io.tianshu.core.PageRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The few JDBC conversions the quality store needs (as in execution), in one place. */
final class Jdbc {
  private Jdbc() {}

  /** Binds positional arguments by their Java type; null binds as a NULL text. */
  static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else if (a instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (a instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (a instanceof BigDecimal b) {
        ps.setBigDecimal(i + 1, b);
      } else if (a instanceof Instant t) {
        ps.setTimestamp(i + 1, Timestamp.from(t));
      } else if (a instanceof Boolean b) {
        ps.setBoolean(i + 1, b);
      } else {
        ps.setString(i + 1, a.toString());
      }
    }
  }

  static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  static void setTime(PreparedStatement ps, int i, Instant v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.TIMESTAMP);
    } else {
      ps.setTimestamp(i, Timestamp.from(v));
    }
  }

  static Long getLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** How many rows {@code from} (" FROM table WHERE ...") selects. */
  static long count(Connection c, String from, List<Object> args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + from)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The ORDER BY and paging of a page query: the column of the page's sort field (from the caller's
   * whitelist, else id), the id breaking ties.
   */
  static String pageTail(PageRequest page, Map<String, String> columns) {
    return " ORDER BY "
        + columns.getOrDefault(page.sortField(), "id")
        + (page.ascending() ? " ASC" : " DESC")
        + ", id ASC OFFSET "
        + page.offset()
        + " ROWS FETCH NEXT "
        + page.limit()
        + " ROWS ONLY";
  }
}
