package io.tianshu.integration.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tianshu.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox, outbound: every change writes its audit row in its own transaction, so
 * the audit trail holds a change iff it committed. This relay sends each row, in id order, as a
 * JSON event to the configured endpoint and moves its cursor only past what the endpoint took: an
 * event leaves iff its change committed, at least once (consumers deduplicate by {@code
 * TianshuEventId}). Without a consumer the events wait. Several nodes on one database: only the
 * holder of the cursor's lease ({@link OutboxLease}) relays; another takes over when it runs out.
 */
@Component(immediate = true, configurationPid = "io.tianshu.integration.outbox")
@Designate(ocd = OutboxConfig.class)
public class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  static final String CURSOR = "outbound-events";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;
  private final OutboxConfig config;
  private final OutboxWindow window;
  private final ProducerTemplate producer;
  private final ScheduledExecutorService scheduler;
  private volatile String lastProblem;
  private final OutboxLease lease;
  // the delivered position, read from the table when this node takes the lease: only the lease
  // holder moves it
  private Long cursor;
  private boolean leading;
  private boolean cursorRowExists;

  @Activate
  public OutboxRelay(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference Database database,
      @Reference CamelContext camel,
      OutboxConfig config) {
    this.dataSource = dataSource;
    this.config = config;
    this.window = new OutboxWindow(Duration.ofMillis(Math.max(0, config.gapWaitMillis())));
    String node =
        config.nodeId() == null || config.nodeId().isBlank()
            ? System.getProperty("karaf.name", "tianshu") + "/" + UUID.randomUUID()
            : config.nodeId().trim();
    this.lease =
        new OutboxLease(CURSOR, node, Duration.ofMillis(Math.max(1000, config.leaseMillis())));
    this.producer = camel.createProducerTemplate();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tianshu-outbox");
              t.setDaemon(true);
              return t;
            });
    if (config.pollMillis() > 0) {
      scheduler.scheduleWithFixedDelay(
          this::round, config.pollMillis(), config.pollMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Deactivate
  void deactivate() throws Exception {
    scheduler.shutdownNow();
    scheduler.awaitTermination(10, TimeUnit.SECONDS);
    producer.stop();
    if (leading) {
      try (Connection c = dataSource.getConnection()) {
        lease.release(c);
      } catch (SQLException e) {
        LOG.debug("Outbound events: lease not released, it runs out", e);
      }
    }
  }

  private void round() {
    try {
      while (deliverBatch() == config.batchSize()) {
        // a full batch: there may be more right away
      }
      lastProblem = null;
    } catch (DirectConsumerNotAvailableException e) {
      report("no route consumes " + config.endpoint() + "; events wait", e);
    } catch (Exception e) {
      report("events not delivered, retried next round: " + RouteManager.describe(e), e);
    }
  }

  private void report(String problem, Exception e) {
    if (!problem.equals(lastProblem)) {
      LOG.warn("Outbound events: {}", problem);
      LOG.debug("Outbound events failure", e);
      lastProblem = problem;
    }
  }

  /** Delivers one batch; returns how many rows it read. */
  int deliverBatch() throws Exception {
    List<Map<String, Object>> rows;
    try (Connection c = dataSource.getConnection()) {
      if (!cursorRowExists) {
        cursor(c); // creates the cursor row on the very first start; read again under the lease
        cursorRowExists = true;
      }
      if (!lease.hold(c, Instant.now())) {
        if (leading) {
          LOG.info("Outbound events: another node relays now");
        }
        leading = false;
        cursor = null;
        return 0;
      }
      if (!leading) {
        cursor = cursor(c); // another node may have moved it while it held the lease
        leading = true;
        LOG.info("Outbound events relayed by this node ({})", lease.owner());
      }
      rows = rowsAfter(c, cursor, Math.max(1, config.batchSize()));
    }
    if (rows.isEmpty()) {
      return 0;
    }
    List<Long> ids = rows.stream().map(r -> (Long) r.get("id")).toList();
    List<Long> go = window.deliverable(cursor, ids, Instant.now());
    long delivered = cursor;
    try {
      for (int i = 0; i < go.size(); i++) {
        Map<String, Object> row = rows.get(i);
        send(row);
        delivered = (Long) row.get("id");
      }
    } finally {
      if (delivered != cursor) {
        try (Connection c = dataSource.getConnection()) {
          if (lease.moveCursor(c, delivered, Instant.now())) {
            cursor = delivered;
          } else {
            // the lease ran out while sending: the new holder sends these again (at least once)
            leading = false;
            cursor = null;
          }
        }
      }
    }
    return go.size() == rows.size() ? rows.size() : 0;
  }

  private void send(Map<String, Object> row) throws Exception {
    ObjectNode event = JSON.createObjectNode();
    event.put("eventId", (Long) row.get("id"));
    event.put("entity", (String) row.get("entity"));
    event.put("entityId", (String) row.get("entityId"));
    event.put("action", (String) row.get("action"));
    event.put("type", row.get("entity") + "/" + row.get("action"));
    if (row.get("plantId") != null) {
      event.put("plantId", (Long) row.get("plantId"));
    } else {
      event.putNull("plantId");
    }
    event.put("username", (String) row.get("username"));
    event.put("at", row.get("at").toString());
    event.set("before", json((String) row.get("before")));
    event.set("after", json((String) row.get("after")));
    Exchange sent =
        producer.send(
            config.endpoint(),
            ex -> {
              ex.getMessage().setBody(JSON.writeValueAsString(event));
              ex.getMessage().setHeader("TianshuEventId", row.get("id"));
              ex.getMessage().setHeader("TianshuEntity", row.get("entity"));
              ex.getMessage().setHeader("TianshuAction", row.get("action"));
              ex.getMessage().setHeader("TianshuPlantId", row.get("plantId"));
              ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            });
    if (sent.getException() != null) {
      throw sent.getException();
    }
  }

  private static JsonNode json(String text) {
    if (text == null) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(text); // abridged past the audit row's size
    }
  }

  private long cursor(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT last_id FROM integration_outbox_cursor WHERE name = ?")) {
      ps.setString(1, CURSOR);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    long start = 0;
    if (!config.fromBeginning()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM audit_log");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        start = rs.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO integration_outbox_cursor (name, last_id, updated_at) VALUES (?, ?, ?)")) {
      ps.setString(1, CURSOR);
      ps.setLong(2, start);
      ps.setTimestamp(3, Timestamp.from(Instant.now()));
      ps.executeUpdate();
    }
    LOG.info("Outbound events start after audit row {}", start);
    return start;
  }

  private static List<Map<String, Object>> rowsAfter(Connection c, long cursor, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, at_time, username, entity, entity_id, plant_id, action, before_json,"
                + " after_json FROM audit_log WHERE id > ? ORDER BY id FETCH FIRST "
                + limit
                + " ROWS ONLY")) {
      ps.setLong(1, cursor);
      try (ResultSet rs = ps.executeQuery()) {
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", rs.getLong(1));
          row.put("at", rs.getTimestamp(2).toInstant());
          row.put("username", rs.getString(3));
          row.put("entity", rs.getString(4));
          row.put("entityId", rs.getString(5));
          long plant = rs.getLong(6);
          row.put("plantId", rs.wasNull() ? null : plant);
          row.put("action", rs.getString(7));
          row.put("before", rs.getString(8));
          row.put("after", rs.getString(9));
          out.add(row);
        }
        return out;
      }
    }
  }
}
