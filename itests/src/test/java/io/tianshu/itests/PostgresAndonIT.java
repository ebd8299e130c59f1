package io.tianshu.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

/** The Andon contract on PostgreSQL, a fresh database. */
public class PostgresAndonIT extends AndonTestBase {

  @Configuration
  public Option[] config() {
    String database = ItSupport.postgresDatabaseFor(PostgresAndonIT.class);
    return ItSupport.baseOptions(OptionUtils.combine(ItSupport.postgres(database), escalatorOff()));
  }
}
