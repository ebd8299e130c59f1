package io.tianshu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import io.tianshu.itests.ItSupport.Api;
import java.time.Duration;
import javax.inject.Inject;
import org.junit.Before;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * What every per-class container test shares: the probe's imports, waiting until the product
 * serves, the admin client, and a bundle-state check. Subclasses keep their own @RunWith and
 * reactor strategy, and wait for their own endpoints in {@link #awaitDomainApi()}.
 */
public abstract class ContainerTestBase {

  @Inject protected BundleContext bundleContext;

  protected Api admin;

  /** The probe sees whatever the container exports (Jackson, Karaf shell, JAAS principals). */
  @ProbeBuilder
  public TestProbeBuilder probeConfiguration(TestProbeBuilder probe) {
    probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
    return probe;
  }

  @Before
  public void awaitProduct() {
    ItSupport.awaitHealthy(Duration.ofMinutes(2));
    admin = ItSupport.admin();
    awaitDomainApi();
  }

  /** Waits until the endpoints a subclass tests answer; nothing by default. */
  protected void awaitDomainApi() {}

  /** Asserts that the bundle is installed and active. */
  protected void assertBundleActive(String symbolicName) {
    Bundle found = null;
    for (Bundle b : bundleContext.getBundles()) {
      if (symbolicName.equals(b.getSymbolicName())) {
        found = b;
      }
    }
    assertNotNull("bundle " + symbolicName + " installed", found);
    assertEquals(symbolicName + " state", Bundle.ACTIVE, found.getState());
  }
}
