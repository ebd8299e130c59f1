package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.TianshuException;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import io.tianshu.quality.DefectPareto;
import io.tianshu.quality.QualityStatistics;
import io.tianshu.quality.SpcCapability;
import io.tianshu.quality.SpcChart;
import io.tianshu.quality.SpcChartQuery;
import io.tianshu.quality.SpcPoint;
import io.tianshu.quality.SpcService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:spc-chart and mom:quality-stats: SPC charts of inspection results and lot statistics. */
public final class SpcCommands {
  private SpcCommands() {}

  @Command(
      scope = "mom",
      name = "spc-chart",
      description = "Control chart of a characteristic's inspection results / 检验特性控制图")
  @Service
  public static class Chart implements Action {
    @Reference SpcService spc;
    @Reference OrgService org;
    @Reference MasterDataService masterData;
    @Reference AccessService access;

    @Option(name = "-s", aliases = "--supplier", description = "Only this supplier / 供应商")
    String supplier;

    @Option(
        name = "-t",
        aliases = "--type",
        description = "AUTO, XBAR_R, XBAR_S, I_MR, P, NP, C, U / 图类型")
    String type;

    @Option(name = "-r", aliases = "--rules", description = "WESTERN_ELECTRIC or NELSON / 判异规则")
    String rules;

    @Option(name = "-n", aliases = "--last", description = "Newest lots, default 100 / 最近批数")
    Integer last;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Argument(index = 1, required = true, description = "Material code / 物料编码")
    String material;

    @Argument(index = 2, required = true, description = "Characteristic code / 检验特性代码")
    String characteristic;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long plantId = org.getPlantByCode(caller, plant).id();
        long materialId = BomCommands.byCode(masterData, caller, material).id();
        SpcChart c =
            spc.chart(
                caller,
                new SpcChartQuery(
                    plantId, materialId, characteristic, supplier, null, null, last, type, rules));
        System.out.println(
            c.chartType()
                + " "
                + c.ruleSet()
                + (c.frozen() ? " frozen limits / 固定控制限" : "")
                + (c.subgroupSize() == null ? "" : " n=" + c.subgroupSize())
                + " CL="
                + num(c.centerLine())
                + (c.dispersionCenter() == null
                    ? ""
                    : " " + c.dispersionType() + " CL=" + num(c.dispersionCenter())));
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("Lot");
        table.column("Supplier");
        table.column("Value").alignRight();
        table.column("LCL").alignRight();
        table.column("CL").alignRight();
        table.column("UCL").alignRight();
        table.column("Flags");
        for (SpcPoint p : c.points()) {
          table
              .addRow()
              .addContent(
                  p.index() + 1,
                  p.lot(),
                  p.supplier(),
                  num(p.value()),
                  num(p.lcl()),
                  num(p.centerLine()),
                  num(p.ucl()),
                  String.join(",", p.violations()));
        }
        table.print(System.out);
        long flaggedDispersion =
            c.dispersion().stream().filter(p -> !p.violations().isEmpty()).count();
        if (c.dispersionType() != null) {
          System.out.println(c.dispersionType() + " points beyond limits: " + flaggedDispersion);
        }
        SpcCapability k = c.capability();
        if (k != null) {
          System.out.println(
              "Cp="
                  + num(k.cp())
                  + " Cpk="
                  + num(k.cpk())
                  + " Pp="
                  + num(k.pp())
                  + " Ppk="
                  + num(k.ppk()));
        }
        if (!c.skipped().isEmpty()) {
          System.out.println(c.skipped().size() + " lots skipped / 跳过的批");
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "quality-stats",
      description = "Inspection lot pass rates and defect Pareto / 检验合格率与缺陷排列图")
  @Service
  public static class Stats implements Action {
    @Reference SpcService spc;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(
        name = "-g",
        aliases = "--group-by",
        description = "SUPPLIER, MATERIAL, SOURCE, OPERATION or MONTH / 分组")
    String groupBy;

    @Option(name = "-f", aliases = "--from", description = "First day YYYY-MM-DD / 开始日")
    String from;

    @Option(name = "-u", aliases = "--to", description = "Last day YYYY-MM-DD / 结束日")
    String to;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long plantId = org.getPlantByCode(caller, plant).id();
        LocalDate f = from == null ? null : LocalDate.parse(from);
        LocalDate t = to == null ? null : LocalDate.parse(to);
        QualityStatistics s = spc.statistics(caller, plantId, f, t, groupBy, null, null);
        ShellTable table = new ShellTable();
        table.column(
            s.groupBy().substring(0, 1) + s.groupBy().substring(1).toLowerCase(Locale.ROOT));
        table.column("Inspected").alignRight();
        table.column("Accepted").alignRight();
        table.column("Rejected").alignRight();
        table.column("Pass rate").alignRight();
        table.column("FPY").alignRight();
        for (QualityStatistics.Row r : s.rows()) {
          row(table, r.label(), r);
        }
        row(table, "TOTAL", s.total());
        table.print(System.out);
        DefectPareto p = spc.pareto(caller, plantId, f, t, null, null, null);
        ShellTable pareto = new ShellTable();
        pareto.column("Characteristic");
        pareto.column("Defects").alignRight();
        pareto.column("Share").alignRight();
        pareto.column("Cumulative").alignRight();
        for (DefectPareto.Row r : p.rows()) {
          pareto
              .addRow()
              .addContent(r.key(), r.defects(), percent(r.share()), percent(r.cumulativeShare()));
        }
        System.out.println("Defects / 缺陷: " + p.total());
        pareto.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      } catch (java.time.format.DateTimeParseException e) {
        throw new org.apache.karaf.shell.support.CommandException(
            "Error / 错误: dates are YYYY-MM-DD / 日期格式应为 YYYY-MM-DD");
      }
      return null;
    }

    private static void row(ShellTable table, String label, QualityStatistics.Row r) {
      table
          .addRow()
          .addContent(
              label,
              r.inspected(),
              r.accepted(),
              r.rejected(),
              percent(r.passRate()),
              percent(r.firstPassYield()));
    }
  }

  private static String num(Double d) {
    return d == null ? "" : String.format(Locale.ROOT, "%.4f", d);
  }

  private static String percent(BigDecimal d) {
    return d == null ? "" : d.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
