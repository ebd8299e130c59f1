package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.LotTrace;
import io.tianshu.execution.OperationReport;
import io.tianshu.execution.OperationReportInput;
import io.tianshu.execution.SerialTrace;
import io.tianshu.execution.TraceDirection;
import io.tianshu.execution.TraceLink;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import java.math.BigDecimal;
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

/**
 * mom:wo-list, mom:wo-show, mom:wo-action, mom:wo-report, mom:trace and mom:trace-serial: the floor
 * by console.
 */
public final class WorkOrderCommands {
  private WorkOrderCommands() {}

  /** Completes the statuses of a work order. */
  @Service
  public static class StatusCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
      StringsCompleter names = new StringsCompleter();
      for (WorkOrderStatus s : WorkOrderStatus.values()) {
        names.getStrings().add(s.name());
      }
      return names.complete(session, commandLine, candidates);
    }
  }

  /** Completes the order actions of mom:wo-action. */
  @Service
  public static class ActionCompleter extends StringsCompleter {
    public ActionCompleter() {
      super(new String[] {"release", "close", "cancel", "complete", "split"});
    }
  }

  @Command(scope = "mom", name = "wo-list", description = "List work orders / 列出生产工单")
  @Service
  public static class ListOrders implements Action {
    @Reference ExecutionService execution;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-p", aliases = "--plant", description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(name = "-s", aliases = "--status", description = "Status / 状态")
    @Completion(StatusCompleter.class)
    String status;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        Long plantId = plant == null ? null : org.getPlantByCode(caller, plant).id();
        WorkOrderStatus st =
            status == null ? null : WorkOrderStatus.valueOf(status.toUpperCase(Locale.ROOT));
        var page = execution.list(caller, plantId, st, null, new PageRequest(0, 500, "id", true));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Code");
        table.column("Status");
        table.column("Material");
        table.column("Quantity").alignRight();
        table.column("Completed").alignRight();
        table.column("Scrap").alignRight();
        table.column("Lot");
        table.column("Due");
        for (WorkOrder w : page.items()) {
          table
              .addRow()
              .addContent(
                  w.id(),
                  w.code(),
                  w.status(),
                  w.materialCode(),
                  plain(w.quantity()),
                  plain(w.completedQuantity()),
                  plain(w.scrapQuantity()),
                  w.lot(),
                  w.dueDate());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown status / 状态无效: " + status);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "wo-show",
      description = "Show a work order with its operations / 查看工单及工序")
  @Service
  public static class Show implements Action {
    @Reference ExecutionService execution;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Work order id / 工单 ID")
    long id;

    @Override
    public Object execute() throws Exception {
      try {
        WorkOrder w = execution.get(Callers.current(access), id);
        System.out.println(
            w.code()
                + "  "
                + w.status()
                + "  "
                + w.materialCode()
                + "  "
                + plain(w.quantity())
                + " "
                + w.unit()
                + "  lot "
                + w.lot()
                + "  version "
                + w.version());
        ShellTable table = new ShellTable();
        table.column("Seq").alignRight();
        table.column("Operation");
        table.column("Status");
        table.column("In").alignRight();
        table.column("Good").alignRight();
        table.column("Scrap").alignRight();
        table.column("Rework").alignRight();
        table.column("WIP").alignRight();
        table.column("Station");
        for (WorkOrderOperation o : w.operations()) {
          table
              .addRow()
              .addContent(
                  o.seq(),
                  o.description(),
                  o.status(),
                  plain(o.in()),
                  plain(o.good()),
                  plain(o.scrap()),
                  plain(o.rework()),
                  plain(o.inProgress()),
                  o.station());
        }
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "wo-action",
      description = "Release, split, complete (forced), close or cancel a work order / 工单状态操作")
  @Service
  public static class OrderAction implements Action {
    @Reference ExecutionService execution;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Work order id / 工单 ID")
    long id;

    @Argument(
        index = 1,
        required = true,
        description = "release | split | complete | close | cancel / 操作")
    @Completion(ActionCompleter.class)
    String action;

    @Option(name = "-q", aliases = "--quantity", description = "Quantity to split off / 拆分数量")
    BigDecimal quantity;

    @Option(name = "-r", aliases = "--reason", description = "Reason of a forced completion / 原因")
    String reason;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long version = execution.get(caller, id).version();
        WorkOrder w =
            switch (action.toLowerCase(Locale.ROOT)) {
              case "release" -> execution.release(caller, id, version);
              case "split" -> execution.split(caller, id, quantity, version);
              case "complete" -> execution.complete(caller, id, reason, version);
              case "close" -> execution.close(caller, id, version);
              case "cancel" -> execution.cancel(caller, id, version);
              default ->
                  throw new IllegalArgumentException(
                      "Unknown action / 操作无效: "
                          + action
                          + " (release, split, complete, close, cancel)");
            };
        System.out.println(w.code() + " " + w.status() + " (order " + w.id() + ")");
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "wo-report",
      description = "Report good, scrap and rework at an operation / 工序报工")
  @Service
  public static class Report implements Action {
    @Reference ExecutionService execution;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Work order id / 工单 ID")
    long id;

    @Argument(index = 1, required = true, description = "Operation number / 工序号")
    int seq;

    @Option(name = "-g", aliases = "--good", description = "Good quantity / 合格数")
    BigDecimal good;

    @Option(name = "-s", aliases = "--scrap", description = "Scrap quantity / 报废数")
    BigDecimal scrap;

    @Option(name = "-w", aliases = "--rework", description = "Rework quantity / 返工数")
    BigDecimal rework;

    @Option(name = "-r", aliases = "--reason", description = "Reason code / 原因代码")
    String reason;

    @Option(
        name = "-k",
        aliases = "--key",
        description = "Report id for safe retries (default: generated) / 报工编号")
    String key;

    @Option(
        name = "-p",
        aliases = "--part",
        description = "Part of a split operation (default: the unsplit rest) / 分割号")
    Integer part;

    @Override
    public Object execute() throws Exception {
      try {
        String k = key == null ? "CON-" + java.util.UUID.randomUUID() : key;
        OperationReport r =
            execution.report(
                Callers.current(access),
                new OperationReportInput(
                    k, id, seq, good, scrap, rework, false, reason, null, null, null, null, null,
                    part, null));
        System.out.println(
            (r.duplicate() ? "Already reported / 已报工: " : "Reported / 已报工: ")
                + r.reportKey()
                + "  good "
                + plain(r.good())
                + "  scrap "
                + plain(r.scrap())
                + "  rework "
                + plain(r.rework())
                + "  to stock "
                + plain(r.completedQuantity())
                + (r.part() == null ? "" : "  part " + r.part()));
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "trace",
      description = "Trace a lot backward (where from) or forward (where used) / 批次追溯")
  @Service
  public static class Trace implements Action {
    @Reference ExecutionService execution;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Material id / 物料 ID")
    long material;

    @Argument(index = 1, required = true, description = "Lot / 批次")
    String lot;

    @Option(name = "-f", aliases = "--forward", description = "Where used (recall) / 正向追溯")
    boolean forward;

    @Option(name = "-l", aliases = "--levels", description = "Levels (default 10) / 层数")
    int levels = 10;

    @Override
    public Object execute() throws Exception {
      try {
        LotTrace t =
            execution.trace(
                Callers.current(access),
                material,
                lot,
                forward ? TraceDirection.FORWARD : TraceDirection.BACKWARD,
                levels);
        ShellTable table = new ShellTable();
        table.column("Level").alignRight();
        table.column("Parent");
        table.column("Parent lot");
        table.column("Child");
        table.column("Child lot");
        table.column("Quantity").alignRight();
        table.column("Work order");
        for (TraceLink l : t.links()) {
          table
              .addRow()
              .addContent(
                  l.level(),
                  l.parentMaterialCode(),
                  l.parentLot(),
                  l.childMaterialCode(),
                  l.childLot(),
                  plain(l.quantity()),
                  l.workOrderCode());
        }
        table.print(System.out);
        for (LotTrace.LotRef end : t.endLots()) {
          System.out.println(
              (forward ? "Reached / 影响: " : "Origin / 来源: ")
                  + end.materialCode()
                  + " "
                  + end.lot());
        }
        if (t.truncated()) {
          System.out.println("Cut at " + levels + " levels / 已截断");
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "trace-serial",
      description =
          "Trace a serial unit backward (where from) or forward (where used, recall) / 序列号追溯")
  @Service
  public static class TraceSerial implements Action {
    @Reference ExecutionService execution;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Material id / 物料 ID")
    long material;

    @Argument(index = 1, required = true, description = "Serial number / 序列号")
    String serial;

    @Option(name = "-f", aliases = "--forward", description = "Where used (recall) / 正向追溯")
    boolean forward;

    @Option(name = "-l", aliases = "--levels", description = "Levels (default 10) / 层数")
    int levels = 10;

    @Override
    public Object execute() throws Exception {
      try {
        SerialTrace t =
            execution.traceSerial(
                Callers.current(access),
                material,
                serial,
                forward ? TraceDirection.FORWARD : TraceDirection.BACKWARD,
                levels);
        ShellTable table = new ShellTable();
        table.column("Level").alignRight();
        table.column("Parent");
        table.column("Parent serial/lot");
        table.column("Child");
        table.column("Child serial/lot");
        table.column("Quantity").alignRight();
        table.column("Work order");
        for (SerialTrace.Link l : t.links()) {
          table
              .addRow()
              .addContent(
                  l.level(),
                  l.parent().materialCode(),
                  label(l.parent()),
                  l.child().materialCode(),
                  label(l.child()),
                  plain(l.quantity()),
                  l.workOrderCode());
        }
        table.print(System.out);
        for (SerialTrace.Unit end : t.ends()) {
          System.out.println(
              (forward ? "Reached / 影响: " : "Origin / 来源: ")
                  + end.materialCode()
                  + " "
                  + label(end));
        }
        for (LotTrace.Shipment s : t.shipments()) {
          System.out.println(
              "Shipped / 已发货: "
                  + s.lot()
                  + " "
                  + plain(s.quantity())
                  + " "
                  + s.reference()
                  + (s.customer() == null ? "" : " " + s.customer()));
        }
        if (t.truncated()) {
          System.out.println("Cut at " + levels + " levels / 已截断");
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }

    private static String label(SerialTrace.Unit u) {
      return u.serial() != null
          ? u.serial() + (u.lot() == null ? "" : " (lot " + u.lot() + ")")
          : "lot " + u.lot();
    }
  }

  private static String plain(BigDecimal d) {
    return d == null ? "" : d.stripTrailingZeros().toPlainString();
  }
}
