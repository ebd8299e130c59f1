package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The Modbus TCP connector on PostgreSQL, a fresh database. */
public class PostgresModbusIT extends ModbusTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresModbusIT.class);
    return ItSupport.baseOptions(ItSupport.postgres(database));
  }
}
