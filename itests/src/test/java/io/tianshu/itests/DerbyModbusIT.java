package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The Modbus TCP connector on the default datasource: embedded Derby. */
public class DerbyModbusIT extends ModbusTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions();
  }
}
