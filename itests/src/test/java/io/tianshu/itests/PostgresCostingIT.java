package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The costing contract on PostgreSQL, a fresh database. */
public class PostgresCostingIT extends CostingTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresCostingIT.class);
    return ItSupport.baseOptions(ItSupport.postgres(database));
  }
}
