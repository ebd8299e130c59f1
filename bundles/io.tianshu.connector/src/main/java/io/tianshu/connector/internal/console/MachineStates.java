package io.tianshu.connector.internal.console;

import io.tianshu.connector.MachineConnectorService;
import io.tianshu.connector.MachineState;
import io.tianshu.connector.MachineStateHistory;
import io.tianshu.org.AccessService;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:machine-states: a machine's state history over a period, with the time per state. */
@Command(
    scope = "mom",
    name = "machine-states",
    description = "Machine state history and time per state (OEE availability) / 设备状态履历")
@Service
public class MachineStates implements Action {
  @Reference MachineConnectorService machines;
  @Reference AccessService access;

  @Argument(index = 0, name = "machine", required = true, description = "Machine name")
  @Completion(MachineCompleter.class)
  String machine;

  @Option(name = "--from", description = "Start, ISO instant (default: 24 hours before --to)")
  String from;

  @Option(name = "--to", description = "End, ISO instant (default: now)")
  String to;

  @Override
  public Object execute() throws Exception {
    Instant f;
    Instant t;
    try {
      f = from == null ? null : Instant.parse(from);
      t = to == null ? null : Instant.parse(to);
    } catch (DateTimeParseException e) {
      System.out.println("--from/--to must be ISO instants, e.g. 2026-11-22T08:00:00Z / 时间格式无效");
      return null;
    }
    MachineStateHistory h = machines.stateHistory(MachineList.current(access), machine, f, t);
    ShellTable table = new ShellTable();
    table.column("State");
    table.column("Reason");
    table.column("From");
    table.column("To");
    table.column("Seconds");
    for (MachineStateHistory.Span s : h.spans()) {
      table
          .addRow()
          .addContent(
              s.state(), s.reason() == null ? "" : s.reason(), s.from(), s.to(), s.seconds());
    }
    table.print(System.out);
    StringBuilder sb = new StringBuilder();
    for (MachineState s : MachineState.values()) {
      sb.append(String.format(Locale.ROOT, "%s %.1f s  ", s, h.seconds().get(s)));
    }
    System.out.println(sb.toString().trim());
    System.out.println(
        h.runningShare() == null
            ? "nothing recorded in the period / 该时段无记录"
            : String.format(
                Locale.ROOT,
                "running %.1f %% of %.1f s recorded / 运行占比",
                100 * h.runningShare(),
                h.recordedSeconds()));
    return null;
  }
}
