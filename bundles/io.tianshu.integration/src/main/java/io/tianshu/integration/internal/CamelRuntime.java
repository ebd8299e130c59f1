package io.tianshu.integration.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.TianshuException;
import io.tianshu.integration.IntegrationService;
import io.tianshu.integration.RouteFile;
import io.tianshu.integration.RouteInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one Camel context. It reads route files from the configured folder and takes the
 * RoutesBuilder services of other bundles (whiteboard), both for as long as it runs.
 */
@Component(
    service = IntegrationService.class,
    immediate = true,
    configurationPid = "io.tianshu.integration")
@Designate(ocd = IntegrationConfig.class)
public class CamelRuntime implements IntegrationService {
  private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);

  private final DefaultCamelContext context;
  private final RouteManager routes;
  private final ScheduledExecutorService scanner;
  // builders bound before the context started (DS binds before it activates)
  private final Map<ServiceReference<RoutesBuilder>, RoutesBuilder> early = new LinkedHashMap<>();
  private volatile boolean started;
  private ServiceRegistration<CamelContext> contextRegistration;

  @Activate
  public CamelRuntime(IntegrationConfig config, BundleContext bundleContext) {
    Path folder = folder(config.routesDirectory());
    long scanMillis = Math.max(100, config.scanMillis());
    context = new DefaultCamelContext(false);
    context.getCamelContextExtension().setName("tianshu");
    context.setApplicationContextClassLoader(CamelRuntime.class.getClassLoader());
    // a reload must not wait Camel's default 45 s for exchanges that hang
    context.getShutdownStrategy().setTimeout(10);
    RouteCounters counters = new RouteCounters();
    context.build();
    context.getManagementStrategy().addEventNotifier(counters);
    context.start();
    routes = new RouteManager(context, counters, folder, Clock.systemUTC());
    scanner =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tianshu-route-files");
              t.setDaemon(true);
              return t;
            });
    LOG.info("Camel {} started; route files from {}", context.getVersion(), folder);
    synchronized (this) {
      started = true;
      early.forEach((ref, builder) -> routes.addBuilder(ref, source(ref), builder));
      early.clear();
    }
    scanner.scheduleWithFixedDelay(this::scan, 0, scanMillis, TimeUnit.MILLISECONDS);
    // connectors and the outbound relay send through the one context
    contextRegistration =
        bundleContext.registerService(
            CamelContext.class,
            context,
            FrameworkUtil.asDictionary(Map.of("camel.context.name", "tianshu")));
  }

  private void scan() {
    try {
      routes.scan();
    } catch (RuntimeException e) {
      LOG.error("Route folder scan failed", e); // keep scanning
    }
  }

  @Deactivate
  void deactivate() {
    try {
      contextRegistration.unregister();
    } catch (IllegalStateException alreadyGone) {
      // the bundle is stopping
    }
    scanner.shutdownNow();
    try {
      scanner.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    context.stop();
    LOG.info("Camel context stopped");
  }

  @Reference(
      service = RoutesBuilder.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC)
  synchronized void addRoutesBuilder(ServiceReference<RoutesBuilder> ref, RoutesBuilder builder) {
    if (!started) {
      early.put(ref, builder);
      return;
    }
    routes.addBuilder(ref, source(ref), builder);
  }

  synchronized void removeRoutesBuilder(ServiceReference<RoutesBuilder> ref) {
    if (early.remove(ref) != null) {
      return;
    }
    routes.removeBuilder(ref);
  }

  private static String source(ServiceReference<?> ref) {
    return "bundle:" + ref.getBundle().getSymbolicName();
  }

  private static Path folder(String configured) {
    Path folder =
        configured == null || configured.isBlank()
            ? Path.of(System.getProperty("karaf.etc", "etc"), "routes")
            : Path.of(configured);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the route folder " + folder, e);
    }
    return folder.toAbsolutePath().normalize();
  }

  @Override
  public List<RouteInfo> routes(CallerContext caller) {
    caller.requireGroupAdmin();
    return routes.routes();
  }

  @Override
  public List<RouteFile> routeFiles(CallerContext caller) {
    caller.requireGroupAdmin();
    return routes.files();
  }

  @Override
  public RouteInfo startRoute(CallerContext caller, String routeId) {
    caller.requireGroupAdmin();
    RouteInfo r = call(() -> routes.start(routeId));
    LOG.info("Route {} started by {}", routeId, caller.username());
    return r;
  }

  @Override
  public RouteInfo stopRoute(CallerContext caller, String routeId) {
    caller.requireGroupAdmin();
    RouteInfo r = call(() -> routes.stop(routeId));
    LOG.info("Route {} stopped by {}", routeId, caller.username());
    return r;
  }

  @Override
  public RouteFile reloadFile(CallerContext caller, String fileName) {
    caller.requireGroupAdmin();
    if (fileName == null || fileName.isBlank()) {
      throw new NotFoundException("route file", fileName);
    }
    RouteFile f = routes.reload(fileName);
    LOG.info("Route file {} reloaded by {}: {}", fileName, caller.username(), f.status());
    return f;
  }

  private interface RouteCall {
    RouteInfo call() throws Exception;
  }

  private static RouteInfo call(RouteCall c) {
    try {
      return c.call();
    } catch (TianshuException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(RouteManager.describe(e), e);
    }
  }
}
