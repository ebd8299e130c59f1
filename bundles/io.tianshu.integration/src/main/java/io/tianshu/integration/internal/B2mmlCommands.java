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
import io.tianshu.integration.b2mml.B2mmlEquipment;
import io.tianshu.integration.b2mml.B2mmlMaterial;
import io.tianshu.integration.b2mml.B2mmlReader;
import io.tianshu.integration.b2mml.B2mmlReport;
import io.tianshu.integration.b2mml.B2mmlRequest;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitInput;
import io.tianshu.resource.PlantResource;
import io.tianshu.resource.PlantResourceInput;
import io.tianshu.resource.ResourceService;
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

  /** All items of a paged list, page by page. */
  static <T> List<T> all(java.util.function.IntFunction<io.tianshu.core.Page<T>> page) {
    List<T> out = new ArrayList<>();
    for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
      List<T> items = page.apply(offset).items();
      out.addAll(items);
      if (items.size() < PageRequest.MAX_LIMIT) {
        return out;
      }
    }
  }

  /**
   * {@code b2mml-schedule}: a {@code ProductionSchedule} document creates a PLANNED work order per
   * {@code ProductionRequest} through {@link ExecutionService#create} (the API's validation), code
   * the request {@code ID}. A request whose code already names an order of the same material in the
   * plant is left alone ({@code existing}), so a schedule sent again creates nothing.
   */
  @Component(service = InboundCommand.class)
  public static final class Schedule implements InboundCommand {
    private final ExecutionService execution;
    private final MasterDataService masterData;
    private final OrgService org;

    @Activate
    public Schedule(
        @Reference ExecutionService execution,
        @Reference MasterDataService masterData,
        @Reference OrgService org) {
      this.execution = execution;
      this.masterData = masterData;
      this.org = org;
    }

    @Override
    public String name() {
      return "b2mml-schedule";
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      List<B2mmlRequest> requests = B2mmlReader.schedule(payload);
      List<FieldError> errors = new ArrayList<>();
      Map<String, Long> plants = new HashMap<>();
      List<Map<String, Object>> items = new ArrayList<>();
      java.time.ZoneId zone = java.time.ZoneId.systemDefault();
      int created = 0;
      int existing = 0;
      for (B2mmlRequest r : requests) {
        int before = errors.size();
        String schedulePath = r.path().substring(0, r.path().lastIndexOf('/'));
        Long plantId = plant(org, caller, r.siteCode(), schedulePath, plants, errors);
        if (errors.size() > before || plantId == null) {
          continue;
        }
        Material m = material(caller, plantId, r.materialCode());
        if (m == null) {
          errors.add(
              new FieldError(
                  r.pathOf("materialId"),
                  "unknown_material",
                  "no material '" + r.materialCode() + "' in the plant / 工厂中无此物料"));
          continue;
        }
        if (r.unit() != null && !r.unit().equals(m.baseUnit())) {
          errors.add(
              new FieldError(
                  r.productPath() + "/Quantity/UnitOfMeasure",
                  "unit_mismatch",
                  "must be the material's base unit "
                      + m.baseUnit()
                      + ", was "
                      + r.unit()
                      + " / 单位必须是物料的基本单位 "
                      + m.baseUnit()));
          continue;
        }
        WorkOrder w = order(caller, plantId, m.id(), r.code());
        String action = "existing";
        if (w == null) {
          try {
            w = execution.create(caller, r.toInput(plantId, m.id(), zone));
            action = "created";
          } catch (ValidationException e) {
            for (FieldError f : e.fieldErrors()) {
              errors.add(new FieldError(r.pathOf(f.field()), f.code(), f.message()));
            }
            continue;
          }
        }
        if ("created".equals(action)) {
          created++;
        } else {
          existing++;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", w.code());
        item.put("id", w.id());
        item.put("plantId", plantId);
        item.put("status", w.status().name());
        item.put("action", action);
        items.add(item);
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("created", created);
      result.put("existing", existing);
      result.put("workOrders", items);
      return result;
    }

    /** The material with this code the plant sees: its own, else the group's. */
    private Material material(CallerContext caller, long plantId, String code) {
      Material group = null;
      for (Material m :
          masterData
              .listMaterials(
                  caller,
                  new MaterialFilter(plantId, code, null, null),
                  new PageRequest(0, 100, "code", true))
              .items()) {
        if (m.code().equals(code)) {
          if (Objects.equals(m.plantId(), plantId)) {
            return m;
          }
          if (m.plantId() == null) {
            group = m;
          }
        }
      }
      return group;
    }

    private WorkOrder order(CallerContext caller, long plantId, long materialId, String code) {
      for (WorkOrder w :
          all(
              offset ->
                  execution.list(
                      caller,
                      plantId,
                      null,
                      materialId,
                      new PageRequest(offset, PageRequest.MAX_LIMIT, "code", true)))) {
        if (w.code().equals(code)) {
          return w;
        }
      }
      return null;
    }
  }

  /**
   * {@code b2mml-equipment}: an {@code Equipment} or {@code EquipmentInformation} document puts the
   * workshops, lines and work centres ({@code Area}, {@code ProductionLine}, {@code WorkCell}) and
   * the resources ({@code Unit}) below each {@code Site} (an existing plant) by code: created when
   * new, renamed (or a resource re-typed or moved to another work centre) when changed, left alone
   * when the same ({@link EquipmentPlan}).
   */
  @Component(service = InboundCommand.class)
  public static final class EquipmentSync implements InboundCommand {
    private final OrgService org;
    private final ResourceService resources;

    @Activate
    public EquipmentSync(@Reference OrgService org, @Reference ResourceService resources) {
      this.org = org;
      this.resources = resources;
    }

    @Override
    public String name() {
      return "b2mml-equipment";
    }

    /** The Sites of the document with their element paths (Enterprise levels passed through). */
    private static void sites(List<B2mmlEquipment> roots, Map<String, String> out) {
      for (B2mmlEquipment e : roots) {
        if ("Site".equals(e.level()) && e.id() != null) {
          out.putIfAbsent(e.id(), e.path());
        } else if ("Enterprise".equals(e.level())) {
          sites(e.children(), out);
        }
      }
    }

    static String elementOf(String field) {
      return switch (field) {
        case "code" -> "/ID";
        case "name" -> "/Description";
        case "type" -> "/EquipmentClassID";
        default -> ": " + field;
      };
    }

    @Override
    public Object execute(CallerContext caller, String payload) {
      List<B2mmlEquipment> roots = B2mmlReader.equipment(payload);
      List<EquipmentPlan.Item> plan = EquipmentPlan.of(roots);
      List<FieldError> errors = new ArrayList<>();
      Map<String, String> sitePaths = new LinkedHashMap<>();
      sites(roots, sitePaths);
      Map<String, Long> plants = new HashMap<>();
      Map<String, Map<String, OrgUnit>> units = new HashMap<>();
      Map<String, Map<String, PlantResource>> machines = new HashMap<>();
      for (Map.Entry<String, String> site : sitePaths.entrySet()) {
        try {
          long plantId = org.getPlantByCode(caller, site.getKey()).id();
          plants.put(site.getKey(), plantId);
          Map<String, OrgUnit> byCode = new HashMap<>();
          org.listUnits(caller, plantId).forEach(u -> byCode.put(u.code(), u));
          units.put(site.getKey(), byCode);
          Map<String, PlantResource> res = new HashMap<>();
          all(offset ->
                  resources.listResources(
                      caller,
                      plantId,
                      null,
                      null,
                      new PageRequest(offset, PageRequest.MAX_LIMIT, "code", true)))
              .forEach(r -> res.put(r.code(), r));
          machines.put(site.getKey(), res);
        } catch (NotFoundException e) {
          errors.add(
              new FieldError(
                  site.getValue() + "/ID",
                  "unknown_plant",
                  "no plant with code '" + site.getKey() + "' / 工厂不存在"));
        }
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      int created = 0;
      int updated = 0;
      int unchanged = 0;
      List<Map<String, Object>> items = new ArrayList<>();
      for (EquipmentPlan.Item it : plan) {
        long plantId = plants.get(it.siteCode());
        Map<String, OrgUnit> byCode = units.get(it.siteCode());
        String action;
        Long id;
        try {
          if (it.isResource()) {
            Long wc = null;
            if (it.workCenterCode() != null) {
              OrgUnit w = byCode.get(it.workCenterCode());
              if (w == null) {
                continue; // its work centre failed; reported there
              }
              wc = w.id();
            }
            PlantResource old = machines.get(it.siteCode()).get(it.code());
            PlantResource saved;
            if (old == null) {
              saved =
                  resources.createResource(
                      caller,
                      new PlantResourceInput(
                          plantId,
                          it.code(),
                          it.name(),
                          it.resourceType().name(),
                          null,
                          wc,
                          null,
                          null,
                          null,
                          null,
                          null));
              action = "created";
            } else if (old.name().equals(it.name())
                && old.type() == it.resourceType()
                && Objects.equals(old.workCenterId(), wc)) {
              saved = old;
              action = "unchanged";
            } else {
              saved =
                  resources.updateResource(
                      caller,
                      old.id(),
                      new PlantResourceInput(
                          plantId,
                          it.code(),
                          it.name(),
                          it.resourceType().name(),
                          old.status() == null ? null : old.status().name(),
                          wc,
                          old.calendarId(),
                          old.units(),
                          old.cavities(),
                          old.lifeCycles(),
                          old.version()));
              action = "updated";
            }
            id = saved.id();
          } else {
            Long parentId = plantId;
            if (it.parentCode() != null) {
              OrgUnit p = byCode.get(it.parentCode());
              if (p == null) {
                continue; // its parent failed; reported there
              }
              parentId = p.id();
            }
            OrgUnit old = byCode.get(it.code());
            OrgUnit saved;
            if (old == null) {
              saved =
                  org.create(
                      caller,
                      new OrgUnitInput(
                          it.unitType(), it.code(), it.name(), null, parentId, null, null));
              action = "created";
            } else if (old.type() != it.unitType() || !Objects.equals(old.parentId(), parentId)) {
              errors.add(
                  new FieldError(
                      it.path() + "/ID",
                      "conflict",
                      "the plant's "
                          + old.type()
                          + " "
                          + old.code()
                          + " sits elsewhere in the hierarchy; Tianshu does not move units /"
                          + " 该编码的组织单元层级或上级不同，不能移动"));
              continue;
            } else if (old.name().equals(it.name())) {
              saved = old;
              action = "unchanged";
            } else {
              saved =
                  org.update(
                      caller,
                      old.id(),
                      new OrgUnitInput(
                          old.type(),
                          old.code(),
                          it.name(),
                          old.nameEn(),
                          old.parentId(),
                          old.status(),
                          old.version()));
              action = "updated";
            }
            byCode.put(saved.code(), saved);
            id = saved.id();
          }
        } catch (ValidationException e) {
          for (FieldError f : e.fieldErrors()) {
            errors.add(new FieldError(it.path() + elementOf(f.field()), f.code(), f.message()));
          }
          continue;
        }
        switch (action) {
          case "created" -> created++;
          case "updated" -> updated++;
          default -> unchanged++;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", it.code());
        item.put("kind", it.isResource() ? "RESOURCE" : it.unitType().name());
        item.put("id", id);
        item.put("plantId", plantId);
        item.put("action", action);
        items.add(item);
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("created", created);
      result.put("updated", updated);
      result.put("unchanged", unchanged);
      result.put("equipment", items);
      return result;
    }
  }
}
