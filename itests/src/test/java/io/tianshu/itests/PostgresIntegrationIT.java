package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The integration contract on PostgreSQL, a fresh database. */
public class PostgresIntegrationIT extends IntegrationTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresIntegrationIT.class);
    return ItSupport.baseOptions(
        org.ops4j.pax.exam.OptionUtils.combine(ItSupport.postgres(database), integrationOptions()));
  }
}
