package io.tianshu.bom.internal;

import io.tianshu.bom.Bom;
import io.tianshu.bom.BomEngine;
import io.tianshu.bom.BomInput;
import io.tianshu.bom.BomItem;
import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomLineInput;
import io.tianshu.bom.BomVersion;
import io.tianshu.bom.BomView;
import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.persistence.AuditTrail;
import java.math.BigDecimal;
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
            items,
            0);
    if (store.versions(view, in.plantId()).stream()
        .anyMatch(
            b ->
                b.parentMaterialId() == candidate.parentMaterialId()
                    && Objects.equals(b.plantId(), candidate.plantId())
                    && b.revision().equals(candidate.revision()))) {
      throw new io.tianshu.core.ValidationException(
          "revision", "duplicate", "this revision exists already / 该版本已存在");
    }
    // Compiling the BOM set with the new version rejects overlaps and cycles, naming them. A group
    // BOM is also checked inside every plant's set, since each plant combines it with its own.
    if (in.plantId() == null) {
      List<Bom> all = new ArrayList<>(store.allVersions(view));
      all.add(candidate);
      BomEngine.build(scope(all, null));
      Set<Long> plants = new HashSet<>();
      all.forEach(b -> plants.add(b.plantId()));
      plants.remove(null);
      for (Long plant : plants) {
        BomEngine.build(scope(all, plant));
      }
    } else {
      List<Bom> set = new ArrayList<>(store.versions(view, in.plantId()));
      set.add(candidate);
      BomEngine.build(scope(set, in.plantId()));
    }
    Bom created = store.insert(candidate, caller.username());
    store.audit(
        caller, created.id(), created.plantId(), AuditTrail.CREATE, null, snapshot(created));
    return created;
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
   * The BOM set of a plant: the group's BOMs and the plant's, where a plant BOM of a parent
   * replaces every group version of that parent (the plant's own structure for the product).
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
      boolean group = b.plantId() == null;
      if ((group && !overridden.contains(b.parentMaterialId()))
          || (!group && b.plantId().equals(plantId))) {
        versions.add(toVersion(b));
      }
    }
    return versions;
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
    return new BomVersion(b.parentMaterialId(), b.revision(), b.validFrom(), b.validTo(), lines);
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
    return m;
  }
}
