package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.planning.KitReport;
import io.tianshu.planning.PlanGrid;
import io.tianshu.planning.PlanMessage;
import io.tianshu.planning.PlanRun;
import io.tianshu.planning.PlanRunRequest;
import io.tianshu.planning.PlanningService;
import io.tianshu.planning.Promise;
import io.tianshu.planning.Receipt;
import io.tianshu.planning.engine.CtpResult;
import io.tianshu.planning.engine.CtpShortage;
import io.tianshu.planning.engine.KitComponentResult;
import io.tianshu.planning.engine.KitResult;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * mom:plan-run (with a progress bar; Ctrl-C cancels the run), mom:plan-list, mom:plan-grid,
 * mom:atp, mom:kit.
 */
public final class PlanCommands {
  private PlanCommands() {}

  @Command(
      scope = "mom",
      name = "plan-run",
      description = "Runs MRP or MPS for a plant, showing progress / 运行物料需求计划")
  @Service
  public static class Run implements Action {
    @Reference PlanningService planning;
    @Reference OrgService orgs;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(
        name = "-t",
        aliases = "--type",
        description = "Plan type code: MRP (default), MPS or a configured one / 计划类型")
    String type;

    @Option(name = "-n", aliases = "--name", description = "Plan version name / 计划版本名称")
    String name;

    @Option(name = "-s", aliases = "--start", description = "Plan start YYYY-MM-DD (default today)")
    String start;

    @Option(
        name = "-h",
        aliases = "--horizon",
        description = "Horizon in days (default: the plan type's) / 计划展望期")
    Integer horizon;

    @Option(name = "--no-wait", description = "Start and return / 启动后立即返回")
    boolean noWait;

    @Option(
        name = "--net-change",
        description =
            "Re-plan only what the demand changes since the last run affect / 净改变（仅重算受影响物料）")
    boolean netChange;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        OrgUnit p = orgs.getPlantByCode(caller, plant);
        PlanRun run =
            planning.startRun(
                caller,
                new PlanRunRequest(
                    p.id(),
                    name,
                    type,
                    start == null ? null : LocalDate.parse(start),
                    horizon,
                    null,
                    null,
                    null,
                    netChange ? "NET_CHANGE" : null));
        PrintStream out = System.out;
        out.println("Plan run " + run.id() + " started / 计划已启动");
        if (noWait) {
          return null;
        }
        String last = "";
        while (run.active()) {
          String bar = bar(run.percent(), run.phase());
          if (!bar.equals(last)) {
            out.print("\r" + bar);
            out.flush();
            last = bar;
          }
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            planning.cancelRun(caller, run.id());
            out.println();
            out.println("Cancelling run " + run.id() + " / 正在取消");
            Thread.currentThread().interrupt();
            return null;
          }
          run = planning.run(caller, run.id());
        }
        out.print("\r" + bar(100, "DONE"));
        out.println();
        print(out, run);
        if (run.messages() > 0) {
          ShellTable table = new ShellTable();
          table.column("Material");
          table.column("Kind");
          table.column("Date");
          table.column("Message");
          for (PlanMessage m :
              planning
                  .messages(caller, run.id(), null, new PageRequest(0, 20, "id", true))
                  .items()) {
            table.addRow().addContent(m.materialCode(), m.kind(), m.date(), m.message());
          }
          table.print(out);
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }

