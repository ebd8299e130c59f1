package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The engineering-change contract on the default datasource: embedded Derby under the container's
 * data/.
 */
public class DerbyChangeIT extends ChangeTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions();
  }
}
