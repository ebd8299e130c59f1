package io.tianshu.console.internal;

import io.tianshu.bom.SubstitutePart;
import io.tianshu.bom.SubstitutionOption;
import io.tianshu.bom.SubstitutionService;
import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import io.tianshu.resource.PlantResource;
import io.tianshu.resource.ResourceService;
import io.tianshu.resource.ResourceType;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:resource-list and mom:substitutes. */
public final class ResourceCommands {
  private ResourceCommands() {}

  @Command(
      scope = "mom",
      name = "resource-list",
      description = "Machines, tools, fixtures, moulds and gauges of a plant / 资源列表")
  @Service
  public static class ListResources implements Action {
    @Reference ResourceService resources;
    @Reference OrgService orgs;
    @Reference AccessService access;

    @Argument(required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(name = "-t", aliases = "--type", description = "MACHINE, TOOL, FIXTURE, MOULD, GAUGE")
    ResourceType type;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long plantId = orgs.getPlantByCode(caller, plant).id();
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Type");
        table.column("Status");
        table.column("Work centre");
        table.column("Units").alignRight();
        for (PlantResource r :
            resources
                .listResources(caller, plantId, type, null, new PageRequest(0, 500, "code", true))
                .items()) {
          table
              .addRow()
              .addContent(
                  r.code(),
                  r.name(),
                  r.type(),
                  r.status(),
                  r.workCenterId() == null ? "" : orgs.get(caller, r.workCenterId()).code(),
                  r.units());
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
      name = "substitutes",
      description = "The substitutes of a component, in the order they apply / 替代料")
  @Service
  public static class Substitutes implements Action {
    @Reference SubstitutionService substitutions;
    @Reference MasterDataService masterData;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Component material code / 子件编码")
    String code;

    @Option(name = "-q", aliases = "--quantity", description = "Required quantity (default 1)")
    double quantity = 1;

    @Option(name = "-p", aliases = "--parent", description = "Parent material code (BOM context)")
    String parent;

    @Option(name = "-d", aliases = "--date", description = "Date YYYY-MM-DD (default today)")
    String date;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        Material m = BomCommands.byCode(masterData, caller, code);
        ShellTable table = new ShellTable();
        table.column("Rank").alignRight();
        table.column("Parts");
        table.column("Reason");
        for (SubstitutionOption o :
            substitutions.options(
                caller,
                m.id(),
                parent == null ? null : BomCommands.byCode(masterData, caller, parent).id(),
                quantity,
                date == null ? LocalDate.now() : LocalDate.parse(date),
                null,
                null,
                null)) {
          table
              .addRow()
              .addContent(
                  o.rank(),
                  o.parts().stream()
                      .map(
                          p ->
                              masterData.getMaterial(caller, p.materialId()).code()
                                  + " × "
                                  + quantity(p))
                      .collect(Collectors.joining(", ")),
                  o.reason());
        }
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }

    private static String quantity(SubstitutePart p) {
      return java.math.BigDecimal.valueOf(p.quantity()).stripTrailingZeros().toPlainString();
    }
  }
}
