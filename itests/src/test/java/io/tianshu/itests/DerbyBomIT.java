package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The BOM contract on the default datasource: embedded Derby under the container's data/. */
public class DerbyBomIT extends BomTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions();
  }
}
