package io.tianshu.integration.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Which node relays the outbox when several share one database: a lease on the cursor row. A node
 * takes or renews it with one conditional UPDATE (free, its own, or run out), so two nodes never
 * hold it at once by the database's row locking; the holder renews it every round, a node that dies
 * loses it after {@code duration}. The cursor moves only under the lease ({@link #moveCursor}).
 * Lease times are the nodes' clocks: keep them in step (NTP) well within the lease.
 */
final class OutboxLease {
  private final String cursor;
  private final String owner;
  private final Duration duration;

  OutboxLease(String cursor, String owner, Duration duration) {
    this.cursor = cursor;
    this.owner = owner;
    this.duration = duration;
  }

  String owner() {
    return owner;
  }

  /** Takes or renews the lease at {@code now}; false while another node holds it. */
  boolean hold(Connection c, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE integration_outbox_cursor SET owner = ?, lease_until = ? WHERE name = ? AND"
                + " (owner IS NULL OR owner = ? OR lease_until IS NULL OR lease_until < ?)")) {
      ps.setString(1, owner);
      ps.setTimestamp(2, Timestamp.from(now.plus(duration)));
      ps.setString(3, cursor);
      ps.setString(4, owner);
      ps.setTimestamp(5, Timestamp.from(now));
      return ps.executeUpdate() == 1;
    }
  }

  /** Moves the cursor if this node still holds the lease; false when it lost it. */
  boolean moveCursor(Connection c, long to, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE integration_outbox_cursor SET last_id = ?, updated_at = ? WHERE name = ? AND"
                + " owner = ?")) {
      ps.setLong(1, to);
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setString(3, cursor);
      ps.setString(4, owner);
      return ps.executeUpdate() == 1;
    }
  }

  /** Gives the lease up (on shutdown), so that another node need not wait for it to run out. */
  void release(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE integration_outbox_cursor SET owner = NULL, lease_until = NULL WHERE name = ?"
                + " AND owner = ?")) {
      ps.setString(1, cursor);
      ps.setString(2, owner);
      ps.executeUpdate();
    }
  }
}
