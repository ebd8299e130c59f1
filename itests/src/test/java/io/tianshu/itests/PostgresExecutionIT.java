package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The execution contract on PostgreSQL, a fresh database. */
public class PostgresExecutionIT extends ExecutionTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresExecutionIT.class);
    return ItSupport.baseOptions(ItSupport.postgres(database));
  }
}
