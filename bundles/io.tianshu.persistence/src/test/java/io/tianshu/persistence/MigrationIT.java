package io.tianshu.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PlantRole;
import io.tianshu.persistence.internal.JdbcAuditQuery;
import io.tianshu.persistence.internal.MigratedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one changelog must run on both databases, and the audit query must filter by plant. Needs the
 * PostgreSQL server at 127.0.0.1:5432, so it runs with the integration tests (failsafe).
 */
class MigrationIT {

  @Test
  void migratesDerby() throws Exception {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:mig-" + UUID.randomUUID());
    ds.setCreateDatabase("create");
    check(ds, "Apache Derby");
  }

  @Test
  void migratesPostgresql() throws Exception {
    String name = "tianshu_ut_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    try {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl("jdbc:postgresql://127.0.0.1:5432/" + name);
      ds.setUser("postgres");
      check(ds, "PostgreSQL");
    } finally {
      try (Connection admin =
              DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
          Statement st = admin.createStatement()) {
        st.execute("DROP DATABASE " + name + " WITH (FORCE)");
      }
    }
  }

  private void check(DataSource ds, String product) throws SQLException {
    MigratedDatabase db = new MigratedDatabase(ds);
    assertThat(db.productName()).isEqualTo(product);
    assertThat(db.schemaVersion()).isEqualTo("24");
    // A second start finds nothing to do and keeps the data.
    assertThat(new MigratedDatabase(ds).schemaVersion()).isEqualTo("24");
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM uom")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(13);
    }
    insertAudit(ds, 1L, "one");
    insertAudit(ds, 2L, "two");
    insertAudit(ds, null, "group");
    JdbcAuditQuery query = new JdbcAuditQuery(ds, db);
    Page<AuditEntry> all = query.find(CallerContext.system(), "Material", null, 0, 10);
    assertThat(all.total()).isEqualTo(3);
    AuditEntry newest = all.items().get(0);
    assertThat(newest.entityId()).isEqualTo("group");
    assertThat(newest.plantId()).isNull();
    assertThat(newest.before()).isEqualTo("{\"name\":\"旧\"}");
    assertThat(newest.after()).isEqualTo("{\"name\":\"新\"}");
    assertThat(newest.username()).isEqualTo("li");
    assertThat(newest.action()).isEqualTo("UPDATE");
    CallerContext plantOne = new CallerContext("li", false, Map.of(1L, PlantRole.VIEWER));
    Page<AuditEntry> mine = query.find(plantOne, "Material", null, 0, 10);
    assertThat(mine.items()).extracting(AuditEntry::entityId).containsExactly("one");
    assertThat(query.find(plantOne, "Material", "two", 0, 10).total()).isZero();
    assertThat(query.find(CallerContext.system(), null, null, 1, 1).items())
        .extracting(AuditEntry::entityId)
        .containsExactly("two");
  }

  /** Through {@link AuditTrail} on a real EntityManager, as the domains write it. */
  private static void insertAudit(DataSource ds, Long plant, String id) {
    EntityManagerFactory emf =
        Persistence.createEntityManagerFactory(
            "audit-test", Map.of("javax.persistence.nonJtaDataSource", ds));
    try {
      EntityManager em = emf.createEntityManager();
      em.getTransaction().begin();
      AuditTrail.write(
          em,
          new CallerContext("li", false, Map.of()),
          "Material",
          id,
          plant,
          AuditTrail.UPDATE,
          Map.of("name", "旧"),
          Map.of("name", "新"));
      em.getTransaction().commit();
      em.close();
    } finally {
      emf.close();
    }
  }
}
