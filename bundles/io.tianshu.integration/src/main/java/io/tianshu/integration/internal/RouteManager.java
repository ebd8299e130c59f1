package io.tianshu.integration.internal;

import io.tianshu.core.NotFoundException;
import io.tianshu.integration.RouteFile;
import io.tianshu.integration.RouteInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RoutesDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of one Camel context and where each came from: a route file of the watched folder or a
 * RoutesBuilder another bundle contributed. Every change is serialised on this object.
 *
 * <p>A changed route file is parsed before anything is removed, so that a typo never stops a
 * running route; its routes are then replaced, and if the new ones do not start the last good
 * version is loaded again. Either way the file's status says what happened. Routes a file leaves
 * without an id get {@code <file name>-<n>}, stable across edits.
 */
final class RouteManager {
  private static final Logger LOG = LoggerFactory.getLogger(RouteManager.class);
  private static final int MAX_ERROR = 2_000;

  /** A route file's state: the last good content and its routes, and the last error. */
  private static final class FileState {
    byte[] seen; // the content last looked at, good or not
    byte[] good; // the content whose routes run (null: none ever loaded)
    List<String> routeIds = List.of();
    String error;
    Instant loadedAt;
    Instant failedAt;
  }

  /** Routes a RoutesBuilder service added. */
  private record Contribution(String source, List<String> routeIds) {}

  private final CamelContext context;
  private final ModelCamelContext model;
  private final RouteCounters counters;
  private final Path folder;
  private final Clock clock;
  private final RouteFolderScan scan = new RouteFolderScan();
  private final Map<String, FileState> files = new TreeMap<>();
  private final Map<Object, Contribution> contributions = new LinkedHashMap<>();

  RouteManager(CamelContext context, RouteCounters counters, Path folder, Clock clock) {
    this.context = context;
    this.model = (ModelCamelContext) context;
    this.counters = counters;
    this.folder = folder;
    this.clock = clock;
  }

  Path folder() {
    return folder;
  }

