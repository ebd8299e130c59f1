package io.tianshu.connector.internal.console;

import io.tianshu.connector.MachineConnectorService;
import io.tianshu.connector.MeasurementChart;
import io.tianshu.connector.MeasurementQuery;
import io.tianshu.org.AccessService;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:machine-spc: a control chart of a machine's measured signal, with the violated run rules. */
@Command(
    scope = "mom",
    name = "machine-spc",
    description = "Control chart of a machine's measured values / 设备测量值控制图")
@Service
public class MachineSpc implements Action {
  @Reference MachineConnectorService machines;
  @Reference AccessService access;

  @Argument(index = 0, name = "machine", required = true, description = "Machine name")
  @Completion(MachineCompleter.class)
  String machine;

  @Argument(index = 1, name = "signal", required = true, description = "Measured signal name")
  String signal;

  @Option(name = "-n", aliases = "--last", description = "Newest so many values (default 100)")
  Integer last;

  @Option(name = "-g", aliases = "--subgroup", description = "Subgroup size (1 = I-MR)")
  Integer subgroup;

  @Option(name = "-r", aliases = "--rules", description = "WESTERN_ELECTRIC or NELSON")
  String rules;

  @Option(name = "--lsl", description = "Lower specification limit")
  Double lsl;

  @Option(name = "--usl", description = "Upper specification limit")
  Double usl;

  @Override
  public Object execute() throws Exception {
    MeasurementChart c =
        machines.measurementChart(
            MachineList.current(access),
            machine,
            signal,
            new MeasurementQuery(last, subgroup, rules, lsl, usl));
    System.out.printf(
        Locale.ROOT,
        "%s %s: %s n=%d, %d values, CL %.4f, LCL %.4f, UCL %.4f, spread CL %.4f UCL %.4f,"
            + " sigma %.4f, %s: %d out of control%n",
        c.machine(),
        c.signal(),
        c.chartType(),
        c.subgroupSize(),
        c.values(),
        c.centerLine(),
        c.lcl(),
        c.ucl(),
        c.spreadCenter(),
        c.spreadUcl(),
        c.sigmaWithin(),
        c.ruleSet(),
        c.outOfControl());
    if (c.capability() != null) {
      MeasurementChart.Capability k = c.capability();
      System.out.printf(
          Locale.ROOT,
          "Cp %s, Cpk %.3f, Pp %s, Ppk %.3f%n",
          k.cp() == null ? "-" : String.format(Locale.ROOT, "%.3f", k.cp()),
          k.cpk(),
          k.pp() == null ? "-" : String.format(Locale.ROOT, "%.3f", k.pp()),
          k.ppk());
    }
    ShellTable table = new ShellTable();
    table.column("At");
    table.column("Value");
    table.column("Spread");
    table.column("Rules");
    for (MeasurementChart.Point p : c.points()) {
      table
          .addRow()
          .addContent(
              p.at(),
              String.format(Locale.ROOT, "%.4f", p.value()),
              p.spread() == null ? "" : String.format(Locale.ROOT, "%.4f", p.spread()),
              String.join(",", p.rules()));
    }
    table.print(System.out);
    return null;
  }
}
