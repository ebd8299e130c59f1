package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.QualityService;
import java.math.BigDecimal;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
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

/** mom:inspection-lots: the inspection lots of a plant with their sampling plans. */
public final class InspectionCommands {
  private InspectionCommands() {}

  /** Completes the statuses of an inspection lot. */
  @Service
  public static class LotStatusCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
      return new StringsCompleter(new String[] {"CREATED", "RESULTS_RECORDED", "DECIDED"})
          .complete(session, commandLine, candidates);
    }
  }

  @Command(
      scope = "mom",
      name = "inspection-lots",
      description = "List the inspection lots of a plant / 列出工厂的检验批")
  @Service
  public static class ListLots implements Action {
    @Reference QualityService quality;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-p", aliases = "--plant", required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(name = "-s", aliases = "--status", description = "Status / 状态")
    @Completion(LotStatusCompleter.class)
    String status;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long plantId = org.getPlantByCode(caller, plant).id();
        var page =
            quality.listLots(caller, plantId, status, null, new PageRequest(0, 500, "id", true));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Source");
        table.column("Supplier");
        table.column("Material").alignRight();
        table.column("Lot");
        table.column("Quantity").alignRight();
        table.column("Severity");
        table.column("Plan");
        table.column("Status");
        table.column("Defects").alignRight();
        table.column("Judgement");
        table.column("Decision");
        for (InspectionLot l : page.items()) {
          table
              .addRow()
              .addContent(
                  l.id(),
                  l.source(),
                  l.supplier(),
                  l.materialId(),
                  l.lot(),
                  plain(l.quantity()),
                  l.severity(),
                  (l.codeLetter() == null ? "" : l.codeLetter() + " ")
                      + "n="
                      + l.sampleSize()
                      + " Ac="
                      + l.acceptance()
                      + " Re="
                      + l.rejection(),
                  l.status(),
                  l.defects(),
                  l.judgement() == null ? "" : l.judgement(),
                  l.decision() == null ? "" : l.decision());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  private static String plain(BigDecimal d) {
    return d == null ? "" : d.stripTrailingZeros().toPlainString();
  }
}
