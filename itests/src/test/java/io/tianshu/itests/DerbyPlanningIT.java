package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The planning contract on the default datasource: embedded Derby (JDBC batches). */
public class DerbyPlanningIT extends PlanningTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions();
  }
}
