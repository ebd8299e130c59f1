package io.tianshu.org.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitInput;
import io.tianshu.org.OrgUnitStatus;
import io.tianshu.org.OrgUnitType;
import io.tianshu.org.PlantDependents;
import io.tianshu.persistence.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The rules of the organisation model, free of OSGi and JPA. One instance per transaction. */
public final class OrgLogic {
  static final String ENTITY = "OrgUnit";

  private final OrgStore store;
  private final Clock clock;
  private final List<PlantDependents> dependents;

  public OrgLogic(OrgStore store, Clock clock, List<PlantDependents> dependents) {
    this.store = store;
    this.clock = clock;
    this.dependents = dependents;
  }

  public Page<OrgUnit> listPlants(CallerContext caller, String q, PageRequest page) {
    return store.listPlants(caller.readablePlants(), q, page);
  }

  public OrgUnit get(CallerContext caller, long id) {
    OrgUnit unit = store.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    if (!caller.canRead(unit.plantId())) {
      throw new NotFoundException(ENTITY, id);
    }
    return unit;
  }

  public OrgUnit getPlantByCode(CallerContext caller, String code) {
    OrgUnit unit =
        store.findPlantByCode(code).orElseThrow(() -> new NotFoundException("Plant", code));
    if (!caller.canRead(unit.plantId())) {
      throw new NotFoundException("Plant", code);
    }
    return unit;
  }

  public List<OrgUnit> listUnits(CallerContext caller, long plantId) {
    OrgUnit plant = get(caller, plantId);
    if (plant.type() != OrgUnitType.PLANT) {
      throw new NotFoundException("Plant", plantId);
    }
    return store.listUnits(plantId);
  }

  public OrgUnit create(CallerContext caller, OrgUnitInput in) {
    Validation v = new Validation();
    v.required("type", in.type());
    validateFields(v, in);
    OrgUnit parent = null;
    if (in.type() == OrgUnitType.PLANT) {
      caller.requireGroupAdmin();
      if (in.parentId() != null) {
        v.add("parentId", "not_allowed", "a plant belongs to the group / 工厂直属集团，不能指定上级");
      }
    } else if (in.type() != null) {
      if (in.parentId() == null) {
        v.add("parentId", "required", "is required / 必填");
      } else {
        parent =
            store
                .find(in.parentId())
                .filter(p -> caller.canRead(p.plantId()))
                .orElseThrow(() -> new NotFoundException(ENTITY, in.parentId()));
        caller.require(parent.plantId(), PlantRole.PLANT_ADMIN, ENTITY, parent.id());
        if (parent.type() != in.type().parentType()) {
          v.add(
              "parentId",
              "wrong_parent_type",
              "a " + in.type() + " belongs to a " + in.type().parentType() + " / 上级类型不正确");
        }
      }
    }
    long scope = parent == null ? 0L : parent.plantId();
    if (!v.hasErrorFor("code") && store.codeTaken(scope, in.code(), null)) {
      v.add("code", "duplicate", "is already used / 编码已存在");
    }
    v.throwIfInvalid();
    Instant now = clock.instant();
    OrgUnit created =
        store.insert(
            new OrgUnit(
                null,
                in.type(),
                in.code(),
                in.name(),
                in.nameEn(),
                parent == null ? null : parent.id(),
                parent == null ? null : parent.plantId(),
                in.status() == null ? OrgUnitStatus.ACTIVE : in.status(),
                0,
                now,
                caller.username(),
                now,
                caller.username()));
    store.audit(caller, AuditTrail.CREATE, null, created);
    return created;
  }

  public OrgUnit update(CallerContext caller, long id, OrgUnitInput in) {
    OrgUnit old = get(caller, id);
    requireAdminOf(caller, old);
    Validation v = new Validation();
    validateFields(v, in);
    v.required("version", in.version());
    if (in.type() != null && in.type() != old.type()) {
      v.add("type", "immutable", "cannot be changed / 不可修改");
    }
    if (in.parentId() != null && !in.parentId().equals(old.parentId())) {
      v.add("parentId", "immutable", "cannot be changed / 不可修改");
    }
    long scope = old.type() == OrgUnitType.PLANT ? 0L : old.plantId();
    if (!v.hasErrorFor("code")
        && !old.code().equals(in.code())
        && store.codeTaken(scope, in.code(), id)) {
      v.add("code", "duplicate", "is already used / 编码已存在");
    }
    v.throwIfInvalid();
    if (in.version() != old.version()) {
      throw ConflictException.staleVersion(ENTITY, id, in.version());
    }
    OrgUnit changed =
        store.update(
            new OrgUnit(
                old.id(),
                old.type(),
                in.code(),
                in.name(),
                in.nameEn(),
                old.parentId(),
                old.plantId(),
                in.status() == null ? old.status() : in.status(),
                old.version(),
                old.createdAt(),
                old.createdBy(),
                clock.instant(),
                caller.username()));
    store.audit(caller, AuditTrail.UPDATE, old, changed);
    return changed;
  }

  public void delete(CallerContext caller, long id, long version) {
    OrgUnit old = get(caller, id);
    requireAdminOf(caller, old);
    if (version != old.version()) {
      throw ConflictException.staleVersion(ENTITY, id, version);
    }
    if (store.hasChildren(id)) {
      throw new ConflictException("The unit still has units below it / 该组织下仍有下级单位");
    }
    if (old.type() == OrgUnitType.PLANT) {
      long grants = store.grantCount(id);
      if (grants > 0) {
        throw new ConflictException(
            "The plant is still granted to "
                + grants
                + " users; revoke their grants first / 该工厂仍授权给 "
                + grants
                + " 个用户，请先撤销");
      }
      for (PlantDependents d : dependents) {
        String use = d.describe(id);
        if (use != null) {
          throw new ConflictException("The plant still holds " + use + " / 该工厂仍有数据: " + use);
        }
      }
    }
    store.delete(id);
    store.audit(caller, AuditTrail.DELETE, old, null);
  }

  /**
   * Units inside a plant are its administrators' business; the plant record itself (a group-wide
   * code) belongs to the group administrators, who also create plants.
   */
  private static void requireAdminOf(CallerContext caller, OrgUnit unit) {
    if (unit.type() == OrgUnitType.PLANT && !Objects.equals(unit.id(), unit.plantId())) {
      throw new IllegalStateException("plant " + unit.id() + " has plantId " + unit.plantId());
    }
    caller.require(unit.plantId(), PlantRole.PLANT_ADMIN, ENTITY, unit.id());
    if (unit.type() == OrgUnitType.PLANT) {
      caller.requireGroupAdmin();
    }
  }

  private static void validateFields(Validation v, OrgUnitInput in) {
    v.code("code", in.code(), 32);
    v.text("name", in.name(), 200);
    v.optionalText("nameEn", in.nameEn(), 200);
  }

  /** The fields an audit row records. */
  public static Map<String, Object> snapshot(OrgUnit u) {
    if (u == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("type", u.type());
    m.put("code", u.code());
    m.put("name", u.name());
    m.put("nameEn", u.nameEn());
    m.put("parentId", u.parentId());
    m.put("plantId", u.plantId());
    m.put("status", u.status());
    m.put("version", u.version());
    return m;
  }
}
