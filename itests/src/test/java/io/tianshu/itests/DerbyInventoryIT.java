package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The inventory contract on the default datasource: embedded Derby under the container's data/. */
public class DerbyInventoryIT extends InventoryTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions();
  }
}
