package io.tianshu.itests;

import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;

/**
 * What the machine connector tests (OPC UA, Modbus) share: waiting, codes, the counted operation.
 */
public abstract class MachineTestBase extends ContainerTestBase {
  @Inject protected org.apache.karaf.shell.api.console.SessionFactory sessionFactory;
  @Inject protected FeaturesService features;

  private static final Duration WAIT = Duration.ofSeconds(60);

  protected static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      ItSupport.sleep(200);
    }
    fail("timed out waiting for " + what);
  }

  protected static String code(String prefix) {
    return ItFixtures.code(prefix);
  }

  protected static BigDecimal q(JsonNode n) {
    return new BigDecimal(n.asText()).stripTrailingZeros();
  }

  /** Operation 10 of the order, as the API shows it. */
  protected JsonNode op10(long order) {
    return admin.get("/work-orders/" + order).expect(200).json().path("operations").get(0);
  }

  /** Installs the connector's feature unless the distribution has it, and checks its bundle. */
  protected void installConnector(String feature, String bundle) throws Exception {
    if (!features.isInstalled(features.getFeature(feature))) {
      features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }
    assertBundleActive(bundle);
  }
}
