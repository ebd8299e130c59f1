package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.TianshuException;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.resource.CalendarDayInfo;
import io.tianshu.resource.CalendarService;
import io.tianshu.resource.PlantCalendar;
import io.tianshu.routing.Routing;
import io.tianshu.routing.RoutingSchedule;
import io.tianshu.routing.RoutingService;
import io.tianshu.routing.ScheduledOperation;
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

/** mom:calendar-days, mom:routing-show: what planners check at the console. */
public final class RoutingCommands {
  private RoutingCommands() {}

  @Command(
      scope = "mom",
      name = "calendar-days",
      description = "Working days of a plant's default calendar / 工厂日历")
  @Service
  public static class CalendarDays implements Action {
    @Reference CalendarService calendars;
    @Reference OrgService orgs;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Argument(index = 1, required = true, description = "From YYYY-MM-DD / 开始日期")
    String from;

    @Argument(index = 2, required = true, description = "To YYYY-MM-DD / 结束日期")
    String to;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        OrgUnit p = orgs.getPlantByCode(caller, plant);
        PlantCalendar c = calendars.plantDefault(caller, p.id());
        ShellTable table = new ShellTable();
        table.column("Date");
        table.column("Day");
        table.column("Working");
        table.column("Minutes").alignRight();
        table.column("Efficiency %").alignRight();
        table.column("Capacity").alignRight();
        table.column("Note");
        int working = 0;
        for (CalendarDayInfo d :
            calendars.days(caller, c.id(), LocalDate.parse(from), LocalDate.parse(to))) {
          working += d.working() ? 1 : 0;
          table
              .addRow()
              .addContent(
                  d.date(),
                  d.date().getDayOfWeek().toString().substring(0, 3),
                  d.working() ? "yes" : "",
                  d.nominalMinutes(),
                  d.efficiencyPercent(),
                  Math.round(d.capacityMinutes()),
                  d.note() == null ? "" : d.note());
        }
        System.out.println("Calendar " + c.code() + " (" + c.name() + ")");
        table.print(System.out);
        System.out.println(working + " working days / 工作日");
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "routing-show",
      description = "A material's effective routing, scheduled for a quantity / 工艺路线")
  @Service
  public static class Show implements Action {
    @Reference RoutingService routings;
    @Reference MasterDataService masterData;
    @Reference OrgService orgs;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Argument(index = 1, required = true, description = "Material code / 物料编码")
    String code;

    @Option(name = "-q", aliases = "--quantity", description = "Quantity (default 1) / 数量")
    double quantity = 1;

    @Option(name = "-d", aliases = "--date", description = "Date YYYY-MM-DD (default today)")
    String date;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        OrgUnit p = orgs.getPlantByCode(caller, plant);
        Material m = BomCommands.byCode(masterData, caller, code);
        Routing r =
            routings.effective(
                caller, m.id(), p.id(), date == null ? LocalDate.now() : LocalDate.parse(date));
        RoutingSchedule s = routings.schedule(caller, r.id(), quantity);
        ShellTable table = new ShellTable();
        table.column("Op").alignRight();
        table.column("Work centre");
        table.column("Start").alignRight();
        table.column("Finish").alignRight();
        table.column("Slack").alignRight();
        table.column("Load").alignRight();
        for (ScheduledOperation o : s.operations()) {
          table
              .addRow()
              .addContent(
                  o.opNo(),
                  orgs.get(caller, o.workCenterId()).code(),
                  minutes(o.earliestStart()),
                  minutes(o.earliestFinish()),
                  minutes(o.slack()),
                  minutes(o.loadMinutes()));
        }
        System.out.println(
            "Routing " + r.revision() + " of " + m.code() + ", quantity " + quantity);
        table.print(System.out);
        System.out.println(
            "Lead time / 提前期: "
                + minutes(s.leadTimeMinutes())
                + " min; critical path / 关键路径: "
                + s.criticalPath());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }

    private static String minutes(double m) {
      return String.format(Locale.ROOT, "%.1f", m);
    }
  }
}