  /** Looks at the folder and applies what changed. */
  synchronized void scan() {
    List<RouteFolderScan.Listed> listing = new ArrayList<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException gone) {
          continue; // removed between list and stat
        }
        if (a.isRegularFile()) {
          listing.add(
              new RouteFolderScan.Listed(
                  p.getFileName().toString(), a.lastModifiedTime().toMillis(), a.size()));
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot list the route folder {}: {}", folder, e.toString());
      return;
    }
    RouteFolderScan.Changes changes = scan.update(listing);
    for (String name : changes.removed()) {
      removeFile(name);
    }
    for (String name : changes.addedOrChanged()) {
      byte[] content;
      try {
        content = Files.readAllBytes(folder.resolve(name));
      } catch (IOException e) {
        scan.forget(name); // try again next time
        continue;
      }
      applyFile(name, content, false);
    }
  }

  /** Loads a route file again now, whether or not it changed. */
  synchronized RouteFile reload(String name) {
    Path p = folder.resolve(name).normalize();
    if (!RouteFolderScan.isRouteFile(name)
        || !p.getParent().equals(folder.normalize())
        || !Files.isRegularFile(p)) {
      throw new NotFoundException("route file", name);
    }
    try {
      applyFile(name, Files.readAllBytes(p), true);
    } catch (IOException e) {
      throw new NotFoundException("route file", name);
    }
    return fileView(name, files.get(name));
  }

  private void applyFile(String name, byte[] content, boolean force) {
    FileState state = files.computeIfAbsent(name, n -> new FileState());
    if (!force && Arrays.equals(content, state.seen)) {
      return; // touched, not changed
    }
    state.seen = content;
    List<RouteDefinition> defs;
    try {
      defs = parse(name, content);
      checkIds(name, defs);
    } catch (Exception e) {
      fail(name, state, "does not parse: " + describe(e));
      return;
    }
    List<String> old = state.routeIds;
    try {
      removeRoutes(old);
    } catch (Exception e) {
      fail(name, state, "its old routes do not stop: " + describe(e));
      return;
    }
    try {
      withBundleLoader(
          () -> {
            model.addRouteDefinitions(defs);
            return null;
          });
    } catch (Exception e) {
      List<String> added = ids(defs).stream().filter(id -> context.getRoute(id) != null).toList();
      try {
        removeRoutes(added);
      } catch (Exception ignored) {
        LOG.warn("Route file {}: cannot remove the routes that did not start", name);
      }
      String reason = "its routes do not start: " + describe(e);
      if (state.good != null) {
        try {
          List<RouteDefinition> previous = parse(name, state.good);
          withBundleLoader(
              () -> {
                model.addRouteDefinitions(previous);
                return null;
              });
        } catch (Exception again) {
          state.routeIds = List.of();
          reason += "; the previous version did not start again either: " + describe(again);
        }
      } else {
        state.routeIds = List.of();
      }
      fail(name, state, reason);
      return;
    }
    state.good = content;
    state.routeIds = ids(defs);
    state.routeIds.forEach(counters::reset);
    state.error = null;
    state.failedAt = null;
    state.loadedAt = clock.instant();
    LOG.info("Route file {} loaded: routes {}", name, state.routeIds);
  }

  private void removeFile(String name) {
    FileState state = files.remove(name);
    if (state == null) {
      return;
    }
    try {
      removeRoutes(state.routeIds);
      LOG.info("Route file {} removed: routes {} removed", name, state.routeIds);
    } catch (Exception e) {
      LOG.warn("Route file {} removed, but its routes do not stop: {}", name, describe(e));
    }
  }

  private void fail(String name, FileState state, String reason) {
    state.error = truncate(reason);
    state.failedAt = clock.instant();
    LOG.warn("Route file {} {}", name, reason);
  }

  /** Parses a route file into route definitions without adding them. */
  private List<RouteDefinition> parse(String name, byte[] content) throws Exception {
    return withBundleLoader(
        () -> {
          Resource resource = ResourceHelper.fromBytes("file:" + name, content);
          Collection<RoutesBuilder> builders =
              PluginHelper.getRoutesLoader(context).findRoutesBuilders(List.of(resource));
          List<RouteDefinition> defs = new ArrayList<>();
          for (RoutesBuilder b : builders) {
            if (!(b instanceof RouteBuilder rb)) {
              throw new IllegalArgumentException("unsupported content " + b.getClass().getName());
            }
            RoutesDefinition routes = rb.configureRoutes(context);
            defs.addAll(routes.getRoutes());
          }
          String base = name.substring(0, name.indexOf(".camel."));
          int n = 0;
          for (RouteDefinition d : defs) {
            n++;
            if (d.getRouteId() == null || d.getRouteId().isBlank()) {
              d.routeId(base + "-" + n);
            }
          }
          return defs;
        });
  }

  /** Refuses ids used twice in the file or already used by another file or bundle. */
  private void checkIds(String name, List<RouteDefinition> defs) {
    Set<String> mine = new HashSet<>();
    for (RouteDefinition d : defs) {
      String id = d.getRouteId();
      if (!mine.add(id)) {
        throw new IllegalArgumentException("route id " + id + " is used twice in the file");
      }
      String owner = ownerOf(id);
      if (owner != null && !owner.equals("file:" + name)) {
        throw new IllegalArgumentException("route id " + id + " is already used by " + owner);
      }
      if (owner == null && context.getRoute(id) != null) {
        throw new IllegalArgumentException("route id " + id + " is already used");
      }
    }
  }

  /** Adds the routes of a RoutesBuilder service; a failure is logged and adds nothing. */
  synchronized void addBuilder(Object key, String source, RoutesBuilder builder) {
    Set<String> before = routeIds();
    try {
      withBundleLoader(
          () -> {
            context.addRoutes(builder);
            return null;
          });
    } catch (Exception e) {
      List<String> added = routeIds().stream().filter(id -> !before.contains(id)).toList();
      try {
        removeRoutes(added);
      } catch (Exception ignored) {
        // logged below with the cause
      }
      LOG.error("Routes from {} not added: {}", source, describe(e));
      return;
    }
    List<String> added = routeIds().stream().filter(id -> !before.contains(id)).sorted().toList();
    added.forEach(counters::reset);
    contributions.put(key, new Contribution(source, added));
    LOG.info("Routes from {} added: {}", source, added);
  }

  /** Removes the routes a RoutesBuilder service added. */
  synchronized void removeBuilder(Object key) {
    Contribution c = contributions.remove(key);
    if (c == null) {
      return;
    }
    try {
      removeRoutes(c.routeIds());
      LOG.info("Routes from {} removed: {}", c.source(), c.routeIds());
    } catch (Exception e) {
      LOG.warn("Routes from {} do not stop: {}", c.source(), describe(e));
    }
  }

  synchronized List<RouteInfo> routes() {
    return context.getRoutes().stream()
        .map(Route::getRouteId)
        .sorted()
        .map(this::routeView)
        .toList();
  }

  synchronized RouteInfo route(String id) {
    if (context.getRoute(id) == null) {
      throw new NotFoundException("route", id);
    }
    return routeView(id);
  }

  synchronized RouteInfo start(String id) throws Exception {
    route(id);
    withBundleLoader(
        () -> {
          context.getRouteController().startRoute(id);
          return null;
        });
    return routeView(id);
  }

  synchronized RouteInfo stop(String id) throws Exception {
    route(id);
    context.getRouteController().stopRoute(id);
    return routeView(id);
  }

  synchronized List<RouteFile> files() {
    return files.entrySet().stream().map(e -> fileView(e.getKey(), e.getValue())).toList();
  }

  private RouteFile fileView(String name, FileState s) {
    return new RouteFile(
        name,
        s.error == null ? RouteFile.Status.LOADED : RouteFile.Status.FAILED,
        s.routeIds,
        s.error,
        s.loadedAt,
        s.failedAt);
  }

  private RouteInfo routeView(String id) {
    Route r = context.getRoute(id);
    ServiceStatus status = context.getRouteController().getRouteStatus(id);
    RouteCounters.Counter c = counters.of(id);
    String owner = ownerOf(id);
    return new RouteInfo(
        id,
        owner != null ? owner : "unknown",
        status != null ? status.name() : "Unknown",
        r.getEndpoint() != null ? r.getEndpoint().getEndpointUri() : null,
        r.getDescription(),
        c.completed.sum(),
        c.failed.sum(),
        context.getInflightRepository().size(id),
        c.last);
  }

  private String ownerOf(String id) {
    for (Map.Entry<String, FileState> e : files.entrySet()) {
      if (e.getValue().routeIds.contains(id)) {
        return "file:" + e.getKey();
      }
    }
    for (Contribution c : contributions.values()) {
      if (c.routeIds().contains(id)) {
        return c.source();
      }
    }
    return null;
  }

  private Set<String> routeIds() {
    Set<String> ids = new HashSet<>();
    context.getRoutes().forEach(r -> ids.add(r.getRouteId()));
    return ids;
  }

  private void removeRoutes(List<String> ids) throws Exception {
    List<RouteDefinition> defs = new ArrayList<>();
    for (String id : ids) {
      RouteDefinition d = model.getRouteDefinition(id);
      if (d != null) {
        defs.add(d);
      } else if (context.getRoute(id) != null) {
        context.getRouteController().stopRoute(id);
        context.removeRoute(id);
      }
    }
    if (!defs.isEmpty()) {
      model.removeRouteDefinitions(defs);
    }
  }

  private static List<String> ids(List<RouteDefinition> defs) {
    return defs.stream().map(RouteDefinition::getRouteId).toList();
  }

  /** Camel finds components and languages through the application class loader: this bundle's. */
  private static <T> T withBundleLoader(Callable<T> work) throws Exception {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(RouteManager.class.getClassLoader());
    try {
      return work.call();
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  /** The exception's message and its causes', without stack traces. */
  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
      if (sb.indexOf(m) >= 0) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append(" — caused by: ");
      }
      sb.append(m);
    }
    return sb.toString();
  }

  private static String truncate(String s) {
    return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR) + "…";
  }
}
