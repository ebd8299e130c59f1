package io.tianshu.resource.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitType;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.resource.CalendarDay;
import io.tianshu.resource.EfficiencyPeriod;
import io.tianshu.resource.PlantCalendar;
import io.tianshu.resource.PlantCalendarInput;
import io.tianshu.resource.PlantResource;
import io.tianshu.resource.PlantResourceInput;
import io.tianshu.resource.ResourceStatus;
import io.tianshu.resource.ResourceType;
import io.tianshu.resource.Shift;
import io.tianshu.resource.Skill;
import io.tianshu.resource.SkillHolder;
import io.tianshu.resource.SkillInput;
import io.tianshu.resource.WorkCalendar;
import io.tianshu.resource.WorkCenterCapacity;
import io.tianshu.resource.WorkCenterCapacityInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The rules of calendars, resources, skills and capacity, free of OSGi and JPA. */
public final class ResourceLogic {
  static final String CALENDAR = "Calendar";
  static final String RESOURCE = "Resource";
  static final String SKILL = "Skill";
  static final String CAPACITY = "WorkCenterCapacity";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ResourceStore store;
  private final OrgFacts org;

  public ResourceLogic(ResourceStore store, OrgFacts org) {
    this.store = store;
    this.org = org;
  }

  // ---- calendars

  public PlantCalendar getCalendar(CallerContext caller, long id) {
    return store
        .findCalendar(id)
        .filter(c -> caller.canRead(c.plantId()))
        .orElseThrow(() -> new NotFoundException(CALENDAR, id));
  }

  public Page<PlantCalendar> listCalendars(CallerContext caller, Long plantId, PageRequest page) {
    checkReadable(caller, plantId);
    return store.listCalendars(caller.readablePlants(), plantId, page);
  }

  public PlantCalendar plantDefault(CallerContext caller, long plantId) {
    checkReadable(caller, plantId);
    return store
        .defaultCalendar(plantId)
        .orElseThrow(() -> new NotFoundException("Default calendar of plant", plantId));
  }

  public PlantCalendar saveCalendar(
      CallerContext caller, Long id, Long version, PlantCalendarInput in) {
    PlantCalendar old = id == null ? null : getCalendar(caller, id);
    long plantId = old != null ? old.plantId() : requirePlant(caller, in.plantId());
    caller.require(plantId, PlantRole.PLANT_ADMIN, CALENDAR, id == null ? plantId : id);
    checkVersion(CALENDAR, id, old == null ? null : old.version(), version);
    Validation v = new Validation();
    if (old != null && in.plantId() != null && in.plantId() != plantId) {
      v.add("plantId", "immutable", "cannot move to another plant / 不能改到其他工厂");
    }
    v.code("code", in.code(), 32).text("name", in.name(), 200);
    List<Shift> shifts = in.shifts() == null ? List.of() : in.shifts();
    for (int i = 0; i < shifts.size(); i++) {
      Shift s = shifts.get(i);
      String p = "shifts[" + i + "]";
      if (s == null) {
        v.add(p, "required", "is required / 必填");
        continue;
      }
      v.code(p + ".code", s.code(), 16)
          .required(p + ".start", s.start())
          .required(p + ".end", s.end());
      if (s.days() == null || s.days().isEmpty()) {
        v.add(p + ".days", "required", "at least one weekday / 至少一个工作日");
      }
    }
    List<CalendarDay> days = in.days() == null ? List.of() : in.days();
    for (int i = 0; i < days.size(); i++) {
      CalendarDay d = days.get(i);
      String p = "days[" + i + "]";
      if (d == null) {
        v.add(p, "required", "is required / 必填");
        continue;
      }
      v.required(p + ".date", d.date()).required(p + ".kind", d.kind());
      v.optionalText(p + ".note", d.note(), 200);
    }
    List<EfficiencyPeriod> effs = in.efficiencies() == null ? List.of() : in.efficiencies();
    for (int i = 0; i < effs.size(); i++) {
      EfficiencyPeriod e = effs.get(i);
      String p = "efficiencies[" + i + "]";
      if (e == null) {
        v.add(p, "required", "is required / 必填");
        continue;
      }
      v.required(p + ".from", e.from()).required(p + ".percent", e.percent());
    }
    if (v.isValid()) {
      // The engine knows the remaining rules (overlapping shifts, duplicate days, ranges).
      try {
        WorkCalendar.of(new io.tianshu.resource.CalendarDefinition(shifts, days, effs));
      } catch (IllegalArgumentException e) {
        v.add("shifts", "invalid_calendar", e.getMessage());
      }
    }
    if (in.code() != null && store.calendarCodeTaken(plantId, in.code(), id)) {
      v.add("code", "duplicate", "code exists in this plant / 编码已存在");
    }
    v.throwIfInvalid();
    boolean isDefault =
        in.plantDefault() != null
            ? in.plantDefault()
            : old != null ? old.plantDefault() : store.defaultCalendar(plantId).isEmpty();
    PlantCalendar saved =
        store.saveCalendar(
            new PlantCalendar(
                id,
                plantId,
                in.code(),
                in.name(),
                isDefault,
                List.copyOf(shifts),
                List.copyOf(days),
                List.copyOf(effs),
                old == null ? 0 : old.version(),
                null,
                null,
                null,
                null),
            caller.username());
    if (isDefault) {
      store.clearDefault(plantId, saved.id());
    }
    store.audit(
        caller,
        CALENDAR,
        saved.id(),
        plantId,
        old == null ? AuditTrail.CREATE : AuditTrail.UPDATE,
        old == null ? null : snapshot(old),
        snapshot(saved));
    return saved;
  }

