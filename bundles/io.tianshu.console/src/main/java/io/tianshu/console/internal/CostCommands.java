package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.TianshuException;
import io.tianshu.execution.CostingService;
import io.tianshu.execution.WorkOrderCost;
import io.tianshu.execution.engine.CostAllocation;
import io.tianshu.execution.engine.CostMaterialVariance;
import io.tianshu.execution.engine.CostOverheadVariance;
import io.tianshu.execution.engine.CostVariances;
import java.math.BigDecimal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:wo-cost: the actual cost of a work order by element, with its variances. */
public final class CostCommands {
  private CostCommands() {}

  @Command(
      scope = "mom",
      name = "wo-cost",
      description = "Actual cost of a work order and its variances / 工单实际成本及差异")
  @Service
  public static class Cost implements Action {
    @Reference CostingService costing;
    @Reference io.tianshu.org.AccessService access;

    @Argument(index = 0, required = true, description = "Work order id / 工单 ID")
    long id;

    @Option(
        name = "-s",
        aliases = "--store",
        description = "Compute now and store it (planners) / 立即计算并保存")
    boolean store;

    @Option(
        name = "-f",
        aliases = "--fresh",
        description = "Compute now without storing, even if a cost is stored / 重新计算 (不保存)")
    boolean fresh;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        WorkOrderCost k;
        if (store) {
          k = costing.computeAndStore(caller, id);
        } else if (fresh) {
          k = costing.compute(caller, id);
        } else {
          k = costing.stored(caller, id).orElseGet(() -> costing.compute(caller, id));
        }
        print(k);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  static void print(WorkOrderCost k) {
    System.out.println(
        k.workOrderCode()
            + "  "
            + k.orderStatus()
            + "  good "
            + plain(k.mainQuantity())
            + "  prices of "
            + k.priceDate()
            + "  time "
            + k.timeSource()
            + (k.stored()
                ? "  stored " + k.computedAt() + " by " + k.computedBy()
                : "  not stored"));
    ShellTable elements = new ShellTable();
    elements.column("Element / 成本要素");
    elements.column("Actual / 实际").alignRight();
    elements.column("Standard / 标准").alignRight();
    elements.column("Variance / 差异").alignRight();
    row(elements, "Material / 材料", k.actual().material(), k.standard().material());
    row(elements, "Labour / 人工", k.actual().labour(), k.standard().labour());
    row(elements, "Machine / 机器", k.actual().machine(), k.standard().machine());
    row(elements, "Overhead / 制造费用", k.actual().overhead(), k.standard().overhead());
    if (k.actual().subcontract().signum() != 0 || k.standard().subcontract().signum() != 0) {
      // only orders with outsourcing show the fifth element, so the others print as before
      row(elements, "Subcontract / 委外加工费", k.actual().subcontract(), k.standard().subcontract());
    }
    row(elements, "Total / 合计", k.actualTotal(), k.standardTotal());
    elements.print(System.out);
    CostVariances v = k.variances();
    ShellTable variances = new ShellTable();
    variances.column("Variance / 差异");
    variances.column("Amount / 金额").alignRight();
    variances.addRow().addContent("Material price / 材料价格", plain(v.materialPrice()));
    variances.addRow().addContent("Material usage / 材料用量", plain(v.materialUsage()));
    variances.addRow().addContent("Labour rate / 人工工资率", plain(v.labourRate()));
    variances.addRow().addContent("Labour efficiency / 人工效率", plain(v.labourEfficiency()));
    variances.addRow().addContent("Machine spending / 机器费率", plain(v.machineSpending()));
    variances.addRow().addContent("Machine efficiency / 机器效率", plain(v.machineEfficiency()));
    variances.addRow().addContent("Overhead spending / 费用耗费", plain(v.overheadSpending()));
    variances.addRow().addContent("Overhead efficiency / 费用效率", plain(v.overheadEfficiency()));
    if (v.subcontract().signum() != 0) {
      variances.addRow().addContent("Subcontract / 委外加工费", plain(v.subcontract()));
    }
    variances.addRow().addContent("Total / 合计", plain(k.totalVariance()));
    variances.print(System.out);
    if (!v.materials().isEmpty()) {
      ShellTable materials = new ShellTable();
      materials.column("Material");
      materials.column("AQ").alignRight();
      materials.column("SQ").alignRight();
      materials.column("SP").alignRight();
      materials.column("Actual").alignRight();
      materials.column("Standard").alignRight();
      materials.column("Price var").alignRight();
      materials.column("Usage var").alignRight();
      for (CostMaterialVariance m : v.materials()) {
        materials
            .addRow()
            .addContent(
                m.materialId(),
                plain(m.actualQuantity()),
                plain(m.standardQuantity()),
                plain(m.standardPrice()),
                plain(m.actualCost()),
                plain(m.standardCost()),
                plain(m.priceVariance()),
                plain(m.usageVariance()));
      }
      materials.print(System.out);
    }
    for (CostOverheadVariance o : v.overheads()) {
      System.out.println(
          "Overhead "
              + o.ruleName()
              + " ("
              + o.base()
              + "): actual "
              + plain(o.actualCost())
              + ", standard "
              + plain(o.standardCost())
              + ", spending "
              + plain(o.spendingVariance())
              + ", efficiency "
              + plain(o.efficiencyVariance()));
    }
    for (CostAllocation a : k.allocations()) {
      System.out.println(
          (a.mainProduct() ? "Main product " : "Co-product ")
              + a.productId()
              + ": "
              + plain(a.allocatedCost())
              + " for "
              + plain(a.quantity())
              + ", unit cost "
              + plain(a.unitCost()));
    }
    if (k.byProductCredit().signum() != 0) {
      System.out.println("By-product credit / 副产品冲减: " + plain(k.byProductCredit()));
    }
    for (String n : k.notes()) {
      System.out.println("Note: " + n);
    }
  }

  private static void row(ShellTable t, String name, BigDecimal actual, BigDecimal standard) {
    t.addRow().addContent(name, plain(actual), plain(standard), plain(actual.subtract(standard)));
  }

  private static String plain(BigDecimal d) {
    return d == null ? "" : d.toPlainString();
  }
}
