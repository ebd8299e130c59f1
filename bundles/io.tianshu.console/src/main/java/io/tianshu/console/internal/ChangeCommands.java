package io.tianshu.console.internal;

import io.tianshu.change.ChangeService;
import io.tianshu.change.ChangeStatus;
import io.tianshu.change.EngineeringChange;
import io.tianshu.change.ImpactItem;
import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:eco-list and mom:eco-show: engineering changes at the console. */
public final class ChangeCommands {
  private ChangeCommands() {}

  @Command(scope = "mom", name = "eco-list", description = "List engineering changes / 工程变更列表")
  @Service
  public static class ListChanges implements Action {
    @Reference ChangeService changes;
    @Reference OrgService orgs;
    @Reference AccessService access;

    @Option(name = "-p", aliases = "--plant", description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(
        name = "-s",
        aliases = "--status",
        description = "DRAFT, EVALUATED, APPROVED, RELEASED, …")
    ChangeStatus status;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        Long plantId = plant == null ? null : orgs.getPlantByCode(caller, plant).id();
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Number");
        table.column("Title");
        table.column("Status");
        table.column("Breakpoint");
        table.column("Effective");
        for (EngineeringChange c :
            changes.list(caller, plantId, status, new PageRequest(0, 500, "id", true)).items()) {
          table
              .addRow()
              .addContent(
                  c.id(),
                  c.number(),
                  c.title(),
                  c.status(),
                  c.breakpoint() + (c.serialFrom() == null ? "" : " " + c.serialFrom()),
                  c.effectiveDate() == null ? "" : c.effectiveDate());
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
      name = "eco-show",
      description = "An engineering change with its impact / 工程变更及影响")
  @Service
  public static class Show implements Action {
    @Reference ChangeService changes;
    @Reference AccessService access;

    @Argument(required = true, description = "Change id / 变更单 ID")
    long id;

    @Override
    public Object execute() throws Exception {
      try {
        EngineeringChange c = changes.get(Callers.current(access), id);
        System.out.printf(
            "%s  %s  [%s, %s %s]%n",
            c.number(),
            c.title(),
            c.status(),
            c.breakpoint(),
            c.effectiveDate() == null ? c.serialFrom() : c.effectiveDate());
        System.out.printf(
            "BOMs %d, routings %d; released BOM versions %s, routing versions %s%n",
            c.boms().size(), c.routings().size(), c.releasedBomIds(), c.releasedRoutingIds());
        ShellTable table = new ShellTable();
        table.column("Impact");
        table.column("Material").alignRight();
        table.column("Reference");
        table.column("Quantity").alignRight();
        table.column("Note");
        for (ImpactItem i : c.impact()) {
          table
              .addRow()
              .addContent(
                  i.kind(),
                  i.materialId(),
                  i.reference(),
                  i.quantity() == null ? "" : i.quantity().toPlainString() + " " + i.unit(),
                  i.note() == null ? "" : i.note());
        }
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }
}
