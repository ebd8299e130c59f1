package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The manufacturing-model contract on the default datasource: embedded Derby under the container's
 * data/.
 */
public class DerbyManufacturingModelIT extends ManufacturingModelTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions();
  }
}
