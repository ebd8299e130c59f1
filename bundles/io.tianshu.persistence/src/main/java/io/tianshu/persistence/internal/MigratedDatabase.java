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

  private final String productName;
  private final String productVersion;
  private final String url;
  private final String schemaVersion;
  private final DataSource dataSource;

  @Activate
  public MigratedDatabase(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource) {
    this.dataSource = dataSource;
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
