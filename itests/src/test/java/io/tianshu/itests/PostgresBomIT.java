package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The BOM contract on PostgreSQL: the driver creates a fresh database on the local server (dropped
 * when the driver JVM exits) and points the container's datasource at it.
 */
public class PostgresBomIT extends BomTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresBomIT.class);
    return ItSupport.baseOptions(ItSupport.postgres(database));
  }
}
