package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.TianshuException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.OperationMergeInput;
import io.tianshu.execution.OperationSplitInput;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.execution.WorkOrderOperationPart;
import io.tianshu.org.AccessService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** mom:wo-op-split: split an operation into parts, merge them back, list them (工序分割/合并). */
public final class OperationSplitCommands {
  private OperationSplitCommands() {}

  /** Completes the actions of mom:wo-op-split. */
  @Service
  public static class SplitActionCompleter extends StringsCompleter {
    public SplitActionCompleter() {
      super(new String[] {"split", "merge", "list"});
    }
  }

  @Command(
      scope = "mom",
      name = "wo-op-split",
      description =
          "Split an operation into parts (qty[@station[@operator]] ...), merge parts back or list"
              + " them / 工序分割、合并或查看")
  @Service
  public static class Split implements Action {
    @Reference ExecutionService execution;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Work order id / 工单 ID")
    long id;

    @Argument(index = 1, required = true, description = "split | merge | list / 操作")
    @Completion(SplitActionCompleter.class)
    String action;

    @Argument(index = 2, required = true, description = "Operation seq / 工序号")
    int seq;

    @Argument(
        index = 3,
        multiValued = true,
        description =
            "split: parts as qty[@station[@operator]]; merge: part numbers (none: all) /"
                + " 分割：数量[@工位[@操作工]]；合并：分割号（省略为全部）")
    List<String> values;

    @Option(name = "-f", aliases = "--from", description = "Split from this part / 从该分割再分")
    Integer fromPart;

    @Option(name = "-i", aliases = "--into", description = "Merge into this part / 合并到该分割")
    Integer intoPart;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        List<String> args = values == null ? List.of() : values;
        WorkOrder w =
            switch (action.toLowerCase(Locale.ROOT)) {
              case "split" -> {
                List<OperationSplitInput.Part> parts = new ArrayList<>();
                for (String a : args) {
                  String[] p = a.split("@", -1);
                  parts.add(
                      new OperationSplitInput.Part(
                          new BigDecimal(p[0]),
                          p.length > 1 && !p[1].isEmpty() ? p[1] : null,
                          p.length > 2 && !p[2].isEmpty() ? p[2] : null,
                          null));
                }
                yield execution.splitOperation(
                    caller, id, seq, new OperationSplitInput(null, fromPart, parts));
              }
              case "merge" -> {
                List<Integer> which = new ArrayList<>();
                for (String a : args) {
                  which.add(Integer.valueOf(a));
                }
                yield execution.mergeOperation(
                    caller, id, seq, new OperationMergeInput(null, which, intoPart));
              }
              case "list" -> execution.get(caller, id);
              default ->
                  throw new IllegalArgumentException(
                      "Unknown action / 操作无效: " + action + " (split, merge, list)");
            };
        for (WorkOrderOperation op : w.operations()) {
          if (op.seq() != seq) {
            continue;
          }
          System.out.println(
              w.code() + " operation " + seq + " " + op.status() + "  in " + plain(op.in()));
          if (op.parts().isEmpty()) {
            System.out.println("  not split / 未分割");
          }
          for (WorkOrderOperationPart p : op.parts()) {
            System.out.println(
                "  part "
                    + p.partNo()
                    + (p.partNo() == 0 ? " (rest / 未分割)" : "")
                    + "  in "
                    + plain(p.in())
                    + "  good "
                    + plain(p.good())
                    + "  scrap "
                    + plain(p.scrap())
                    + "  rework "
                    + plain(p.rework())
                    + "  in progress "
                    + plain(p.inProgress())
                    + (p.station() == null ? "" : "  @" + p.station())
                    + (p.operator() == null ? "" : " " + p.operator()));
          }
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Not a number / 非数字: " + e.getMessage());
      }
      return null;
    }

    private static String plain(BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
  }
}
