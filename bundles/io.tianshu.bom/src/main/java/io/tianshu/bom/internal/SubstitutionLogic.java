package io.tianshu.bom.internal;

import io.tianshu.bom.StoredSubstitutionGroup;
import io.tianshu.bom.Substitute;
import io.tianshu.bom.SubstituteInput;
import io.tianshu.bom.SubstitutePart;
import io.tianshu.bom.SubstitutePartInput;
import io.tianshu.bom.SubstitutionGroupInput;
import io.tianshu.bom.SubstitutionStrategy;
import io.tianshu.bom.Substitutions;
import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.persistence.AuditTrail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of stored substitution groups, free of OSGi and JPA: the checks of {@link
 * Substitutions#of} as field errors (every bad field at once), owners and roles as for BOMs.
 */
public final class SubstitutionLogic {
  static final String ENTITY = "SubstitutionGroup";

  private final SubstitutionStore store;
  private final Materials materials;

  public SubstitutionLogic(SubstitutionStore store, Materials materials) {
    this.store = store;
    this.materials = materials;
  }

  public StoredSubstitutionGroup get(CallerContext caller, long id) {
    return store
        .find(id)
        .filter(g -> g.plantId() == null || caller.canRead(g.plantId()))
        .orElseThrow(() -> new NotFoundException(ENTITY, id));
  }

  public List<StoredSubstitutionGroup> list(
      CallerContext caller, Long componentMaterialId, Long plantId) {
    if (plantId != null && !caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return store.list(
        plantId != null ? Set.of(plantId) : caller.readablePlants(), componentMaterialId);
  }

  public StoredSubstitutionGroup create(CallerContext caller, SubstitutionGroupInput in) {
    if (in.plantId() == null) {
      caller.requireGroupAdmin();
    } else {
      caller.require(in.plantId(), PlantRole.PLANNER, "Plant", in.plantId());
    }
    Validation v = new Validation();
    SubstitutionStrategy strategy = null;
    if (in.strategy() == null || in.strategy().isBlank()) {
      v.add("strategy", "required", "is required / 必填");
    } else {
      try {
        strategy = SubstitutionStrategy.valueOf(in.strategy().trim());
      } catch (IllegalArgumentException e) {
        v.add(
            "strategy",
            "invalid_value",
            "PRIORITY, USE_UP, DATE_EFFECTIVE, DESIGNATED or REPLACEMENT / 替代策略无效");
      }
    }
    if (in.parentMaterialId() != null && !visible(in.parentMaterialId(), in.plantId())) {
      v.add("parentMaterialId", "unknown_material", "no such material here / 物料不存在");
    }
    String customer = blankToNull(in.customer());
    String orderRef = blankToNull(in.orderRef());
    v.optionalText("customer", customer, 64);
    v.optionalText("orderRef", orderRef, 64);
    window(v, "validTo", in.validFrom(), in.validTo());
    if (strategy == SubstitutionStrategy.DESIGNATED && customer == null && orderRef == null) {
      v.add("customer", "required", "DESIGNATED needs a customer or an order / 指定替代须指定客户或订单");
    }
    Set<Long> primaryIds = new HashSet<>();
    List<SubstitutePart> primary =
        parts(v, "primary", in.primary(), in.plantId(), primaryIds, null);
    List<Substitute> substitutes = new ArrayList<>();
    if (in.substitutes() == null || in.substitutes().isEmpty()) {
      v.add("substitutes", "required", "at least one substitute / 至少一组替代料");
    } else {
      for (int i = 0; i < in.substitutes().size(); i++) {
        String path = "substitutes[" + i + "]";
        SubstituteInput s = in.substitutes().get(i);
        if (s == null) {
          v.add(path, "required", "is required / 必填");
          continue;
        }
        window(v, path + ".validTo", s.validFrom(), s.validTo());
        List<SubstitutePart> parts =
            parts(v, path + ".parts", s.parts(), in.plantId(), new HashSet<>(), primaryIds);
        substitutes.add(
            new Substitute(
                s.priority() == null ? i + 1 : s.priority(), parts, s.validFrom(), s.validTo()));
      }
    }
    v.throwIfInvalid();
    StoredSubstitutionGroup candidate =
        new StoredSubstitutionGroup(
            0,
            in.plantId(),
            in.parentMaterialId(),
            strategy,
            customer,
            orderRef,
            in.validFrom(),
            in.validTo(),
            primary,
            substitutes,
            0);
    try {
      // The engine's own check, in case a rule above ever falls behind it.
      Substitutions.of(List.of(candidate.toGroup()));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("primary", "invalid", e.getMessage());
    }
    StoredSubstitutionGroup created = store.insert(candidate, caller.username());
    store.audit(
        caller, created.id(), created.plantId(), AuditTrail.CREATE, null, snapshot(created));
    return created;
  }

  public void delete(CallerContext caller, long id, long version) {
    StoredSubstitutionGroup old = get(caller, id);
    if (old.plantId() == null) {
      caller.requireGroupAdmin();
    } else {
      caller.require(old.plantId(), PlantRole.PLANNER, ENTITY, id);
    }
    if (old.version() != version) {
      throw ConflictException.staleVersion(ENTITY, id, version);
    }
    store.delete(id);
    store.audit(caller, id, old.plantId(), AuditTrail.DELETE, snapshot(old), null);
  }

  /**
   * The groups that apply in a plant's set: the plant's own, and the group's whose primary holds no
   * material a plant group covers (a plant's groups replace the group's for those materials).
   * {@code plantId} null: the group's only.
   */
  public static List<StoredSubstitutionGroup> scope(
      List<StoredSubstitutionGroup> groups, Long plantId) {
    Set<Long> covered = new HashSet<>();
    for (StoredSubstitutionGroup g : groups) {
      if (plantId != null && plantId.equals(g.plantId())) {
        g.primary().forEach(p -> covered.add(p.materialId()));
      }
    }
    List<StoredSubstitutionGroup> result = new ArrayList<>();
    for (StoredSubstitutionGroup g : groups) {
      if (g.plantId() == null
          ? g.primary().stream().noneMatch(p -> covered.contains(p.materialId()))
          : g.plantId().equals(plantId)) {
        result.add(g);
      }
    }
    return result;
  }

  private List<SubstitutePart> parts(
      Validation v,
      String path,
      List<SubstitutePartInput> in,
      Long owner,
      Set<Long> seen,
      Set<Long> primary) {
    List<SubstitutePart> parts = new ArrayList<>();
    if (in == null || in.isEmpty()) {
      v.add(path, "required", "at least one material / 至少一种物料");
      return parts;
    }
    for (int j = 0; j < in.size(); j++) {
      String p = path + "[" + j + "]";
      SubstitutePartInput part = in.get(j);
      if (part == null) {
        v.add(p, "required", "is required / 必填");
        continue;
      }
      boolean ok = true;
      if (part.materialId() == null) {
        v.add(p + ".materialId", "required", "is required / 必填");
        ok = false;
      } else if (!visible(part.materialId(), owner)) {
        v.add(p + ".materialId", "unknown_material", "no such material here / 物料不存在");
        ok = false;
      } else if (primary != null && primary.contains(part.materialId())) {
        v.add(p + ".materialId", "in_primary", "both primary and substitute / 主料与替代料相同");
        ok = false;
      } else if (!seen.add(part.materialId())) {
        v.add(p + ".materialId", "duplicate", "listed twice in the set / 同一组内重复");
        ok = false;
      }
      if (part.quantity() == null || part.quantity().signum() <= 0) {
        v.add(p + ".quantity", "not_positive", "must be greater than zero / 必须大于零");
        ok = false;
      }
      if (ok) {
        parts.add(new SubstitutePart(part.materialId(), part.quantity().doubleValue()));
      }
    }
    return parts;
  }

  /** A group's materials are the group's; a plant's group may use the plant's too. */
  private boolean visible(long materialId, Long owner) {
    return materials
        .find(materialId)
        .map(m -> m.plantId() == null || m.plantId().equals(owner))
        .orElse(false);
  }

  private static void window(Validation v, String field, LocalDate from, LocalDate to) {
    if (from != null && to != null && !to.isAfter(from)) {
      v.add(field, "before_start", "must be after validFrom / 失效日期须晚于生效日期");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static Map<String, Object> snapshot(StoredSubstitutionGroup g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plantId", g.plantId());
    m.put("parentMaterialId", g.parentMaterialId());
    m.put("strategy", g.strategy());
    m.put("customer", g.customer());
    m.put("orderRef", g.orderRef());
    m.put("validFrom", g.validFrom());
    m.put("validTo", g.validTo());
    m.put("primary", parts(g.primary()));
    List<Map<String, Object>> subs = new ArrayList<>();
    for (Substitute s : g.substitutes()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("priority", s.priority());
      sm.put("validFrom", s.validFrom());
      sm.put("validTo", s.validTo());
      sm.put("parts", parts(s.parts()));
      subs.add(sm);
    }
    m.put("substitutes", subs);
    return m;
  }

  private static List<Map<String, Object>> parts(List<SubstitutePart> parts) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (SubstitutePart p : parts) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("materialId", p.materialId());
      pm.put("quantity", p.quantity());
      list.add(pm);
    }
    return list;
  }
}