  public void deleteCalendar(CallerContext caller, long id, long version) {
    PlantCalendar old = getCalendar(caller, id);
    caller.require(old.plantId(), PlantRole.PLANT_ADMIN, CALENDAR, id);
    checkVersion(CALENDAR, id, old.version(), version);
    String users = store.calendarUsers(id);
    if (users != null) {
      throw new ConflictException("Calendar is still used by " + users + " / 日历仍在使用: " + users);
    }
    store.deleteCalendar(id);
    store.audit(caller, CALENDAR, id, old.plantId(), AuditTrail.DELETE, snapshot(old), null);
  }

  // ---- resources

  public PlantResource getResource(CallerContext caller, long id) {
    return store
        .findResource(id)
        .filter(r -> caller.canRead(r.plantId()))
        .orElseThrow(() -> new NotFoundException(RESOURCE, id));
  }

  public Page<PlantResource> listResources(
      CallerContext caller, Long plantId, ResourceType type, Long workCenterId, PageRequest page) {
    checkReadable(caller, plantId);
    return store.listResources(caller.readablePlants(), plantId, type, workCenterId, page);
  }

  public PlantResource saveResource(
      CallerContext caller, Long id, Long version, PlantResourceInput in) {
    PlantResource old = id == null ? null : getResource(caller, id);
    long plantId = old != null ? old.plantId() : requirePlant(caller, in.plantId());
    caller.require(plantId, PlantRole.PLANT_ADMIN, RESOURCE, id == null ? plantId : id);
    checkVersion(RESOURCE, id, old == null ? null : old.version(), version);
    Validation v = new Validation();
    v.code("code", in.code(), 32).text("name", in.name(), 200);
    ResourceType type = parse(v, "type", in.type(), ResourceType.class, ResourceType.MACHINE);
    ResourceStatus status =
        parse(v, "status", in.status(), ResourceStatus.class, ResourceStatus.ACTIVE);
    checkWorkCenter(v, "workCenterId", in.workCenterId(), plantId);
    checkCalendar(v, "calendarId", in.calendarId(), plantId);
    int units = in.units() == null ? 1 : in.units();
    if (units < 1) {
      v.add("units", "not_positive", "at least 1 / 至少为 1");
    }
    if (in.cavities() != null && in.cavities() < 1) {
      v.add("cavities", "not_positive", "at least 1 / 至少为 1");
    }
    if (in.lifeCycles() != null && in.lifeCycles() < 1) {
      v.add("lifeCycles", "not_positive", "at least 1 / 至少为 1");
    }
    if (in.code() != null && store.resourceCodeTaken(plantId, in.code(), id)) {
      v.add("code", "duplicate", "code exists in this plant / 编码已存在");
    }
    v.throwIfInvalid();
    PlantResource saved =
        store.saveResource(
            new PlantResource(
                id,
                plantId,
                in.code(),
                in.name(),
                type,
                status,
                in.workCenterId(),
                in.calendarId(),
                units,
                in.cavities(),
                in.lifeCycles(),
                old == null ? 0 : old.version(),
                null,
                null,
                null,
                null),
            caller.username());
    store.audit(
        caller,
        RESOURCE,
        saved.id(),
        plantId,
        old == null ? AuditTrail.CREATE : AuditTrail.UPDATE,
        old == null ? null : snapshot(old),
        snapshot(saved));
    return saved;
  }

