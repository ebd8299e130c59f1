package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The engineering-change contract on PostgreSQL: the driver creates a fresh database on the local
 * server (dropped when the driver JVM exits) and points the container's datasource at it.
 */
public class PostgresChangeIT extends ChangeTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresChangeIT.class);
    return ItSupport.baseOptions(ItSupport.postgres(database));
  }
}
