package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The OPC UA connector on the default datasource: embedded Derby. */
public class DerbyOpcUaIT extends OpcUaTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions();
  }
}
