package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The exchange contract, with the demo group loaded at start, on PostgreSQL: the driver creates a
 * fresh database on the local server (dropped when the driver JVM exits) and points the container's
 * datasource at it.
 */
public class PostgresExchangeIT extends ExchangeTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresExchangeIT.class);
    return ItSupport.baseOptions(
        org.ops4j.pax.exam.CoreOptions.composite(ItSupport.postgres(database)), ItSupport.demo());
  }
}
