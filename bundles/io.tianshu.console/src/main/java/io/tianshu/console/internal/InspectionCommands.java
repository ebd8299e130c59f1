package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import io.tianshu.quality.GoodsReceipt;
import io.tianshu.quality.GoodsReceiptInput;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.QualityService;
import io.tianshu.quality.ResumeInput;
import io.tianshu.quality.SamplingStateView;
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

/**
 * mom:inspection-lots, the inspection lots of a plant with their sampling plans; mom:goods-receipt;
 * mom:sampling-resume.
 */
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

  @Command(
      scope = "mom",
      name = "goods-receipt",
      description =
          "Receive goods from a supplier or a customer return; inspected material goes into"
              + " QUARANTINE with an inspection lot / 收货（来料或客户退货），需检验的物料入待检并生成检验批")
  @Service
  public static class Receive implements Action {
    @Reference QualityService quality;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-p", aliases = "--plant", required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(name = "-m", aliases = "--material", required = true, description = "Material id / 物料")
    long material;

    @Option(name = "-s", aliases = "--supplier", description = "Supplier code / 供应商")
    String supplier;

    @Option(name = "-r", aliases = "--return", description = "A customer return / 客户退货")
    boolean customerReturn;

    @Option(name = "-q", aliases = "--quantity", required = true, description = "Quantity / 数量")
    BigDecimal quantity;

    @Option(name = "-l", aliases = "--location", required = true, description = "Location id / 库位")
    long location;

    @Option(name = "--lot", description = "Stock lot / 批次")
    String lot;

    @Option(name = "--ref", description = "Delivery note or return number / 送货单或退货单号")
    String reference;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long plantId = org.getPlantByCode(caller, plant).id();
        GoodsReceipt r =
            quality.receive(
                caller,
                new GoodsReceiptInput(
                    plantId,
                    material,
                    customerReturn ? "CUSTOMER_RETURN" : "PURCHASE",
                    supplier,
                    lot,
                    quantity,
                    location,
                    reference));
        System.out.println("document " + r.documentId() + " -> " + r.status());
        if (r.inspectionLot() != null) {
          InspectionLot l = r.inspectionLot();
          System.out.println(
              "inspection lot "
                  + l.id()
                  + " "
                  + l.source()
                  + " "
                  + l.severity()
                  + " n="
                  + l.sampleSize()
                  + " Ac="
                  + l.acceptance()
                  + " Re="
                  + l.rejection());
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "sampling-resume",
      description =
          "Resume inspection discontinued by the switching rules (ISO 2859-1 9.4) / 恢复暂停的检验")
  @Service
  public static class Resume implements Action {
    @Reference QualityService quality;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-p", aliases = "--plant", required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(name = "-s", aliases = "--supplier", required = true, description = "Supplier / 供应商")
    String supplier;

    @Option(name = "-m", aliases = "--material", required = true, description = "Material id / 物料")
    long material;

    @Option(
        name = "--reason",
        required = true,
        description = "The corrective action accepted / 已确认的纠正措施")
    String reason;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        long plantId = org.getPlantByCode(caller, plant).id();
        SamplingStateView v =
            quality.resumeInspection(caller, new ResumeInput(plantId, supplier, material, reason));
        System.out.println(
            supplier
                + " / "
                + material
                + ": "
                + v.severity()
                + ", discontinued "
                + v.discontinued());
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
