package io.tianshu.itests;

import java.io.File;
import java.util.UUID;
import org.junit.FixMethodOrder;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * Restart on embedded Derby: both containers use one database at an absolute path in target/.
 *
 * <p>The directory is new for every test JVM and is never deleted here: Pax Exam may evaluate the
 * configuration again while a container is running, and deleting a live Derby database under it
 * made a container fail to start (seen twice in full runs).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DerbyRestartIT extends RestartTestBase {
  private static final File DIR = new File(ItSupport.buildDir(), "restart-db/" + UUID.randomUUID());

  @Configuration
  public Option[] config() {
    return ItSupport.baseOptions(ItSupport.derbyAt(new File(DIR, "db")));
  }
}
