package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The exchange contract, with the demo group loaded at start, on the default datasource: embedded
 * Derby under the container's data/.
 */
public class DerbyExchangeIT extends ExchangeTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions(ItSupport.demo());
  }
}
