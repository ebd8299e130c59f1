package io.tianshu.bom.internal;

import io.tianshu.bom.Bom;
import io.tianshu.bom.BomEngine;
import io.tianshu.bom.BomInput;
import io.tianshu.bom.BomItem;
import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomLineInput;
import io.tianshu.bom.BomOutput;
import io.tianshu.bom.BomOutputInput;
import io.tianshu.bom.BomOutputKind;
import io.tianshu.bom.BomVersion;
import io.tianshu.bom.BomView;
import io.tianshu.bom.SerialNumbers;
import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.persistence.AuditTrail;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules of BOM versions, free of OSGi and JPA. One instance per transaction. */
public final class BomLogic {
  static final String ENTITY = "Bom";

  private final BomStore store;
  private final Materials materials;

  public BomLogic(BomStore store, Materials materials) {
    this.store = store;
    this.materials = materials;
  }

  public Bom get(CallerContext caller, long id) {
    return store
        .find(id)
        .filter(b -> b.plantId() == null || caller.canRead(b.plantId()))
        .orElseThrow(() -> new NotFoundException(ENTITY, id));
  }

  public Page<Bom> list(
      CallerContext caller, Long parentId, Long plantId, BomView view, PageRequest page) {
    if (plantId != null && !caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return store.list(caller.readablePlants(), parentId, plantId, view, page);
  }

  public Bom create(CallerContext caller, BomInput in) {
    if (in.plantId() == null) {
      caller.requireGroupAdmin();
    } else {
      caller.require(in.plantId(), PlantRole.PLANNER, "Plant", in.plantId());
    }
    Validation v = new Validation();
    BomView view = parseView(v, in.view());
    if (in.parentMaterialId() == null) {
      v.add("parentMaterialId", "required", "is required / 必填");
    } else {
      MaterialRef parent = materials.find(in.parentMaterialId()).orElse(null);
      if (parent == null || !ownedFor(parent, in.plantId())) {
        v.add("parentMaterialId", "unknown_material", "no such material here / 物料不存在");
      }
    }
    v.code("revision", in.revision(), 16);
    v.required("validFrom", in.validFrom());
    if (in.validFrom() != null && in.validTo() != null && !in.validTo().isAfter(in.validFrom())) {
      v.add("validTo", "before_start", "must be after validFrom / 失效日期须晚于生效日期");
    }
    String serialFrom = blankToNull(in.serialFrom());
    String serialTo = blankToNull(in.serialTo());
    serial(v, "serialFrom", serialFrom);
    serial(v, "serialTo", serialTo);
    if (serialFrom != null
        && serialTo != null
        && !v.hasErrorFor("serialFrom")
        && !v.hasErrorFor("serialTo")
        && SerialNumbers.compare(serialFrom, serialTo) > 0) {
      v.add("serialTo", "before_start", "must not be below serialFrom / 截止序列号须不小于起始序列号");
    }
    List<Long> allocated = allocation(v, in.plantId(), in.allocatedPlantIds());
    List<BomItem> items = new ArrayList<>();
    if (in.lines() == null || in.lines().isEmpty()) {
      v.add("lines", "required", "at least one line / 至少一行");
    } else {
      for (int i = 0; i < in.lines().size(); i++) {
        BomItem item = line(v, "lines[" + i + "]", i + 1, in.lines().get(i), in.plantId());
        if (item != null) {
          items.add(item);
        }
      }
    }
    List<BomOutput> outputs = outputs(v, in);
    v.throwIfInvalid();
    // From here on, no other change of this view interleaves: the checks below see all of them.
    store.lockView(view);
    Bom candidate =
        new Bom(
            null,
            in.parentMaterialId(),
            in.plantId(),
            view,
            in.revision(),
            in.validFrom(),
            in.validTo(),
            serialFrom,
            serialTo,
            allocated,
            items,
            outputs,
            0);
    // One read of the view serves the duplicate check and the set checks.
    List<Bom> all = store.allVersions(view);
    if (all.stream()
        .anyMatch(
            b ->
                b.parentMaterialId() == candidate.parentMaterialId()
                    && Objects.equals(b.plantId(), candidate.plantId())
                    && b.revision().equals(candidate.revision()))) {
      throw new io.tianshu.core.ValidationException(
          "revision", "duplicate", "this revision exists already / 该版本已存在");
    }
    checkSets(candidate, all, in.plantId());
    Bom created = store.insert(candidate, caller.username());
    store.audit(
        caller, created.id(), created.plantId(), AuditTrail.CREATE, null, snapshot(created));
    return created;
  }

  /**
   * Compiling every BOM set the changed version takes part in rejects overlaps and cycles, naming
   * them. A group BOM is checked in the group's set and inside every plant's, since each plant
   * combines it with its own; {@code all} holds every version of the view except the candidate.
   */
  private static void checkSets(Bom candidate, List<Bom> all, Long ownerPlant) {
    List<Bom> set = new ArrayList<>(all);
    set.removeIf(b -> candidate.id() != null && candidate.id().equals(b.id()));
    set.add(candidate);
    if (ownerPlant == null) {
      BomEngine.build(scope(set, null));
      Set<Long> plants = new HashSet<>();
      for (Bom b : set) {
        plants.add(b.plantId());
        plants.addAll(b.allocatedPlantIds());
      }
      plants.remove(null);
      for (Long plant : plants) {
        BomEngine.build(scope(set, plant));
      }
    } else {
      set.removeIf(b -> b.plantId() != null && !b.plantId().equals(ownerPlant));
      BomEngine.build(scope(set, ownerPlant));
    }
  }

  /**
   * Replaces the plants a group BOM version is allocated to (empty: every plant); checked like a
   * new version, since the plants' BOM sets change.
   */
  public Bom allocate(CallerContext caller, long id, List<Long> plantIds, Long version) {
    caller.requireGroupAdmin();
    Bom old = get(caller, id);
    Validation v = new Validation();
    v.required("version", version);
    if (old.plantId() != null) {
      v.add("plantIds", "not_group_bom", "only a group BOM is allocated / 仅集团 BOM 可分配工厂");
    }
    List<Long> plants = allocation(v, null, plantIds == null ? List.of() : plantIds, "plantIds");
    v.throwIfInvalid();
    if (old.version() != version) {
      throw ConflictException.staleVersion(ENTITY, id, version);
    }
    store.lockView(old.view());
    Bom changed =
        new Bom(
            old.id(),
            old.parentMaterialId(),
            old.plantId(),
            old.view(),
            old.revision(),
            old.validFrom(),
            old.validTo(),
            old.serialFrom(),
            old.serialTo(),
            plants,
            old.lines(),
            old.outputs(),
            old.version());
    checkSets(changed, store.allVersions(old.view()), null);
    Bom saved = store.allocate(id, plants);
    store.audit(caller, id, null, AuditTrail.UPDATE, snapshot(old), snapshot(saved));
    return saved;
  }

  /**
   * Ends a version at {@code validTo} (exclusive): an engineering change's date breakpoint. A
   * version only ends earlier, so no overlap or cycle can follow from it.
   */
  public Bom endVersion(CallerContext caller, long id, LocalDate validTo, long version) {
    Bom old = get(caller, id);
    if (old.plantId() == null) {
      caller.requireGroupAdmin();
    } else {
      caller.require(old.plantId(), PlantRole.PLANNER, ENTITY, id);
    }
    Validation v = new Validation();
    v.earlierEnd("validTo", validTo, old.validFrom(), old.validTo()).throwIfInvalid();
    if (old.version() != version) {
      throw ConflictException.staleVersion(ENTITY, id, version);
    }
    store.lockView(old.view());
    Bom saved = store.endVersion(id, validTo);
    store.audit(caller, id, old.plantId(), AuditTrail.UPDATE, snapshot(old), snapshot(saved));
    return saved;
  }

  public void delete(CallerContext caller, long id, long version) {
    Bom old = get(caller, id);
    if (old.plantId() == null) {
      caller.requireGroupAdmin();
    } else {
      caller.require(old.plantId(), PlantRole.PLANNER, ENTITY, id);
    }
    if (old.version() != version) {
      throw ConflictException.staleVersion(ENTITY, id, version);
    }
    store.lockView(old.view());
    store.delete(id);
    store.audit(caller, id, old.plantId(), AuditTrail.DELETE, snapshot(old), null);
  }

  private BomItem line(Validation v, String path, int lineNo, BomLineInput l, Long plantId) {
    if (l == null) {
      v.add(path, "required", "is required / 必填");
      return null;
    }
    MaterialRef component = null;
    if (l.componentMaterialId() == null) {
      v.add(path + ".componentMaterialId", "required", "is required / 必填");
    } else {
      component = materials.find(l.componentMaterialId()).orElse(null);
      if (component == null || !ownedFor(component, plantId)) {
        v.add(path + ".componentMaterialId", "unknown_material", "no such material here / 物料不存在");
        component = null;
      }
    }
    if (l.quantityPer() == null || l.quantityPer().signum() <= 0) {
      v.add(path + ".quantityPer", "not_positive", "must be greater than zero / 必须大于零");
    }
    BigDecimal scrap = l.scrapPercent() == null ? BigDecimal.ZERO : l.scrapPercent();
    if (scrap.signum() < 0 || scrap.compareTo(BigDecimal.valueOf(100)) >= 0) {
      v.add(path + ".scrapPercent", "out_of_range", "0 to under 100 / 须在 0 到 100 之间");
    }
    v.optionalText(path + ".operationRef", l.operationRef(), 32);
    if (component == null || l.quantityPer() == null || l.quantityPer().signum() <= 0) {
      return null;
    }
    BigDecimal qty = l.quantityPer();
    if (l.unit() != null && !l.unit().isBlank() && !l.unit().equals(component.baseUnit())) {
      BigDecimal converted = materials.toBase(component.id(), qty, l.unit()).orElse(null);
      if (converted == null) {
        v.add(
            path + ".unit",
            "no_conversion",
            "no conversion from " + l.unit() + " to " + component.baseUnit() + " / 无法换算单位");
        return null;
      }
      qty = converted;
    }
    return new BomItem(
        lineNo,
        component.id(),
        qty,
        component.baseUnit(),
        scrap,
        Boolean.TRUE.equals(l.phantom()),
        l.operationRef());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static void serial(Validation v, String field, String serial) {
    if (serial != null) {
      v.code(field, serial, 32);
    }
  }

  private List<Long> allocation(Validation v, Long owner, List<Long> plantIds) {
    return allocation(v, owner, plantIds, "allocatedPlantIds");
  }

  /** Distinct existing plants, in the order given; a plant BOM cannot be allocated. */
  private List<Long> allocation(Validation v, Long owner, List<Long> plantIds, String field) {
    if (plantIds == null || plantIds.isEmpty()) {
      return List.of();
    }
    if (owner != null) {
      v.add(field, "not_group_bom", "only a group BOM is allocated / 仅集团 BOM 可分配工厂");
      return List.of();
    }
    Set<Long> seen = new java.util.LinkedHashSet<>();
    for (int i = 0; i < plantIds.size(); i++) {
      Long p = plantIds.get(i);
      if (p == null || !materials.plantExists(p)) {
        v.add(field + "[" + i + "]", "unknown_plant", "no such plant / 工厂不存在");
      } else if (!seen.add(p)) {
        v.add(field + "[" + i + "]", "duplicate", "listed twice / 重复");
      }
    }
    return List.copyOf(seen);
  }

  /**
   * Co- and by-products: an output is neither the parent nor a component of the version, nor listed
   * twice; co-products carry a share above 0, all together under 100 (the parent keeps the rest);
   * by-products carry none.
   */
  private List<BomOutput> outputs(Validation v, BomInput in) {
    List<BomOutput> result = new ArrayList<>();
    if (in.outputs() == null) {
      return result;
    }
    Set<Long> components = new HashSet<>();
    if (in.lines() != null) {
      in.lines().stream()
          .filter(Objects::nonNull)
          .map(BomLineInput::componentMaterialId)
          .filter(Objects::nonNull)
          .forEach(components::add);
    }
    Set<Long> seen = new HashSet<>();
    BigDecimal coShares = BigDecimal.ZERO;
    boolean sharesValid = true;
    for (int i = 0; i < in.outputs().size(); i++) {
      String path = "outputs[" + i + "]";
      BomOutputInput o = in.outputs().get(i);
      if (o == null) {
        v.add(path, "required", "is required / 必填");
        continue;
      }
      MaterialRef m = null;
      if (o.materialId() == null) {
        v.add(path + ".materialId", "required", "is required / 必填");
      } else if (o.materialId().equals(in.parentMaterialId())) {
        v.add(path + ".materialId", "is_parent", "the parent is not an output / 产出物不能是父件");
      } else if (components.contains(o.materialId())) {
        v.add(
            path + ".materialId",
            "is_component",
            "also a component of this version / 产出物不能同时是本版本的子件");
      } else if (!seen.add(o.materialId())) {
        v.add(path + ".materialId", "duplicate", "listed twice / 重复");
      } else {
        m = materials.find(o.materialId()).orElse(null);
        if (m == null || !ownedFor(m, in.plantId())) {
          v.add(path + ".materialId", "unknown_material", "no such material here / 物料不存在");
          m = null;
        }
      }
      if (o.quantityPer() == null || o.quantityPer().signum() <= 0) {
        v.add(path + ".quantityPer", "not_positive", "must be greater than zero / 必须大于零");
      }
      BomOutputKind kind = null;
      if (o.kind() == null || o.kind().isBlank()) {
        v.add(path + ".kind", "required", "CO_PRODUCT or BY_PRODUCT / 须为联产品或副产品");
      } else {
        try {
          kind = BomOutputKind.valueOf(o.kind().trim());
        } catch (IllegalArgumentException e) {
          v.add(path + ".kind", "invalid_value", "CO_PRODUCT or BY_PRODUCT / 须为联产品或副产品");
        }
      }
      BigDecimal share = o.costSharePercent();
      if (kind == BomOutputKind.CO_PRODUCT) {
        if (share == null || share.signum() <= 0) {
          v.add(
              path + ".costSharePercent",
              "not_positive",
              "a co-product's share must be above 0 / 联产品分摊须大于零");
          sharesValid = false;
        } else {
          coShares = coShares.add(share);
        }
      } else if (kind == BomOutputKind.BY_PRODUCT) {
        if (share != null && share.signum() != 0) {
          v.add(
              path + ".costSharePercent",
              "by_product_share",
              "a by-product carries no share (credited at standard) / 副产品不分摊成本");
        }
        share = BigDecimal.ZERO;
      }
      if (sharesValid && coShares.compareTo(BigDecimal.valueOf(100)) >= 0) {
        v.add(
            "outputs", "share_total", "co-product shares must total under 100 / 联产品成本分摊合计须小于 100");
        sharesValid = false;
      }
      if (m != null && kind != null && o.quantityPer() != null && o.quantityPer().signum() > 0) {
        result.add(new BomOutput(i + 1, m.id(), o.quantityPer(), m.baseUnit(), kind, share));
      }
    }
    return result;
  }

  /**
   * A plant BOM may use group-owned materials and the plant's own; a group BOM only the group's.
   */
  private static boolean ownedFor(MaterialRef m, Long plantId) {
    return m.plantId() == null || m.plantId().equals(plantId);
  }

  static BomView parseView(Validation v, String view) {
    if (view == null || view.isBlank()) {
      return BomView.MANUFACTURING;
    }
    try {
      return BomView.valueOf(view.trim());
    } catch (IllegalArgumentException e) {
      v.add(
          "view",
          "invalid_value",
          "must be one of "
              + Arrays.stream(BomView.values()).map(Enum::name).collect(Collectors.joining(", "))
              + " / 取值无效");
      return BomView.MANUFACTURING;
    }
  }

  /**
   * The BOM set of a plant: the group's BOMs shared with every plant or allocated to this one, and
   * the plant's, where a plant BOM of a parent replaces every group version of that parent (the
   * plant's own structure for the product). The group's own set ({@code plantId} null) holds the
   * unallocated group BOMs only.
   */
  public static List<BomVersion> scope(List<Bom> boms, Long plantId) {
    Set<Long> overridden = new HashSet<>();
    if (plantId != null) {
      for (Bom b : boms) {
        if (plantId.equals(b.plantId())) {
          overridden.add(b.parentMaterialId());
        }
      }
    }
    List<BomVersion> versions = new ArrayList<>();
    for (Bom b : boms) {
      if (b.plantId() == null
          ? !overridden.contains(b.parentMaterialId()) && allocatedTo(b, plantId)
          : b.plantId().equals(plantId)) {
        versions.add(toVersion(b));
      }
    }
    return versions;
  }

  /**
   * A group BOM without allocation is shared with every plant (and is the group's own structure);
   * an allocated one applies only in the plants it is allocated to.
   */
  private static boolean allocatedTo(Bom groupBom, Long plantId) {
    return groupBom.allocatedPlantIds().isEmpty()
        || (plantId != null && groupBom.allocatedPlantIds().contains(plantId));
  }

  static BomVersion toVersion(Bom b) {
    List<BomLine> lines = new ArrayList<>();
    for (BomItem i : b.lines()) {
      lines.add(
          new BomLine(
              i.componentMaterialId(),
              i.quantityPer().doubleValue(),
              i.scrapPercent().doubleValue(),
              i.phantom()));
    }
    return new BomVersion(
        b.parentMaterialId(),
        b.revision(),
        b.validFrom(),
        b.validTo(),
        b.serialFrom(),
        b.serialTo(),
        lines);
  }

  static Map<String, Object> snapshot(Bom b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("parentMaterialId", b.parentMaterialId());
    m.put("plantId", b.plantId());
    m.put("view", b.view());
    m.put("revision", b.revision());
    m.put("validFrom", b.validFrom());
    m.put("validTo", b.validTo());
    List<Map<String, Object>> lines = new ArrayList<>();
    for (BomItem i : b.lines()) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("componentMaterialId", i.componentMaterialId());
      l.put("quantityPer", i.quantityPer());
      l.put("scrapPercent", i.scrapPercent());
      l.put("phantom", i.phantom());
      lines.add(l);
    }
    m.put("lines", lines);
    m.put("serialFrom", b.serialFrom());
    m.put("serialTo", b.serialTo());
    m.put("allocatedPlantIds", b.allocatedPlantIds());
    List<Map<String, Object>> outputs = new ArrayList<>();
    for (BomOutput o : b.outputs()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("materialId", o.materialId());
      out.put("quantityPer", o.quantityPer());
      out.put("kind", o.kind());
      out.put("costSharePercent", o.costSharePercent());
      outputs.add(out);
    }
    m.put("outputs", outputs);
    return m;
  }
}
