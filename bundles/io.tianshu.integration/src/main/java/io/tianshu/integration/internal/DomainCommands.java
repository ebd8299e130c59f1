package io.tianshu.integration.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.FieldError;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.MaterialFlowService;
import io.tianshu.execution.MaterialIssueInput;
import io.tianshu.execution.OperationReportInput;
import io.tianshu.integration.InboundCommand;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.MovementDocument;
import io.tianshu.inventory.MovementInput;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import io.tianshu.inventory.StockStatus;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.masterdata.MaterialInput;
import io.tianshu.quality.GoodsReceiptInput;
import io.tianshu.quality.QualityService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The commands Tianshu accepts from outside out of the box, each a thin mapping of a JSON payload
 * (the REST API's request body) onto a domain service, which validates it as it does for the API.
 * docs/integration/inbound.md describes them.
 */
public final class DomainCommands {
  private DomainCommands() {}

  /** {@code material}: creates a material, or updates the one with the same code and owner. */
  @Component(service = InboundCommand.class)
  public static final class MaterialUpsert implements InboundCommand {
    private final MasterDataService masterData;

    @Activate
    public MaterialUpsert(@Reference MasterDataService masterData) {
      this.masterData = masterData;
    }

    @Override
    public String name() {
      return "material";
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      MaterialInput in = InboundJson.read(payload, MaterialInput.class);
      if (in.code() != null) {
        for (Material m :
            masterData
                .listMaterials(
                    caller,
                    new MaterialFilter(in.plantId(), in.code(), null, null),
                    new PageRequest(0, 100, "code", true))
                .items()) {
          if (m.code().equals(in.code()) && java.util.Objects.equals(m.plantId(), in.plantId())) {
            return masterData.updateMaterial(
                caller,
                m.id(),
                new MaterialInput(
                    in.code(),
                    in.name(),
                    in.nameEn(),
                    in.type(),
                    in.baseUnit(),
                    in.groupId(),
                    in.status(),
                    in.plantId(),
                    m.version()));
          }
        }
      }
      return masterData.createMaterial(caller, in);
    }
  }

  /** {@code operation-report}: an operation report, as {@code POST /operation-reports}. */
  @Component(service = InboundCommand.class)
  public static final class OperationReport implements InboundCommand {
    private final ExecutionService execution;

    @Activate
    public OperationReport(@Reference ExecutionService execution) {
      this.execution = execution;
    }

    @Override
    public String name() {
      return "operation-report";
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      return execution.report(caller, InboundJson.read(payload, OperationReportInput.class));
    }
  }

  /** {@code material-issue}: an issue or return of a work order's components. */
  @Component(service = InboundCommand.class)
  public static final class MaterialIssue implements InboundCommand {
    private final MaterialFlowService materialFlow;

    @Activate
    public MaterialIssue(@Reference MaterialFlowService materialFlow) {
      this.materialFlow = materialFlow;
    }

    /** The issue with the order it is for. */
    record Payload(Long workOrderId, MaterialIssueInput issue) {}

    @Override
    public String name() {
      return "material-issue";
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      Payload p = InboundJson.read(payload, Payload.class);
      if (p.workOrderId() == null) {
        throw new IllegalArgumentException("workOrderId: required / 缺少工单");
      }
      return materialFlow.issue(caller, p.workOrderId(), p.issue());
    }
  }

  /** {@code goods-receipt}: goods received from a supplier or a customer return. */
  @Component(service = InboundCommand.class)
  public static final class GoodsReceipt implements InboundCommand {
    private final QualityService quality;

    @Activate
    public GoodsReceipt(@Reference QualityService quality) {
      this.quality = quality;
    }

    @Override
    public String name() {
      return "goods-receipt";
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      return quality.receive(caller, InboundJson.read(payload, GoodsReceiptInput.class));
    }
  }

  /** {@code stock-movement}: a stock movement from a WMS, as {@code POST /stock/movements}. */
  @Component(service = InboundCommand.class)
  public static final class StockMovement implements InboundCommand {
    private final InventoryService inventory;

    @Activate
    public StockMovement(@Reference InventoryService inventory) {
      this.inventory = inventory;
    }

    @Override
    public String name() {
      return "stock-movement";
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      return inventory.post(caller, InboundJson.read(payload, MovementInput.class));
    }
  }

  /**
   * {@code stock-snapshot}: a WMS count of some locations. Tianshu's stock in those locations is
   * adjusted to it, key by key ({@link StockSnapshot}), all in the message's one transaction.
   */
  @Component(service = InboundCommand.class)
  public static final class StockSnapshotCommand implements InboundCommand {
    private final InventoryService inventory;

    @Activate
    public StockSnapshotCommand(@Reference InventoryService inventory) {
      this.inventory = inventory;
    }

    /** The count: the locations counted (besides those of the lines) and what each holds. */
    record Payload(String reference, List<Long> locationIds, List<CountLine> lines) {}

    /** One counted key; a blank status means AVAILABLE. */
    record CountLine(
        Long locationId,
        Long materialId,
        String lot,
        String serial,
        String status,
        BigDecimal quantity) {}

    /** What was adjusted. */
    record Result(String reference, int adjustments, List<Adjustment> lines) {}

    record Adjustment(
        long locationId,
        long materialId,
        String lot,
        String serial,
        String status,
        BigDecimal quantity,
        long documentId) {}

    @Override
    public String name() {
      return "stock-snapshot";
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      Payload p = InboundJson.read(payload, Payload.class);
      List<FieldError> errors = new ArrayList<>();
      if (p.reference() == null || p.reference().isBlank()) {
        errors.add(new FieldError("reference", "required", "The count's reference / 缺少盘点单号"));
      }
      List<StockSnapshot.Line> counted = new ArrayList<>();
      List<CountLine> lines = p.lines() == null ? List.of() : p.lines();
      for (int i = 0; i < lines.size(); i++) {
        CountLine l = lines.get(i);
        String at = "lines[" + i + "].";
        if (l == null || l.locationId() == null) {
          errors.add(new FieldError(at + "locationId", "required", "Required / 必填"));
          continue;
        }
        if (l.materialId() == null) {
          errors.add(new FieldError(at + "materialId", "required", "Required / 必填"));
          continue;
        }
        if (l.quantity() == null || l.quantity().signum() < 0) {
          errors.add(new FieldError(at + "quantity", "invalid", "Zero or more / 数量必须大于等于零"));
          continue;
        }
        String status =
            l.status() == null || l.status().isBlank()
                ? StockStatus.AVAILABLE.name()
                : l.status().toUpperCase(java.util.Locale.ROOT);
        counted.add(
            new StockSnapshot.Line(
                new StockSnapshot.Key(l.locationId(), l.materialId(), l.lot(), l.serial(), status),
                l.quantity()));
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      Set<Long> scope = new LinkedHashSet<>();
      if (p.locationIds() != null) {
        p.locationIds().stream().filter(Objects::nonNull).forEach(scope::add);
      }
      counted.forEach(l -> scope.add(l.key().locationId()));
      List<StockSnapshot.Line> held = new ArrayList<>();
      for (long location : scope) {
        for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
          Page<StockBalance> page =
              inventory.stock(
                  caller,
                  new StockFilter(null, null, location, null, null),
                  new PageRequest(offset, PageRequest.MAX_LIMIT, "key", true));
          for (StockBalance b : page.items()) {
            held.add(
                new StockSnapshot.Line(
                    new StockSnapshot.Key(
                        b.locationId(), b.materialId(), b.lot(), b.serial(), b.status().name()),
                    b.quantity()));
          }
          if (offset + page.items().size() >= page.total() || page.items().isEmpty()) {
            break;
          }
        }
      }
      List<Adjustment> done = new ArrayList<>();
      for (StockSnapshot.Line a : StockSnapshot.adjustments(scope, counted, held)) {
        StockSnapshot.Key k = a.key();
        MovementDocument d =
            inventory.post(
                caller,
                new MovementInput(
                    "ADJUSTMENT",
                    k.materialId(),
                    a.quantity(),
                    k.locationId(),
                    null,
                    k.lot(),
                    k.serial(),
                    k.status(),
                    null,
                    p.reference()));
        done.add(
            new Adjustment(
                k.locationId(),
                k.materialId(),
                k.lot(),
                k.serial(),
                k.status(),
                a.quantity(),
                d.documentId()));
      }
      return new Result(p.reference(), done.size(), done);
    }
  }
}