  public void deleteResource(CallerContext caller, long id, long version) {
    PlantResource old = getResource(caller, id);
    caller.require(old.plantId(), PlantRole.PLANT_ADMIN, RESOURCE, id);
    checkVersion(RESOURCE, id, old.version(), version);
    store.deleteResource(id);
    store.audit(caller, RESOURCE, id, old.plantId(), AuditTrail.DELETE, snapshot(old), null);
  }

  // ---- skills

  public Skill getSkill(CallerContext caller, long id) {
    return store
        .findSkill(id)
        .filter(s -> caller.canRead(s.plantId()))
        .orElseThrow(() -> new NotFoundException(SKILL, id));
  }

  public Page<Skill> listSkills(CallerContext caller, Long plantId, PageRequest page) {
    checkReadable(caller, plantId);
    return store.listSkills(caller.readablePlants(), plantId, page);
  }

  public Skill saveSkill(CallerContext caller, Long id, Long version, SkillInput in) {
    Skill old = id == null ? null : getSkill(caller, id);
    long plantId = old != null ? old.plantId() : requirePlant(caller, in.plantId());
    caller.require(plantId, PlantRole.PLANT_ADMIN, SKILL, id == null ? plantId : id);
    checkVersion(SKILL, id, old == null ? null : old.version(), version);
    Validation v = new Validation();
    v.code("code", in.code(), 32).text("name", in.name(), 200);
    List<SkillHolder> holders = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<SkillHolder> given = in.holders() == null ? List.of() : in.holders();
    for (int i = 0; i < given.size(); i++) {
      SkillHolder h = given.get(i);
      String p = "holders[" + i + "]";
      if (h == null) {
        v.add(p, "required", "is required / 必填");
        continue;
      }
      v.text(p + ".username", h.username(), 64);
      int level = h.level() == null ? 1 : h.level();
      if (level < 1 || level > 4) {
        v.add(p + ".level", "out_of_range", "1 to 4 / 须在 1 到 4 之间");
      }
      if (h.username() != null && !seen.add(h.username())) {
        v.add(p + ".username", "duplicate", "listed twice / 重复");
      }
      holders.add(new SkillHolder(h.username(), level, h.validTo()));
    }
    if (in.code() != null && store.skillCodeTaken(plantId, in.code(), id)) {
      v.add("code", "duplicate", "code exists in this plant / 编码已存在");
    }
    v.throwIfInvalid();
    Skill saved =
        store.saveSkill(
            new Skill(
                id,
                plantId,
                in.code(),
                in.name(),
                holders,
                old == null ? 0 : old.version(),
                null,
                null,
                null,
                null),
            caller.username());
    store.audit(
        caller,
        SKILL,
        saved.id(),
        plantId,
        old == null ? AuditTrail.CREATE : AuditTrail.UPDATE,
        old == null ? null : snapshot(old),
        snapshot(saved));
    return saved;
  }

  public void deleteSkill(CallerContext caller, long id, long version) {
    Skill old = getSkill(caller, id);
    caller.require(old.plantId(), PlantRole.PLANT_ADMIN, SKILL, id);
    checkVersion(SKILL, id, old.version(), version);
    store.deleteSkill(id);
    store.audit(caller, SKILL, id, old.plantId(), AuditTrail.DELETE, snapshot(old), null);
  }

  // ---- work-centre capacity

  public WorkCenterCapacity capacity(CallerContext caller, long workCenterId) {
    OrgUnit wc = workCenter(caller, workCenterId);
    return store
        .findCapacity(workCenterId)
        .orElse(new WorkCenterCapacity(workCenterId, wc.plantId(), null, 1, HUNDRED, 0));
  }