    private static String bar(int percent, String phase) {
      int filled = Math.max(0, Math.min(30, percent * 30 / 100));
      return "[" + "#".repeat(filled) + "-".repeat(30 - filled) + "] " + percent + "% " + phase;
    }
  }

  static void print(PrintStream out, PlanRun run) {
    out.println(
        "Run "
            + run.id()
            + " \""
            + run.name()
            + "\" "
            + run.status()
            + " "
            + run.mode()
            + (run.error() == null ? "" : ": " + run.error()));
    out.println(
        run.items()
            + " items, "
            + run.demands()
            + " demands, "
            + run.plannedOrders()
            + " planned orders, "
            + run.peggingRows()
            + " pegging rows, "
            + run.messages()
            + " messages / 物料、需求、计划订单、追溯、例外信息");
    out.println(
        "load "
            + run.loadMillis()
            + " ms, engine "
            + run.engineMillis()
            + " ms, save "
            + run.saveMillis()
            + " ms");
  }

  @Command(scope = "mom", name = "plan-list", description = "Plan runs of a plant / 计划版本列表")
  @Service
  public static class ListRuns implements Action {
    @Reference PlanningService planning;
    @Reference OrgService orgs;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        OrgUnit p = orgs.getPlantByCode(caller, plant);
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name");
        table.column("Type");
        table.column("Status");
        table.column("Start");
        table.column("Planned orders").alignRight();
        table.column("Messages").alignRight();
        table.column("By");
        for (PlanRun r : planning.runs(caller, p.id())) {
          table
              .addRow()
              .addContent(
                  r.id(),
                  r.name(),
                  r.planType(),
                  r.status() + (r.active() ? " " + r.percent() + "%" : ""),
                  r.planStart(),
                  r.plannedOrders(),
                  r.messages(),
                  r.createdBy());
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
      name = "plan-release",
      description =
          "Releases a firmed or released run's planned orders as supply orders, merged per material"
              + " / 下达计划订单（可合并）")
  @Service
  public static class Release implements Action {
    @Reference PlanningService planning;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plan run id / 计划版本号")
    long runId;

    @Option(
        name = "-m",
        aliases = "--merge-days",
        description = "Merge orders of a material due within this many days (default 0) / 合并天数")
    int mergeDays;

    @Option(
        name = "-u",
        aliases = "--until",
        description = "Only orders released on or before YYYY-MM-DD / 下达日期截止")
    String until;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        List<Receipt> receipts =
            planning.releaseOrders(
                caller,
                runId,
                new PlanningService.OrderRelease(
                    null, null, null, until == null ? null : LocalDate.parse(until), mergeDays));
        ShellTable table = new ShellTable();
        table.column("Receipt").alignRight();
        table.column("Kind");
        table.column("Reference");
        table.column("Material");
        table.column("Due");
        table.column("Quantity").alignRight();
        for (Receipt r : receipts) {
          table
              .addRow()
              .addContent(
                  r.id(), r.kind(), r.reference(), r.materialCode(), r.dueDate(), r.quantity());
        }
        table.print(System.out);
        System.out.println(
            receipts.size() + " supply orders released / 已下达 " + receipts.size() + " 张");
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "atp",
      description = "Earliest date a quantity can be promised / 可承诺量与承诺日期")
  @Service
  public static class Atp implements Action {
    @Reference PlanningService planning;
    @Reference MasterDataService masterData;
    @Reference OrgService orgs;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Argument(index = 1, required = true, description = "Material code / 物料编码")
    String code;

    @Argument(index = 2, required = true, description = "Quantity / 数量")
    double quantity;

    @Option(name = "-d", aliases = "--date", description = "Requested date (default today)")
    String date;

    @Option(
        name = "-c",
        aliases = "--ctp",
        description = "Capable-to-promise: make or buy the shortfall through the BOM / 可制造承诺")
    boolean ctp;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        OrgUnit p = orgs.getPlantByCode(caller, plant);
        Material m = BomCommands.byCode(masterData, caller, code);
        if (ctp) {
          CtpResult r =
              planning
                  .capableToPromise(
                      caller,
                      p.id(),
                      List.of(
                          new PlanningService.PromiseLine(
                              m.id(), quantity, date == null ? null : LocalDate.parse(date))))
                  .get(0);
          System.out.println(
              "Promised date for "
                  + num(quantity)
                  + ": "
                  + r.promised()
                  + (r.onTime() ? " (on time / 按期)" : " (late / 延期)"));
          for (CtpShortage c : r.constraints()) {
            System.out.println(
                "  "
                    + masterData.getMaterial(caller, c.materialId()).code()
                    + ": "
                    + num(c.quantity())
                    + " ready "
                    + c.readyDate());
          }
          return null;
        }
        Promise promise =
            planning.promise(
                caller,
                p.id(),
                m.id(),
                quantity,
                date == null ? LocalDate.now() : LocalDate.parse(date));
        ShellTable table = new ShellTable();
        table.column("Date");
        table.column("Supply").alignRight();
        table.column("Committed").alignRight();
        table.column("ATP").alignRight();
        table.column("Cumulative ATP").alignRight();
        for (Promise.Bucket b : promise.buckets()) {
          table
              .addRow()
              .addContent(
                  b.date(),
                  num(b.supply()),
                  num(b.committed()),
                  num(b.atp()),
                  num(b.cumulativeAtp()));
        }
        table.print(System.out);
        System.out.println(
            "Available on "
                + promise.requestedDate()
                + ": "
                + num(promise.availableOnRequested())
                + " / 请求日可承诺量");
        System.out.println(
            promise.promisedDate() == null
                ? "Cannot promise " + num(quantity) + " with the known supply / 现有供应无法承诺该数量"
                : "Promised date for " + num(quantity) + ": " + promise.promisedDate() + " / 承诺日期");
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "kit",
      description = "Kitting of open sales orders: buildable now, complete date, shortages / 齐套分析")
  @Service
  public static class Kit implements Action {
    @Reference PlanningService planning;
    @Reference MasterDataService masterData;
    @Reference OrgService orgs;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Argument(index = 1, required = false, description = "Material code (default all) / 物料编码")
    String code;

    @Option(name = "-r", aliases = "--run", description = "Kit the planned orders of this run")
    Long runId;

    @Option(name = "-d", aliases = "--date", description = "As of YYYY-MM-DD (default today)")
    String date;

    @Option(name = "--requisitions", description = "Turn the shortages into requisitions / 生成请购")
    boolean requisitions;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        OrgUnit p = orgs.getPlantByCode(caller, plant);
        Long material = code == null ? null : BomCommands.byCode(masterData, caller, code).id();
        String source = runId == null ? "SALES_ORDER" : "PLANNED_ORDER";
        LocalDate day = date == null ? null : LocalDate.parse(date);
        KitReport report = planning.kitting(caller, p.id(), source, runId, material, day);
        ShellTable table = new ShellTable();
        table.column("Order");
        table.column("Need");
        table.column("Quantity").alignRight();
        table.column("Buildable now").alignRight();
        table.column("Complete on");
        table.column("Short (material: quantity)");
        for (KitResult r : report.orders()) {
          StringBuilder shorts = new StringBuilder();
          for (KitComponentResult c : r.components()) {
            if (c.stillShort() > 0) {
              shorts
                  .append(masterData.getMaterial(caller, c.materialId()).code())
                  .append(": ")
                  .append(num(c.stillShort()))
                  .append(' ');
            }
          }
          table
              .addRow()
              .addContent(
                  r.reference(),
                  r.needDate(),
                  num(r.quantity()),
                  r.buildableNowWhole(),
                  r.completeDate() == null ? "never / 无法齐套" : r.completeDate(),
                  shorts.toString().trim());
        }
        table.print(System.out);
        if (requisitions) {
          List<Receipt> created =
              planning.createRequisitions(caller, p.id(), source, runId, material, day);
          for (Receipt r : created) {
            System.out.println(
                "Requisition "
                    + r.reference()
                    + ": "
                    + r.materialCode()
                    + " "
                    + num(r.quantity())
                    + " due "
                    + r.dueDate()
                    + " / 已生成请购");
          }
        } else if (!report.requisitions().isEmpty()) {
          System.out.println(
              report.requisitions().size()
                  + " material(s) short; --requisitions raises requisitions / 缺料，可生成请购");
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "plan-grid",
      description = "Time-phased record of a material in a plan run (MRP grid) / 物料需求时段表")
  @Service
  public static class Grid implements Action {
    @Reference PlanningService planning;
    @Reference MasterDataService masterData;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plan run id / 计划版本号")
    long runId;

    @Argument(index = 1, required = true, description = "Material code / 物料编码")
    String code;

    @Option(
        name = "-b",
        aliases = "--bucket",
        description = "Days per bucket (default: the run's plan type) / 时段天数")
    int bucketDays;

    @Option(name = "-n", aliases = "--buckets", description = "Buckets shown (default 8) / 显示时段数")
    int shown = 8;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        Material m = BomCommands.byCode(masterData, caller, code);
        PlanGrid g = planning.grid(caller, runId, null, m.id(), bucketDays);
        int n = Math.min(shown, g.bucketStarts().size());
        ShellTable table = new ShellTable();
        table.column("");
        for (int b = 0; b < n; b++) {
          table.column(g.bucketStarts().get(b).toString().substring(5)).alignRight();
        }
        row(table, "Gross requirements / 毛需求", g.grossRequirements(), n);
        row(table, "Scheduled receipts / 在途", g.scheduledReceipts(), n);
        row(table, "Co-product receipts / 联副产品", g.coProductReceipts(), n);
        row(table, "Planned receipts / 计划入库", g.plannedReceipts(), n);
        row(table, "Planned releases / 计划下达", g.plannedReleases(), n);
        row(table, "Projected available / 预计可用", g.projectedAvailable(), n);
        System.out.println(
            g.materialCode()
                + ": on hand "
                + num(g.onHand())
                + ", safety stock "
                + num(g.safetyStock())
                + " / 现有库存、安全库存");
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }

    private static void row(ShellTable table, String label, double[] values, int n) {
      Object[] cells = new Object[n + 1];
      cells[0] = label;
      for (int b = 0; b < n; b++) {
        cells[b + 1] = num(values[b]);
      }
      table.addRow().addContent(cells);
    }
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
