package io.tianshu.masterdata.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Quantity;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.masterdata.MaterialGroup;
import io.tianshu.masterdata.MaterialInput;
import io.tianshu.masterdata.MaterialStatus;
import io.tianshu.masterdata.MaterialType;
import io.tianshu.masterdata.UnitConversion;
import io.tianshu.masterdata.UnitOfMeasure;
import io.tianshu.persistence.AuditTrail;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/** The rules of master data, free of OSGi and JPA. One instance per transaction. */
public final class MasterDataLogic {
  static final String MATERIAL = "Material";

  private final MasterDataStore store;
  private final Clock clock;
  private final LongPredicate plantExists;

  public MasterDataLogic(MasterDataStore store, Clock clock, LongPredicate plantExists) {
    this.store = store;
    this.clock = clock;
    this.plantExists = plantExists;
  }

  // ---- materials ----

  public Page<Material> listMaterials(CallerContext caller, MaterialFilter f, PageRequest page) {
    Set<Long> plants = caller.readablePlants();
    if (f.plantId() != null && !caller.canRead(f.plantId())) {
      throw new NotFoundException("Plant", f.plantId());
    }
    return store.listMaterials(plants, f, page);
  }

  public Material getMaterial(CallerContext caller, long id) {
    Material m = store.findMaterial(id).orElseThrow(() -> new NotFoundException(MATERIAL, id));
    if (m.plantId() != null && !caller.canRead(m.plantId())) {
      throw new NotFoundException(MATERIAL, id);
    }
    return m;
  }

  public Material createMaterial(CallerContext caller, MaterialInput in) {
    requireWriter(caller, in.plantId());
    Validation v = new Validation();
    if (in.plantId() != null && !plantExists.test(in.plantId())) {
      throw new NotFoundException("Plant", in.plantId());
    }
    validate(v, caller, in, null);
    v.throwIfInvalid();
    Instant now = clock.instant();
    Material created =
        store.insertMaterial(
            new Material(
                null,
                in.code(),
                in.name(),
                in.nameEn(),
                MaterialType.valueOf(in.type()),
                in.baseUnit(),
                in.groupId(),
                in.status() == null ? MaterialStatus.ACTIVE : MaterialStatus.valueOf(in.status()),
                in.plantId(),
                0,
                now,
                caller.username(),
                now,
                caller.username()));
    store.audit(
        caller,
        MATERIAL,
        created.id(),
        created.plantId(),
        AuditTrail.CREATE,
        null,
        snapshot(created));
    return created;
  }

  public Material updateMaterial(CallerContext caller, long id, MaterialInput in) {
    Material old = getMaterial(caller, id);
    requireWriter(caller, old.plantId());
    Validation v = new Validation();
    v.required("version", in.version());
    if (in.plantId() != null && !in.plantId().equals(old.plantId())) {
      v.add("plantId", "immutable", "the owner cannot change / 所属组织不可修改");
    }
    validate(v, caller, in, old);
    v.throwIfInvalid();
    if (in.version() != old.version()) {
      throw ConflictException.staleVersion(MATERIAL, id, in.version());
    }
    Material changed =
        store.updateMaterial(
            new Material(
                old.id(),
                in.code(),
                in.name(),
                in.nameEn(),
                MaterialType.valueOf(in.type()),
                in.baseUnit(),
                in.groupId(),
                in.status() == null ? old.status() : MaterialStatus.valueOf(in.status()),
                old.plantId(),
                old.version(),
                old.createdAt(),
                old.createdBy(),
                clock.instant(),
                caller.username()));
    store.audit(
        caller, MATERIAL, id, old.plantId(), AuditTrail.UPDATE, snapshot(old), snapshot(changed));
    return changed;
  }

  public void deleteMaterial(CallerContext caller, long id, long version) {
    Material old = getMaterial(caller, id);
    requireWriter(caller, old.plantId());
    if (version != old.version()) {
      throw ConflictException.staleVersion(MATERIAL, id, version);
    }
    // The material's own conversions go with it; left behind they would still constrain the graph.
    for (UnitConversion c : store.materialConversions()) {
      if (c.materialId().equals(id)) {
        store.deleteConversion(c.id());
        store.audit(
            caller,
            "UnitConversion",
            c.id(),
            old.plantId(),
            AuditTrail.DELETE,
            conversion(c),
            null);
      }
    }
    store.deleteMaterial(id);
    store.audit(caller, MATERIAL, id, old.plantId(), AuditTrail.DELETE, snapshot(old), null);
  }

