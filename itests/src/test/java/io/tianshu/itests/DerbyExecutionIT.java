package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The execution contract on the default datasource: embedded Derby. */
public class DerbyExecutionIT extends ExecutionTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions();
  }
}
