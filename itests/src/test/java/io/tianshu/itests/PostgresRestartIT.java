package io.tianshu.itests;

import org.junit.FixMethodOrder;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** Restart on PostgreSQL: both containers use the one database created for this class. */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PostgresRestartIT extends RestartTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions(
        ItSupport.postgres(ItSupport.postgresDatabaseFor(PostgresRestartIT.class)));
  }
}
