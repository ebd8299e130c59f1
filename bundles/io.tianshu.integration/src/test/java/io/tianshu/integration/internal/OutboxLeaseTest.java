package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes on one (Derby) database: one relays at a time, the other takes over a lapsed lease. */
class OutboxLeaseTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
  private Connection c;

  @BeforeEach
  void database() throws Exception {
    c =
        DriverManager.getConnection(
            "jdbc:derby:memory:lease-" + UUID.randomUUID() + ";create=true");
    try (Statement s = c.createStatement()) {
      // V22's table with V27's columns
      s.execute(
          "CREATE TABLE integration_outbox_cursor (name VARCHAR(64) NOT NULL PRIMARY KEY, last_id"
              + " BIGINT NOT NULL, updated_at TIMESTAMP NOT NULL, owner VARCHAR(100), lease_until"
              + " TIMESTAMP)");
      s.execute(
          "INSERT INTO integration_outbox_cursor (name, last_id, updated_at) VALUES"
              + " ('outbound-events', 0, CURRENT_TIMESTAMP)");
    }
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  private long cursor() throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_id FROM integration_outbox_cursor")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void oneNodeRelaysAtATimeAndALapsedLeaseIsTakenOver() throws Exception {
    Duration d = Duration.ofSeconds(30);
    OutboxLease a = new OutboxLease("outbound-events", "node-a", d);
    OutboxLease b = new OutboxLease("outbound-events", "node-b", d);

    assertThat(a.hold(c, T0)).isTrue();
    assertThat(b.hold(c, T0.plusSeconds(1))).isFalse();
    assertThat(a.moveCursor(c, 10, T0.plusSeconds(2))).isTrue();
    assertThat(b.moveCursor(c, 99, T0.plusSeconds(2))).isFalse();
    assertThat(cursor()).isEqualTo(10);

    // a renews at 20 s: its lease now lasts until 50 s
    assertThat(a.hold(c, T0.plusSeconds(20))).isTrue();
    assertThat(b.hold(c, T0.plusSeconds(45))).isFalse();

    // a falls silent; after 50 s b takes over and a can no longer move the cursor
    assertThat(b.hold(c, T0.plusSeconds(51))).isTrue();
    assertThat(a.moveCursor(c, 11, T0.plusSeconds(52))).isFalse();
    assertThat(b.moveCursor(c, 12, T0.plusSeconds(52))).isTrue();
    assertThat(a.hold(c, T0.plusSeconds(53))).isFalse();
    assertThat(cursor()).isEqualTo(12);

    // b shuts down and gives the lease up: a takes it at once
    b.release(c);
    assertThat(a.hold(c, T0.plusSeconds(54))).isTrue();
  }
}
