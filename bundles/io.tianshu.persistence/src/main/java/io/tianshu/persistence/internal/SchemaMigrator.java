package io.tianshu.persistence.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the schema when the tianshu DataSource appears, on a thread of its own, and then enables
 * {@link MigratedDatabase}. Migrating on the thread that registered the DataSource (the feature
 * installer at boot) held every bundle that starts after it back for as long as the migrations ran.
 */
@Component(immediate = true)
public class SchemaMigrator {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tianshu-schema-migration");
            t.setDaemon(true);
            return t;
          });
  private final ComponentContext context;

  @Activate
  public SchemaMigrator(
      ComponentContext context,
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource) {
    this.context = context;
    executor.execute(
        () -> {
          try {
            int applied = MigratedDatabase.migrate(dataSource);
            LOG.info("Schema migrated ({} migrations applied now)", applied);
            context.enableComponent(MigratedDatabase.class.getName());
          } catch (RuntimeException e) {
            LOG.error("Schema migration failed; the database stays unavailable", e);
          }
        });
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(30, TimeUnit.SECONDS);
    context.disableComponent(MigratedDatabase.class.getName());
  }
}
