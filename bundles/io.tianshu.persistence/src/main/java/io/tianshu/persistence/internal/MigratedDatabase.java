package io.tianshu.persistence.internal;

import io.tianshu.persistence.Database;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the schema when the tianshu DataSource appears and only then offers {@link Database},
 * which every domain component requires. One changelog serves Derby and PostgreSQL.
 */
@Component(service = Database.class, immediate = true)
public class MigratedDatabase implements Database {
  private static final Logger LOG = LoggerFactory.getLogger(MigratedDatabase.class);
  private static final int CONNECT_ATTEMPTS = 120;

  private final String productName;
  private final String productVersion;
  private final String url;
  private final String schemaVersion;
  private final DataSource dataSource;

  @Activate
  public MigratedDatabase(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource) {
    this.dataSource = dataSource;
    awaitConnection(dataSource);
    Flyway flyway =
        Flyway.configure(MigratedDatabase.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load();
    MigrateResult result = flyway.migrate();
    this.schemaVersion =
        flyway.info().current() == null ? "0" : flyway.info().current().getVersion().getVersion();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      this.productName = md.getDatabaseProductName();
      this.productVersion = md.getDatabaseProductVersion();
      this.url = md.getURL();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read database metadata", e);
    }
    LOG.info(
        "Tianshu database {} {} at {}: schema version {} ({} migrations applied now)",
        productName,
        productVersion,
        url,
        schemaVersion,
        result.migrationsExecuted);
  }

  /**
   * Waits until the database accepts a connection: PostgreSQL may still be starting when the server
   * does, and an embedded Derby database stays locked until the process that had it open is gone.
   * Migration errors are not retried; they are real.
   */
  private static void awaitConnection(DataSource dataSource) {
    SQLException last = null;
    for (int attempt = 0; attempt < CONNECT_ATTEMPTS; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        if (attempt > 0) {
          LOG.info("Database reachable after {} attempts", attempt + 1);
        }
        return;
      } catch (SQLException e) {
        last = e;
        if (attempt % 10 == 0) {
          LOG.warn("Database not reachable yet, retrying every second: {}", e.getMessage());
        }
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new IllegalStateException("Database not reachable", last);
  }

  @Override
  public String productName() {
    return productName;
  }

  @Override
  public String productVersion() {
    return productVersion;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public boolean isAvailable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      LOG.warn("Database unavailable: {}", e.getMessage());
      return false;
    }
  }
}
