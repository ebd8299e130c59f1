package io.tianshu.integration.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.FieldError;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PageRequest;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.OperationReport;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.integration.InboundCommand;
import io.tianshu.integration.b2mml.B2mmlMaterial;
import io.tianshu.integration.b2mml.B2mmlReader;
import io.tianshu.integration.b2mml.B2mmlReport;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.org.OrgService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The B2MML inbound commands (docs/integration/b2mml.md): the payload is a B2MML V0700 XML
 * document, validated whole before anything is written; every change runs in the hub's one
 * transaction, so a document is applied entirely or not at all.
 */
public final class B2mmlCommands {
  private B2mmlCommands() {}

  /** The plant with a {@code HierarchyScope} code, or an error naming the element path. */
  static Long plant(
      OrgService org,
      CallerContext caller,
      String code,
      String path,
      Map<String, Long> cache,
      List<FieldError> errors) {
    if (code == null) {
      return null;
    }
    if (cache.containsKey(code)) {
      return cache.get(code);
    }
    Long id = null;
    try {
      id = org.getPlantByCode(caller, code).id();
    } catch (NotFoundException e) {
      errors.add(
          new FieldError(
              path + "/HierarchyScope/EquipmentID",
              "unknown_plant",
              "no plant with code '" + code + "' / 工厂不存在"));
    }
    cache.put(code, id);
    return id;
  }

  /** Where a domain field of a material sits in its {@code MaterialDefinition}. */
  static String elementOf(String field) {
    return switch (field) {
      case "code" -> "ID";
      case "name" -> "Description";
      case "nameEn" -> "Description[@languageID='en']";
      case "type" -> "MaterialClassID";
      case "baseUnit" -> "MaterialDefinitionProperty[ID='BaseUnitOfMeasure']/Value";
      case "plantId" -> "HierarchyScope/EquipmentID";
      default -> field;
    };
  }

  /**
   * {@code b2mml-material}: a {@code MaterialDefinition}, {@code MaterialInformation} or {@code
   * Sync/Process/ShowMaterialDefinition} document creates each material, or updates the one with
   * the same code and owning plant; one that already says the same is left alone.
   */
  @Component(service = InboundCommand.class)
  public static final class MaterialSync implements InboundCommand {
    private final MasterDataService masterData;
    private final OrgService org;

    @Activate
    public MaterialSync(@Reference MasterDataService masterData, @Reference OrgService org) {
      this.masterData = masterData;
      this.org = org;
    }

    @Override
    public String name() {
      return "b2mml-material";
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      List<B2mmlMaterial> materials = B2mmlReader.materials(payload);
      List<FieldError> errors = new ArrayList<>();
      Map<String, Long> plants = new HashMap<>();
      List<Map<String, Object>> items = new ArrayList<>();
      int created = 0;
      int updated = 0;
      int unchanged = 0;
      for (B2mmlMaterial m : materials) {
        int before = errors.size();
        Long plantId = plant(org, caller, m.siteCode(), m.path(), plants, errors);
        if (errors.size() > before) {
          continue;
        }
        Material existing = find(caller, m.code(), plantId);
        try {
          Material saved;
          String action;
          if (existing == null) {
            saved = masterData.createMaterial(caller, m.toInput(plantId, null, null, null));
            action = "created";
            created++;
          } else if (Objects.equals(existing.name(), m.name())
              && Objects.equals(existing.nameEn(), m.nameEn())
              && existing.type() == m.type()
              && Objects.equals(existing.baseUnit(), m.baseUnit())) {
            saved = existing;
            action = "unchanged";
            unchanged++;
          } else {
            saved =
                masterData.updateMaterial(
                    caller,
                    existing.id(),
                    m.toInput(
                        plantId,
                        existing.groupId(),
                        existing.status() == null ? null : existing.status().name(),
                        existing.version()));
            action = "updated";
            updated++;
          }
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("code", saved.code());
          item.put("id", saved.id());
          item.put("plantId", saved.plantId());
          item.put("action", action);
          items.add(item);
        } catch (ValidationException e) {
          for (FieldError f : e.fieldErrors()) {
            errors.add(
                new FieldError(m.path() + "/" + elementOf(f.field()), f.code(), f.message()));
          }
        }
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("created", created);
      result.put("updated", updated);
      result.put("unchanged", unchanged);
      result.put("materials", items);
      return result;
    }

    private Material find(CallerContext caller, String code, Long plantId) {
      for (Material m :
          masterData
              .listMaterials(
                  caller,
                  new MaterialFilter(plantId, code, null, null),
                  new PageRequest(0, 100, "code", true))
              .items()) {
        if (m.code().equals(code) && Objects.equals(m.plantId(), plantId)) {
          return m;
        }
      }
      return null;
    }
  }

  /**
   * {@code b2mml-performance}: a {@code ProductionPerformance} document reports each {@code
   * SegmentResponse} on its work order's operation, keyed by the response and segment response ids
   * (a re-sent document returns the first reports and changes nothing).
   */
  @Component(service = InboundCommand.class)
  public static final class Performance implements InboundCommand {
    private static final List<WorkOrderStatus> REPORTABLE =
        List.of(WorkOrderStatus.RELEASED, WorkOrderStatus.STARTED, WorkOrderStatus.COMPLETED);
    private final ExecutionService execution;
    private final OrgService org;

    @Activate
    public Performance(@Reference ExecutionService execution, @Reference OrgService org) {
      this.execution = execution;
      this.org = org;
    }

    @Override
    public String name() {
      return "b2mml-performance";
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      List<B2mmlReport> reports = B2mmlReader.performance(payload);
      List<FieldError> errors = new ArrayList<>();
      Map<String, Long> plants = new HashMap<>();
      Map<String, WorkOrder> orders = new HashMap<>();
      List<Map<String, Object>> items = new ArrayList<>();
      for (B2mmlReport r : reports) {
        int before = errors.size();
        String responsePath = r.path().substring(0, r.path().lastIndexOf('/'));
        String scopePath = responsePath.substring(0, responsePath.lastIndexOf('/'));
        Long plantId = plant(org, caller, r.siteCode(), scopePath, plants, errors);
        if (errors.size() > before) {
          continue;
        }
        WorkOrder w =
            orders.computeIfAbsent(
                plantId + "\n" + r.workOrderCode(), k -> find(caller, plantId, r));
        if (w == null) {
          errors.add(
              new FieldError(
                  responsePath + "/ProductionRequestID",
                  "unknown_work_order",
                  "no released, started or completed work order '"
                      + r.workOrderCode()
                      + "' / 工单不存在或未下达"));
          continue;
        }
        try {
          OperationReport rep = execution.report(caller, r.toInput(w.id()));
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("reportKey", r.reportKey());
          item.put("workOrder", w.code());
          item.put("operationSeq", r.operationSeq());
          item.put("reportId", rep.id());
          items.add(item);
        } catch (ValidationException e) {
          for (FieldError f : e.fieldErrors()) {
            errors.add(new FieldError(r.path() + ": " + f.field(), f.code(), f.message()));
          }
        }
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return Map.of("reports", items);
    }

    /** The order by its code, one query; null when there is none or it takes no reports. */
    private WorkOrder find(CallerContext caller, Long plantId, B2mmlReport r) {
      String code = r.workOrderCode();
      if (code == null || code.isBlank() || code.length() > 40) {
        return null; // no order can have that code
      }
      return execution
          .findByCode(caller, plantId, code)
          .filter(w -> REPORTABLE.contains(w.status()))
          .orElse(null);
    }
  }
}
