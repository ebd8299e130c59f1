package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The costing contract on the default datasource: embedded Derby. */
public class DerbyCostingIT extends CostingTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions();
  }
}
