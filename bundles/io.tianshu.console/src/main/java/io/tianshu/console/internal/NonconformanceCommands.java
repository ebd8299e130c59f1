package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import io.tianshu.quality.Capa;
import io.tianshu.quality.CapaDiscipline;
import io.tianshu.quality.CapaService;
import io.tianshu.quality.NcCost;
import io.tianshu.quality.NcDefect;
import io.tianshu.quality.NcDisposition;
import io.tianshu.quality.Nonconformance;
import io.tianshu.quality.NonconformanceService;
import io.tianshu.quality.QcCircle;
import java.math.BigDecimal;
import java.util.List;
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

/** mom:nc-list, mom:nc-show, mom:capa-list, mom:capa-show, mom:qcc-list. */
public final class NonconformanceCommands {
  private NonconformanceCommands() {}

  /** Completes the statuses of a nonconformance. */
  @Service
  public static class NcStatusCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
      return new StringsCompleter(
              new String[] {"OPEN", "PROPOSED", "APPROVED", "EXECUTED", "CLOSED", "CANCELLED"})
          .complete(session, commandLine, candidates);
    }
  }

  @Command(
      scope = "mom",
      name = "nc-list",
      description = "List the nonconformances of a plant / 列出工厂的不合格品处理单")
  @Service
  public static class ListNc implements Action {
    @Reference NonconformanceService nc;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-s", aliases = "--status", description = "Status / 状态")
    @Completion(NcStatusCompleter.class)
    String status;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long plantId = org.getPlantByCode(caller, plant).id();
        var page = nc.list(caller, plantId, status, null, new PageRequest(0, 500, "id", true));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("No");
        table.column("Source");
        table.column("Material").alignRight();
        table.column("Lot");
        table.column("Quantity").alignRight();
        table.column("Responsibility");
        table.column("Status");
        table.column("Dispositions");
        table.column("Cost").alignRight();
        for (Nonconformance n : page.items()) {
          table
              .addRow()
              .addContent(
                  n.id(),
                  n.ncNo(),
                  n.source(),
                  n.materialId(),
                  n.lot(),
                  plain(n.quantity()),
                  n.responsibility()
                      + (n.supplier() == null ? "" : " " + n.supplier())
                      + (n.department() == null ? "" : " " + n.department()),
                  n.status(),
                  String.join(
                      " ",
                      n.dispositions().stream()
                          .map(d -> d.kind() + "=" + plain(d.quantity()))
                          .toList()),
                  plain(n.costTotal()));
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
      name = "nc-show",
      description = "Show a nonconformance with defects, dispositions and costs / 显示不合格品处理单")
  @Service
  public static class ShowNc implements Action {
    @Reference NonconformanceService nc;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Nonconformance id / 不合格品处理单 ID")
    long id;

    @Override
    public Object execute() throws Exception {
      try {
        Nonconformance n = nc.get(Callers.current(access), id);
        System.out.println(n.ncNo() + "  " + n.status() + "  (id " + n.id() + ")");
        System.out.println(
            "Material "
                + n.materialId()
                + "  lot "
                + n.lot()
                + "  location "
                + n.locationId()
                + "  "
                + plain(n.quantity())
                + " "
                + n.stockStatus());
        System.out.println(
            "Source "
                + n.source()
                + (n.sourceReference() == null ? "" : " " + n.sourceReference())
                + "  responsibility "
                + n.responsibility()
                + (n.supplier() == null ? "" : " " + n.supplier())
                + (n.department() == null ? "" : " " + n.department()));
        if (n.description() != null) {
          System.out.println(n.description());
        }
        if (n.proposedBy() != null) {
          System.out.println("Proposed by " + n.proposedBy() + " at " + n.proposedAt());
        }
        if (n.approvedBy() != null) {
          System.out.println("Approved (MRB) by " + n.approvedBy() + " at " + n.approvedAt());
        }
        if (n.executedBy() != null) {
          System.out.println("Executed by " + n.executedBy() + " at " + n.executedAt());
        }
        ShellTable defects = new ShellTable();
        defects.column("Defect");
        defects.column("Quantity").alignRight();
        defects.column("Description");
        for (NcDefect d : n.defects()) {
          defects
              .addRow()
              .addContent(
                  d.code(), plain(d.quantity()), d.description() == null ? "" : d.description());
        }
        defects.print(System.out);
        ShellTable lines = new ShellTable();
        lines.column("#").alignRight();
        lines.column("Disposition");
        lines.column("Quantity").alignRight();
        lines.column("Concession / supplier");
        lines.column("Work order").alignRight();
        lines.column("Document").alignRight();
        for (NcDisposition d : n.dispositions()) {
          lines
              .addRow()
              .addContent(
                  d.lineNo(),
                  d.kind(),
                  plain(d.quantity()),
                  d.concessionNo() != null
                      ? d.concessionNo()
                      : d.supplier() == null ? "" : d.supplier(),
                  d.workOrderId() == null ? "" : d.workOrderId(),
                  d.movementDocumentId() == null ? "" : d.movementDocumentId());
        }
        lines.print(System.out);
        ShellTable costs = new ShellTable();
        costs.column("Cost");
        costs.column("Amount").alignRight();
        costs.column("Note");
        for (NcCost k : n.costs()) {
          costs.addRow().addContent(k.type(), plain(k.amount()), k.note() == null ? "" : k.note());
        }
        costs.print(System.out);
        System.out.println("Cost total " + plain(n.costTotal()));
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "capa-list",
      description = "List the 8D reports of a plant / 列出工厂的 8D 报告")
  @Service
  public static class ListCapa implements Action {
    @Reference CapaService capa;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-s", aliases = "--status", description = "OPEN or CLOSED / 状态")
    String status;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long plantId = org.getPlantByCode(caller, plant).id();
        var page = capa.list(caller, plantId, status, new PageRequest(0, 500, "id", true));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("No");
        table.column("Title");
        table.column("NC").alignRight();
        table.column("Status");
        table.column("Done");
        table.column("Effectiveness");
        for (Capa k : page.items()) {
          table
              .addRow()
              .addContent(
                  k.id(),
                  k.capaNo(),
                  k.title(),
                  k.ncId() == null ? "" : k.ncId(),
                  k.status(),
                  done(k),
                  k.effectiveness() == null ? "" : k.effectiveness());
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
      name = "capa-show",
      description = "Show an 8D report with its disciplines and five whys / 显示 8D 报告")
  @Service
  public static class ShowCapa implements Action {
    @Reference CapaService capa;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "8D id / 8D 报告 ID")
    long id;

    @Override
    public Object execute() throws Exception {
      try {
        Capa k = capa.get(Callers.current(access), id);
        System.out.println(k.capaNo() + "  " + k.status() + "  " + k.title());
        ShellTable table = new ShellTable();
        table.column("D");
        table.column("Discipline");
        table.column("Owner");
        table.column("Due");
        table.column("Status");
        table.column("Evidence");
        for (CapaDiscipline d : k.disciplines()) {
          table
              .addRow()
              .addContent(
                  d.discipline(),
                  d.titleZh(),
                  d.owner() == null ? "" : d.owner(),
                  d.dueDate() == null ? "" : d.dueDate(),
                  d.status(),
                  d.evidence() == null ? "" : d.evidence());
        }
        table.print(System.out);
        for (int i = 0; i < k.whys().size(); i++) {
          System.out.println("Why " + (i + 1) + ": " + k.whys().get(i));
        }
        if (k.rootCause() != null) {
          System.out.println("Root cause / 根本原因: " + k.rootCause());
        }
        if (k.effectiveness() != null) {
          System.out.println(
              "Effectiveness / 有效性: " + k.effectiveness() + " (" + k.effectivenessBy() + ")");
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "qcc-list",
      description = "List the QC circle projects of a plant / 列出工厂的 QC 小组课题")
  @Service
  public static class ListCircles implements Action {
    @Reference CapaService capa;
    @Reference OrgService org;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long plantId = org.getPlantByCode(caller, plant).id();
        var page = capa.listCircles(caller, plantId, null, new PageRequest(0, 500, "id", true));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Circle");
        table.column("Theme");
        table.column("Leader");
        table.column("Members").alignRight();
        table.column("Stage");
        table.column("Target");
        for (QcCircle q : page.items()) {
          table
              .addRow()
              .addContent(
                  q.id(),
                  q.name(),
                  q.theme(),
                  q.leader(),
                  q.members().size(),
                  q.stage(),
                  q.targetDate() == null ? "" : q.targetDate());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  private static String done(Capa k) {
    long n = k.disciplines().stream().filter(d -> "DONE".equals(d.status())).count();
    return n + "/8";
  }

  private static String plain(BigDecimal d) {
    return d == null ? "" : d.stripTrailingZeros().toPlainString();
  }
}
