package io.tianshu.console.internal;

import io.tianshu.core.TianshuException;
import io.tianshu.integration.IntegrationService;
import io.tianshu.integration.RouteFile;
import io.tianshu.integration.RouteInfo;
import io.tianshu.org.AccessService;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * mom:route-list, route-files, route-start, route-stop, route-reload: the Camel routes of the
 * server (group administrators).
 */
public final class RouteCommands {
  private RouteCommands() {}

  @Command(
      scope = "mom",
      name = "route-list",
      description = "Camel routes with state and exchange counters / 集成路由列表")
  @Service
  public static class RouteList implements Action {
    @Reference IntegrationService integration;
    @Reference AccessService access;

    @Override
    public Object execute() throws Exception {
      try {
        print(integration.routes(Callers.current(access)));
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  static void print(List<RouteInfo> routes) {
    ShellTable table = new ShellTable();
    table.column("Route");
    table.column("State");
    table.column("Source");
    table.column("From");
    table.column("Completed").alignRight();
    table.column("Failed").alignRight();
    table.column("Inflight").alignRight();
    table.column("Last exchange");
    for (RouteInfo r : routes) {
      table
          .addRow()
          .addContent(
              r.id(),
              r.state(),
              r.source(),
              r.from(),
              r.exchangesCompleted(),
              r.exchangesFailed(),
              r.exchangesInflight(),
              r.lastExchangeAt() == null ? "" : r.lastExchangeAt());
    }
    table.print(System.out);
  }

  @Command(
      scope = "mom",
      name = "route-files",
      description = "Route files of the watched folder and their load status / 路由文件及加载状态")
  @Service
  public static class RouteFiles implements Action {
    @Reference IntegrationService integration;
    @Reference AccessService access;

    @Override
    public Object execute() throws Exception {
      try {
        ShellTable table = new ShellTable();
        table.column("File");
        table.column("Status");
        table.column("Routes");
        table.column("Loaded");
        table.column("Error").maxSize(100);
        for (RouteFile f : integration.routeFiles(Callers.current(access))) {
          table
              .addRow()
              .addContent(
                  f.name(),
                  f.status(),
                  String.join(",", f.routeIds()),
                  f.loadedAt() == null ? "" : f.loadedAt(),
                  f.error() == null ? "" : f.error());
        }
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "route-start", description = "Start a Camel route / 启动路由")
  @Service
  public static class RouteStart implements Action {
    @Reference IntegrationService integration;
    @Reference AccessService access;

    @Argument(required = true, description = "Route id / 路由")
    @Completion(RouteIdCompleter.class)
    String routeId;

    @Override
    public Object execute() throws Exception {
      try {
        print(List.of(integration.startRoute(Callers.current(access), routeId)));
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "route-stop",
      description = "Stop a Camel route; exchanges in flight finish first / 停止路由")
  @Service
  public static class RouteStop implements Action {
    @Reference IntegrationService integration;
    @Reference AccessService access;

    @Argument(required = true, description = "Route id / 路由")
    @Completion(RouteIdCompleter.class)
    String routeId;

    @Override
    public Object execute() throws Exception {
      try {
        print(List.of(integration.stopRoute(Callers.current(access), routeId)));
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "route-reload",
      description = "Load a route file again; a broken file keeps its running routes / 重新加载路由文件")
  @Service
  public static class RouteReload implements Action {
    @Reference IntegrationService integration;
    @Reference AccessService access;

    @Argument(required = true, description = "File name in the route folder / 路由文件名")
    @Completion(RouteFileCompleter.class)
    String file;

    @Override
    public Object execute() throws Exception {
      try {
        RouteFile f = integration.reloadFile(Callers.current(access), file);
        if (f.status() == RouteFile.Status.LOADED) {
          System.out.println("Loaded / 已加载: " + String.join(", ", f.routeIds()));
        } else {
          System.out.println("FAILED / 加载失败: " + f.error());
          if (!f.routeIds().isEmpty()) {
            System.out.println("Still running / 仍在运行: " + String.join(", ", f.routeIds()));
          }
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  /** Completes route ids. */
  @Service
  public static class RouteIdCompleter implements Completer {
    @Reference IntegrationService integration;
    @Reference AccessService access;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
      StringsCompleter delegate = new StringsCompleter();
      try {
        integration.routes(Callers.current(access)).forEach(r -> delegate.getStrings().add(r.id()));
      } catch (RuntimeException e) {
        return -1;
      }
      return delegate.complete(session, commandLine, candidates);
    }
  }

  /** Completes route file names. */
  @Service
  public static class RouteFileCompleter implements Completer {
    @Reference IntegrationService integration;
    @Reference AccessService access;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
      StringsCompleter delegate = new StringsCompleter();
      try {
        integration
            .routeFiles(Callers.current(access))
            .forEach(f -> delegate.getStrings().add(f.name()));
      } catch (RuntimeException e) {
        return -1;
      }
      return delegate.complete(session, commandLine, candidates);
    }
  }
}
