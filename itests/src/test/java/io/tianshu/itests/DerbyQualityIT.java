package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The quality contract on the default datasource: embedded Derby. */
public class DerbyQualityIT extends QualityTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions();
  }
}
