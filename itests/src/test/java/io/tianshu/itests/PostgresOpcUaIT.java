package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The OPC UA connector on PostgreSQL, a fresh database. */
public class PostgresOpcUaIT extends OpcUaTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresOpcUaIT.class);
    return ItSupport.baseOptions(ItSupport.postgres(database));
  }
}
