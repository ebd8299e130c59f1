package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The integration contract on the default datasource: embedded Derby. */
public class DerbyIntegrationIT extends IntegrationTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions(integrationOptions());
  }
}