  public WorkCenterCapacity setCapacity(
      CallerContext caller, long workCenterId, WorkCenterCapacityInput in) {
    OrgUnit wc = workCenter(caller, workCenterId);
    caller.require(wc.plantId(), PlantRole.PLANT_ADMIN, CAPACITY, workCenterId);
    WorkCenterCapacity old = store.findCapacity(workCenterId).orElse(null);
    if (old != null) {
      checkVersion(CAPACITY, workCenterId, old.version(), in.version());
    }
    Validation v = new Validation();
    checkCalendar(v, "calendarId", in.calendarId(), wc.plantId());
    int units = in.parallelUnits() == null ? 1 : in.parallelUnits();
    if (units < 1) {
      v.add("parallelUnits", "not_positive", "at least 1 / 至少为 1");
    }
    BigDecimal util = in.utilisationPercent() == null ? HUNDRED : in.utilisationPercent();
    if (util.signum() <= 0 || util.compareTo(HUNDRED) > 0) {
      v.add("utilisationPercent", "out_of_range", "above 0, at most 100 / 须大于 0 且不超过 100");
    }
    v.throwIfInvalid();
    WorkCenterCapacity saved =
        store.saveCapacity(
            new WorkCenterCapacity(
                workCenterId,
                wc.plantId(),
                in.calendarId(),
                units,
                util,
                old == null ? 0 : old.version()),
            old != null,
            caller.username());
    store.audit(
        caller,
        CAPACITY,
        workCenterId,
        wc.plantId(),
        old == null ? AuditTrail.CREATE : AuditTrail.UPDATE,
        old == null ? null : snapshot(old),
        snapshot(saved));
    return saved;
  }

  /** The calendar a work centre runs on: its own, else the plant default. */
  public PlantCalendar calendarOf(CallerContext caller, WorkCenterCapacity capacity) {
    if (capacity.calendarId() != null) {
      return getCalendar(caller, capacity.calendarId());
    }
    return plantDefault(caller, capacity.plantId());
  }

  // ---- helpers

  private OrgUnit workCenter(CallerContext caller, long id) {
    OrgUnit wc =
        org.unit(id)
            .filter(u -> u.type() == OrgUnitType.WORK_CENTER && caller.canRead(u.plantId()))
            .orElseThrow(() -> new NotFoundException("Work centre", id));
    return wc;
  }

  private long requirePlant(CallerContext caller, Long plantId) {
    if (plantId == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    OrgUnit plant = org.unit(plantId).filter(u -> u.type() == OrgUnitType.PLANT).orElse(null);
    if (plant == null || !caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return plantId;
  }

  private void checkWorkCenter(Validation v, String field, Long id, long plantId) {
    if (id != null
        && org.unit(id)
            .filter(u -> u.type() == OrgUnitType.WORK_CENTER && u.plantId() == plantId)
            .isEmpty()) {
      v.add(field, "unknown_work_center", "no such work centre in this plant / 本工厂无此工作中心");
    }
  }

  private void checkCalendar(Validation v, String field, Long id, long plantId) {
    if (id != null && store.findCalendar(id).filter(c -> c.plantId() == plantId).isEmpty()) {
      v.add(field, "unknown_calendar", "no such calendar in this plant / 本工厂无此日历");
    }
  }

  private static void checkReadable(CallerContext caller, Long plantId) {
    if (plantId != null && !caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
  }

  private static void checkVersion(String entity, Long id, Long actual, Long expected) {
    if (id == null) {
      return;
    }
    if (expected == null) {
      throw new ValidationException("version", "required", "is required / 必填");
    }
    if (!expected.equals(actual)) {
      throw ConflictException.staleVersion(entity, id, expected);
    }
  }

  static <E extends Enum<E>> E parse(
      Validation v, String field, String value, Class<E> type, E fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      v.add(field, "invalid_value", "unknown value / 取值无效");
      return fallback;
    }
  }

  static Map<String, Object> snapshot(PlantCalendar c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", c.code());
    m.put("name", c.name());
    m.put("plantDefault", c.plantDefault());
    m.put("shifts", c.shifts().size());
    m.put("days", c.days().size());
    m.put("efficiencies", c.efficiencies().size());
    return m;
  }

  static Map<String, Object> snapshot(PlantResource r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", r.code());
    m.put("name", r.name());
    m.put("type", r.type());
    m.put("status", r.status());
    m.put("workCenterId", r.workCenterId());
    m.put("calendarId", r.calendarId());
    m.put("units", r.units());
    return m;
  }

  static Map<String, Object> snapshot(Skill s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", s.code());
    m.put("name", s.name());
    m.put("holders", s.holders().stream().map(SkillHolder::username).toList());
    return m;
  }

  static Map<String, Object> snapshot(WorkCenterCapacity c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("calendarId", c.calendarId());
    m.put("parallelUnits", c.parallelUnits());
    m.put("utilisationPercent", c.utilisationPercent());
    return m;
  }
}
