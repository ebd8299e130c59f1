package io.tianshu.demo.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.exchange.ExchangeService;
import io.tianshu.exchange.ImportReport;
import io.tianshu.org.OrgService;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo group on start when TIANSHU_DEMO=true (or the system property tianshu.demo=true)
 * and the database has no plant yet. The demo is the documented sample of the exchange format
 * (docs/exchange/sample-group.json) and its planning data (sample-planning.json: parameters,
 * forecasts and sales orders from January 2027, receipts), imported like any other document:
 * checked, audited, all or nothing.
 */
@Component(
    immediate = true,
    service = {})
public class DemoData {
  static final String ENV = "TIANSHU_DEMO";
  static final String PROPERTY = "tianshu.demo";
  static final String DOCUMENT = "/demo/sample-group.json";
  static final String PLANNING = "/demo/sample-planning.json";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final Thread loader;

  /**
   * Loads on a thread of its own: activation must not hold Declarative Services' locks for the
   * import's seconds, or components resolving beside it (the REST resources) time out on them and
   * stay unsatisfied (seen as /health answering 404 on a loaded machine).
   */
  @Activate
  public DemoData(@Reference OrgService org, @Reference ExchangeService exchange) {
    if (!Boolean.parseBoolean(System.getenv(ENV)) && !Boolean.getBoolean(PROPERTY)) {
      loader = null;
      return;
    }
    loader =
        new Thread(
            () -> {
              try {
                load(org, exchange);
              } catch (RuntimeException e) {
                LOG.error("Demo data not loaded", e);
              }
            },
            "tianshu-demo-data");
    loader.setDaemon(true);
    loader.start();
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    if (loader != null) {
      loader.join(60_000); // an import is all or nothing: let it finish rather than cut it
    }
  }

  private static void load(OrgService org, ExchangeService exchange) {
    CallerContext system = CallerContext.system();
    if (org.listPlants(system, null, new PageRequest(0, 1, "id", true)).total() > 0) {
      return;
    }
    ImportReport group = load(exchange, system, DOCUMENT);
    ImportReport planning = load(exchange, system, PLANNING);
    LOG.info(
        "Loaded the demo group (plants SH01 and WX02): {}; planning data: {}",
        group.created(),
        planning.created());
  }

  private static ImportReport load(
      ExchangeService exchange, CallerContext system, String document) {
    try (InputStream in = DemoData.class.getResourceAsStream(document)) {
      if (in == null) {
        throw new IllegalStateException(document + " is missing from the demo bundle");
      }
      return exchange.importDocument(system, in, false);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + document, e);
    }
  }
}