  /** Group-owned data is changed by group administrators, plant data by the plant's planners. */
  private static void requireWriter(CallerContext caller, Long plantId) {
    if (plantId == null) {
      caller.requireGroupAdmin();
    } else {
      caller.require(plantId, PlantRole.PLANNER, "Plant", plantId);
    }
  }

  private void validate(Validation v, CallerContext caller, MaterialInput in, Material old) {
    v.code("code", in.code(), 40);
    v.text("name", in.name(), 200);
    v.optionalText("nameEn", in.nameEn(), 200);
    enumValue(v, "type", in.type(), MaterialType.class, true);
    enumValue(v, "status", in.status(), MaterialStatus.class, false);
    if (in.baseUnit() == null || in.baseUnit().isBlank()) {
      v.add("baseUnit", "required", "is required / 必填");
    } else if (store.unit(in.baseUnit()).isEmpty()) {
      v.add("baseUnit", "unknown_unit", "no such unit of measure / 计量单位不存在");
    }
    Long owner = old == null ? in.plantId() : old.plantId();
    if (in.groupId() != null) {
      MaterialGroup g = store.findGroup(in.groupId()).orElse(null);
      if (g == null
          || (g.plantId() != null && !g.plantId().equals(owner))
          || (g.plantId() != null && !caller.canRead(g.plantId()))) {
        v.add("groupId", "unknown_group", "no such material group for this owner / 物料组不存在");
      }
    }
    if (!v.hasErrorFor("code")
        && (old == null || !old.code().equals(in.code()))
        && store.materialCodeTaken(
            owner == null ? 0L : owner, in.code(), old == null ? null : old.id())) {
      v.add("code", "duplicate", "is already used by this owner / 该组织下物料编码已存在");
    }
  }

