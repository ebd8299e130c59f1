package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The planning contract on PostgreSQL (plan results written by COPY), a fresh database. */
public class PostgresPlanningIT extends PlanningTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresPlanningIT.class);
    return ItSupport.baseOptions(ItSupport.postgres(database));
  }
}
