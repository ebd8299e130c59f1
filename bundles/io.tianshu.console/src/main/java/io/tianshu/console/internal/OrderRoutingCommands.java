package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.TianshuException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.OperationInput;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.org.AccessService;
import java.math.BigDecimal;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** mom:wo-op-edit: the order routing (工单工艺路线) by console. */
public final class OrderRoutingCommands {
  private OrderRoutingCommands() {}

  /** Completes the edits of mom:wo-op-edit. */
  @Service
  public static class EditCompleter extends StringsCompleter {
    public EditCompleter() {
      super(new String[] {"change", "insert", "remove"});
    }
  }

  @Command(
      scope = "mom",
      name = "wo-op-edit",
      description =
          "Change, insert or remove an operation of a work order's routing / 修改、插入或删除工单工序")
  @Service
  public static class Edit implements Action {
    @Reference ExecutionService execution;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Work order id / 工单 ID")
    long id;

    @Argument(index = 1, required = true, description = "change | insert | remove / 操作")
    @Completion(EditCompleter.class)
    String edit;

    @Argument(index = 2, required = true, description = "Operation seq / 工序号")
    int seq;

    @Option(name = "-d", aliases = "--description", description = "Description / 描述")
    String description;

    @Option(name = "-w", aliases = "--work-center", description = "Work centre id / 工作中心 ID")
    Long workCenterId;

    @Option(name = "-s", aliases = "--setup", description = "Setup minutes / 准备时间（分）")
    BigDecimal setup;

    @Option(name = "-r", aliases = "--run", description = "Run minutes / 加工时间（分）")
    BigDecimal run;

    @Option(name = "-o", aliases = "--outsourced", description = "Outsourced true|false / 是否外协")
    Boolean outsourced;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long version = execution.get(caller, id).version();
        OperationInput in =
            new OperationInput(seq, description, workCenterId, setup, run, outsourced, version);
        WorkOrder w =
            switch (edit.toLowerCase(Locale.ROOT)) {
              case "change" -> execution.changeOperation(caller, id, seq, in);
              case "insert" -> execution.insertOperation(caller, id, in);
              case "remove" -> execution.removeOperation(caller, id, seq, version);
              default ->
                  throw new IllegalArgumentException(
                      "Unknown edit / 操作无效: " + edit + " (change, insert, remove)");
            };
        StringBuilder ops = new StringBuilder();
        for (WorkOrderOperation op : w.operations()) {
          ops.append(' ').append(op.seq()).append(':').append(op.status());
        }
        System.out.println(w.code() + " (order " + w.id() + ") operations" + ops);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }
}