  private static <E extends Enum<E>> void enumValue(
      Validation v, String field, String value, Class<E> type, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        v.add(field, "required", "is required / 必填");
      }
      return;
    }
    try {
      Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      v.add(
          field,
          "invalid_value",
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", "))
              + " / 取值无效");
    }
  }

  static Map<String, Object> snapshot(Material m) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", m.id());
    s.put("code", m.code());
    s.put("name", m.name());
    s.put("nameEn", m.nameEn());
    s.put("type", m.type());
    s.put("baseUnit", m.baseUnit());
    s.put("groupId", m.groupId());
    s.put("status", m.status());
    s.put("plantId", m.plantId());
    s.put("version", m.version());
    return s;
  }

  public String describeUse(long plantId) {
    long n = store.countOwnedBy(plantId);
    return n == 0 ? null : n + " materials or material groups";
  }

  // ---- units and conversions ----

  public List<UnitOfMeasure> listUnits() {
    return store.units();
  }

  public UnitOfMeasure createUnit(CallerContext caller, UnitOfMeasure in) {
    caller.requireGroupAdmin();
    Validation v = new Validation();
    v.code("code", in.code(), 16);
    v.text("name", in.name(), 100);
    v.optionalText("nameEn", in.nameEn(), 100);
    v.code("dimension", in.dimension(), 32);
    if (!v.hasErrorFor("code") && store.unit(in.code()).isPresent()) {
      v.add("code", "duplicate", "is already used / 单位编码已存在");
    }
    v.throwIfInvalid();
    UnitOfMeasure created =
        store.insertUnit(
            new UnitOfMeasure(null, in.code(), in.name(), in.nameEn(), in.dimension(), 0));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("code", created.code());
    after.put("dimension", created.dimension());
    store.audit(caller, "UnitOfMeasure", created.id(), null, AuditTrail.CREATE, null, after);
    return created;
  }

  public List<UnitConversion> listConversions(CallerContext caller, Long materialId) {
    if (materialId != null) {
      getMaterial(caller, materialId);
    }
    return store.conversions(materialId);
  }

  /**
   * Adds {@code 1 from = factor to}. Global conversions stay within one dimension; a
   * material-specific one may cross (1 PCS of this sheet = 2.5 KG). No zero or negative factors,
   * and no second path between two units, in the global graph or any material's graph.
   */
  public UnitConversion createConversion(
      CallerContext caller, String from, String to, BigDecimal factor, Long materialId) {
    Material material = null;
    if (materialId != null) {
      material = getMaterial(caller, materialId);
      requireWriter(caller, material.plantId());
    } else {
      caller.requireGroupAdmin();
    }
    Validation v = new Validation();
    UnitOfMeasure fromUnit = checkUnit(v, "fromUnit", from);
    UnitOfMeasure toUnit = checkUnit(v, "toUnit", to);
    v.positive("factor", factor);
    if (fromUnit != null && toUnit != null) {
      if (from.equals(to)) {
        v.add("toUnit", "same_unit", "must differ from fromUnit / 不能与源单位相同");
      } else if (materialId == null && !fromUnit.dimension().equals(toUnit.dimension())) {
        v.add(
            "toUnit",
            "dimension_mismatch",
            fromUnit.dimension()
                + " ≠ "
                + toUnit.dimension()
                + ": only a material-specific conversion may cross dimensions / 跨量纲换算须指定物料");
      }
    }
    v.throwIfInvalid();
    List<List<UnitConversion>> graphs = new ArrayList<>();
    graphs.add(store.conversions(materialId));
    if (materialId == null) {
      // A new global conversion must not close a cycle inside any material's own graph either.
      Map<Long, List<UnitConversion>> byMaterial =
          store.materialConversions().stream()
              .collect(Collectors.groupingBy(UnitConversion::materialId));
      byMaterial.keySet().forEach(id -> graphs.add(store.conversions(id)));
    }
    for (List<UnitConversion> graph : graphs) {
      new UnitGraph(graph)
          .path(from, to)
          .ifPresent(
              path -> {
                throw new ValidationException(
                    "toUnit",
                    "cycle",
                    "would close a cycle: "
                        + String.join(" → ", path)
                        + " already converts / 换算已存在，形成循环: "
                        + String.join(" → ", path));
              });
    }
    UnitConversion created =
        store.insertConversion(new UnitConversion(null, from, to, factor, materialId, 0));
    store.audit(
        caller,
        "UnitConversion",
        created.id(),
        material == null ? null : material.plantId(),
        AuditTrail.CREATE,
        null,
        conversion(created));
    return created;
  }

  private static Map<String, Object> conversion(UnitConversion c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fromUnit", c.fromUnit());
    m.put("toUnit", c.toUnit());
    m.put("factor", c.factor());
    m.put("materialId", c.materialId());
    return m;
  }

  private UnitOfMeasure checkUnit(Validation v, String field, String code) {
    if (code == null || code.isBlank()) {
      v.add(field, "required", "is required / 必填");
      return null;
    }
    UnitOfMeasure u = store.unit(code).orElse(null);
    if (u == null) {
      v.add(field, "unknown_unit", "no such unit of measure / 计量单位不存在");
    }
    return u;
  }

  public Quantity convert(CallerContext caller, Quantity q, String to, Long materialId) {
    if (materialId != null) {
      getMaterial(caller, materialId);
    }
    Validation v = new Validation();
    checkUnit(v, "from", q.unit());
    checkUnit(v, "to", to);
    v.throwIfInvalid();
    BigDecimal factor =
        new UnitGraph(store.conversions(materialId))
            .factor(q.unit(), to)
            .orElseThrow(
                () ->
                    new ValidationException(
                        "to",
                        "no_conversion",
                        "no conversion from " + q.unit() + " to " + to + " / 无可用的单位换算"));
    return new Quantity(q.value().multiply(factor, UnitGraph.PRECISION).stripTrailingZeros(), to);
  }

  // ---- material groups ----

  public List<MaterialGroup> listGroups(CallerContext caller) {
    return store.groups(caller.readablePlants());
  }

  public MaterialGroup createGroup(CallerContext caller, MaterialGroup in) {
    requireWriter(caller, in.plantId());
    if (in.plantId() != null && !plantExists.test(in.plantId())) {
      throw new NotFoundException("Plant", in.plantId());
    }
    Validation v = new Validation();
    v.code("code", in.code(), 32);
    v.text("name", in.name(), 200);
    v.optionalText("nameEn", in.nameEn(), 200);
    if (in.parentId() != null) {
      MaterialGroup parent = store.findGroup(in.parentId()).orElse(null);
      if (parent == null || (parent.plantId() != null && !parent.plantId().equals(in.plantId()))) {
        v.add("parentId", "unknown_group", "no such material group / 上级物料组不存在");
      }
    }
    long owner = in.plantId() == null ? 0L : in.plantId();
    if (!v.hasErrorFor("code") && store.groupCodeTaken(owner, in.code())) {
      v.add("code", "duplicate", "is already used / 编码已存在");
    }
    v.throwIfInvalid();
    MaterialGroup created =
        store.insertGroup(
            new MaterialGroup(
                null, in.code(), in.name(), in.nameEn(), in.parentId(), in.plantId(), 0));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("code", created.code());
    after.put("name", created.name());
    after.put("parentId", created.parentId());
    store.audit(
        caller, "MaterialGroup", created.id(), created.plantId(), AuditTrail.CREATE, null, after);
    return created;
  }
}
