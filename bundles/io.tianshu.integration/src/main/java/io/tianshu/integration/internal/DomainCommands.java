package io.tianshu.integration.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.MaterialFlowService;
import io.tianshu.execution.MaterialIssueInput;
import io.tianshu.execution.OperationReportInput;
import io.tianshu.integration.InboundCommand;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.masterdata.MaterialInput;
import io.tianshu.quality.GoodsReceiptInput;
import io.tianshu.quality.QualityService;
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
}
