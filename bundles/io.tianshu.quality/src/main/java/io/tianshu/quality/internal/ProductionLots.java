package io.tianshu.quality.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.execution.FirstReport;
import io.tianshu.execution.OperationReported;
import io.tianshu.execution.ProductInspection;
import io.tianshu.execution.ProductReceipt;
import io.tianshu.persistence.JtaTransactions;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.InspectionPlan;
import java.util.Optional;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Opens the inspection lots of finished product as work orders receive it: final inspection (FQC)
 * for in-house orders, incoming inspection (IQC, under the supplier's switching state) for orders
 * made whole by a supplier. Each order lot has one open lot that grows with every receipt until its
 * results are recorded; a receipt after that opens the next lot. Deliberately independent of the
 * quality service so that execution, which calls it, and quality do not reference each other.
 */
@Component(service = ProductInspection.class)
public class ProductionLots implements ProductInspection {
  private final JtaTransactions tx;

  @Activate
  public ProductionLots(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
  }

  @Override
  public boolean productReceived(CallerContext caller, ProductReceipt r) {
    if (r.locationId() == null) {
      return false;
    }
    String supplier = r.supplier() == null ? "" : r.supplier().trim();
    String source = supplier.isEmpty() ? "FQC" : "IQC";
    String lot = r.lot() == null ? "" : r.lot();
    // joins the report's transaction: the lot and the quarantined stock commit together
    return tx.write(
        c -> {
          Optional<InspectionPlan> plan =
              QualityStore.planOpeningLotsOn(c, r.plantId(), r.materialId(), supplier, source);
          if (plan.isEmpty()) {
            return false;
          }
          Optional<InspectionLot> open =
              QualityStore.openLotOf(
                  c, r.plantId(), r.materialId(), source, lot, r.workOrderCode());
          if (open.isPresent() && open.get().locationId() == r.locationId()) {
            Lots.enlarge(c, caller, open.get(), r.quantity());
          } else {
            Lots.open(
                c,
                caller,
                plan.get(),
                new Lots.Request(
                    r.plantId(),
                    r.materialId(),
                    supplier,
                    lot,
                    r.quantity(),
                    r.locationId(),
                    source,
                    r.workOrderCode(),
                    true));
          }
          return true;
        });
  }

  /**
   * Samples an operation's output under its own in-process plan: one open IPQC lot per order and
   * operation that grows with each report until its results come in, holding no stock.
   */
  @Override
  public void operationReported(CallerContext caller, OperationReported r) {
    if (r.locationId() == null) {
      return;
    }
    String reference = r.workOrderCode() + "/" + r.operationSeq();
    String lot = r.lot() == null ? "" : r.lot();
    tx.write(
        c -> {
          Optional<InspectionPlan> plan =
              QualityStore.planHeader(c, r.plantId(), r.materialId(), "", r.operationSeq())
                  .filter(p -> p.autoLots().contains("IPQC"));
          if (plan.isEmpty()) {
            return null;
          }
          Optional<InspectionLot> open =
              QualityStore.openLotOf(c, r.plantId(), r.materialId(), "IPQC", lot, reference);
          if (open.isPresent()) {
            Lots.enlarge(c, caller, open.get(), r.good());
          } else {
            Lots.open(
                c,
                caller,
                plan.get(),
                new Lots.Request(
                    r.plantId(),
                    r.materialId(),
                    "",
                    lot,
                    r.good(),
                    r.locationId(),
                    "IPQC",
                    reference,
                    false));
          }
          return null;
        });
  }

  /**
   * Opens the in-process (first-article) lot of an order whose plan asks for IPQC: sampled for the
   * order's quantity, holding no stock (the pieces are in process; the decision releases or stops
   * the order's production, not stock).
   */
  @Override
  public void firstReport(CallerContext caller, FirstReport r) {
    if (r.locationId() == null) {
      return;
    }
    tx.write(
        c -> {
          Optional<InspectionPlan> plan =
              QualityStore.planOpeningLotsOn(c, r.plantId(), r.materialId(), "", "IPQC");
          if (plan.isPresent()) {
            Lots.open(
                c,
                caller,
                plan.get(),
                new Lots.Request(
                    r.plantId(),
                    r.materialId(),
                    "",
                    r.lot() == null ? "" : r.lot(),
                    r.orderQuantity(),
                    r.locationId(),
                    "IPQC",
                    r.workOrderCode(),
                    false));
          }
          return null;
        });
  }
}
