package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The Andon contract on the default datasource: embedded Derby. */
public class DerbyAndonIT extends AndonTestBase {

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions(escalatorOff());
  }
}
