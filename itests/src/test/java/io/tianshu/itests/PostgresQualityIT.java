package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The quality contract on PostgreSQL, a fresh database. */
public class PostgresQualityIT extends QualityTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresQualityIT.class);
    return ItSupport.baseOptions(ItSupport.postgres(database));
  }
}
