package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.execution.AndonCallInput;
import io.tianshu.execution.AndonCallView;
import io.tianshu.execution.AndonService;
import io.tianshu.execution.AndonStatus;
import io.tianshu.execution.engine.AndonCategory;
import io.tianshu.execution.engine.AndonPriority;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:andon-raise, mom:andon-list, mom:andon-ack and mom:andon-resolve: Andon by console. */
public final class AndonCommands {
  private AndonCommands() {}

  /** Completes the Andon categories (人机料法环测). */
  @Service
  public static class CategoryCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
      StringsCompleter names = new StringsCompleter();
      for (AndonCategory c : AndonCategory.values()) {
        names.getStrings().add(c.name());
      }
      return names.complete(session, commandLine, candidates);
    }
  }

  /** Completes the Andon priorities. */
  @Service
  public static class PriorityCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
      StringsCompleter names = new StringsCompleter();
      for (AndonPriority p : AndonPriority.values()) {
        names.getStrings().add(p.name());
      }
      return names.complete(session, commandLine, candidates);
    }
  }

  /** Completes the statuses of an Andon call. */
  @Service
  public static class StatusCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
      StringsCompleter names = new StringsCompleter();
      for (AndonStatus s : AndonStatus.values()) {
        names.getStrings().add(s.name());
      }
      return names.complete(session, commandLine, candidates);
    }
  }

  @Command(scope = "mom", name = "andon-raise", description = "Raise an Andon call / 安灯呼叫")
  @Service
  public static class Raise implements Action {
    @Reference AndonService andon;
    @Reference OrgService org;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Argument(index = 1, required = true, description = "Line code / 产线")
    String line;

    @Argument(
        index = 2,
        required = true,
        description = "MAN | MACHINE | MATERIAL | METHOD | ENVIRONMENT | MEASUREMENT / 人机料法环测")
    @Completion(CategoryCompleter.class)
    String category;

    @Option(name = "-s", aliases = "--station", description = "Station / 工位")
    String station;

    @Option(name = "-P", aliases = "--priority", description = "Priority (NORMAL) / 优先级")
    @Completion(PriorityCompleter.class)
    String priority;

    @Option(name = "-d", aliases = "--description", description = "What is wrong / 问题描述")
    String description;

    @Option(name = "-w", aliases = "--work-order", description = "Work order id / 工单 ID")
    Long workOrder;

    @Option(name = "-o", aliases = "--operation", description = "Operation number / 工序号")
    Integer operation;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long plantId = org.getPlantByCode(caller, plant).id();
        AndonCallView v =
            andon.raise(
                caller,
                new AndonCallInput(
                    plantId, line, station, category, priority, description, workOrder, operation));
        System.out.println(
            "Raised / 已呼叫: call "
                + v.id()
                + "  "
                + v.lineCode()
                + (v.station() == null ? "" : "/" + v.station())
                + "  "
                + v.category()
                + " "
                + v.categoryLabel()
                + "  "
                + v.priority());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "andon-list", description = "List Andon calls / 列出安灯呼叫")
  @Service
  public static class ListCalls implements Action {
    @Reference AndonService andon;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-p", aliases = "--plant", description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(name = "-s", aliases = "--status", description = "Status / 状态")
    @Completion(StatusCompleter.class)
    String status;

    @Option(name = "-c", aliases = "--category", description = "Category / 类别")
    @Completion(CategoryCompleter.class)
    String category;

    @Option(name = "-l", aliases = "--line", description = "Line code / 产线")
    String line;

    @Override
    public Object execute() throws Exception {
      AndonStatus st;
      AndonCategory cat;
      try {
        st = status == null ? null : AndonStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown status / 状态无效: " + status);
      }
      try {
        cat = category == null ? null : AndonCategory.valueOf(category.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown category / 类别无效: " + category);
      }
      try {
        CallerContext caller = Callers.current(access);
        Long plantId = plant == null ? null : org.getPlantByCode(caller, plant).id();
        var page = andon.list(caller, plantId, st, cat, line, new PageRequest(0, 500, "id", false));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Line");
        table.column("Station");
        table.column("Category");
        table.column("Priority");
        table.column("Status");
        table.column("Level").alignRight();
        table.column("Raised");
        table.column("By");
        table.column("Description");
        for (AndonCallView v : page.items()) {
          table
              .addRow()
              .addContent(
                  v.id(),
                  v.lineCode(),
                  v.station() == null ? "" : v.station(),
                  v.category() + " " + v.categoryLabel(),
                  v.priority(),
                  v.status(),
                  v.currentLevel(),
                  v.raisedAt(),
                  v.raisedBy(),
                  v.description() == null ? "" : v.description());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "andon-ack",
      description = "Acknowledge an Andon call: someone is on it / 响应安灯呼叫")
  @Service
  public static class Acknowledge implements Action {
    @Reference AndonService andon;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Call id / 呼叫 ID")
    long id;

    @Override
    public Object execute() throws Exception {
      try {
        AndonCallView v = andon.acknowledge(Callers.current(access), id);
        System.out.println(
            "Acknowledged / 已响应: call " + v.id() + " by " + v.acknowledgedBy() + " " + v.status());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "andon-resolve",
      description = "Resolve an Andon call with what was done / 解决安灯呼叫")
  @Service
  public static class Resolve implements Action {
    @Reference AndonService andon;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Call id / 呼叫 ID")
    long id;

    @Argument(index = 1, required = true, description = "What was done / 处理措施")
    String resolution;

    @Override
    public Object execute() throws Exception {
      try {
        AndonCallView v = andon.resolve(Callers.current(access), id, resolution);
        System.out.println(
            "Resolved / 已解决: call " + v.id() + " by " + v.resolvedBy() + " " + v.status());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }
}
