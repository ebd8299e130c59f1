package io.tianshu.resource.internal.store;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Transactions;
import io.tianshu.resource.CalendarDay;
import io.tianshu.resource.DayKind;
import io.tianshu.resource.EfficiencyPeriod;
import io.tianshu.resource.PlantCalendar;
import io.tianshu.resource.PlantResource;
import io.tianshu.resource.ResourceStatus;
import io.tianshu.resource.ResourceType;
import io.tianshu.resource.Shift;
import io.tianshu.resource.Skill;
import io.tianshu.resource.SkillHolder;
import io.tianshu.resource.WorkCenterCapacity;
import io.tianshu.resource.internal.ResourceStore;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.Query;

/**
 * {@link ResourceStore} on the caller's EntityManager. Child rows (shifts, days, efficiencies,
 * skill holders) are plain tables written with native SQL; a NULL of a non-text column is written
 * as a literal, since PostgreSQL refuses an untyped NULL parameter for DATE columns.
 */
public final class JpaResourceStore implements ResourceStore {
  private final EntityManager em;

  public JpaResourceStore(EntityManager em) {
    this.em = em;
  }

  // ---- calendars

  @Override
  public Optional<PlantCalendar> findCalendar(long id) {
    WorkCalendarEntity e = em.find(WorkCalendarEntity.class, id);
    return e == null ? Optional.empty() : Optional.of(toCalendar(e));
  }

  @Override
  public Page<PlantCalendar> listCalendars(Set<Long> plants, Long plantId, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = plantWhere(plants, plantId, params);
    if (where == null) {
      return new Page<>(List.of(), page.offset(), page.limit(), 0);
    }
    return Transactions.page(
        em, WorkCalendarEntity.class, "c", where, params, page, this::toCalendar);
  }

  @Override
  public Optional<PlantCalendar> defaultCalendar(long plantId) {
    return em
        .createQuery(
            "SELECT c FROM WorkCalendarEntity c WHERE c.plantId = :p AND c.plantDefault = :t",
            WorkCalendarEntity.class)
        .setParameter("p", plantId)
        .setParameter("t", true)
        .getResultList()
        .stream()
        .findFirst()
        .map(this::toCalendar);
  }

  @Override
  public boolean calendarCodeTaken(long plantId, String code, Long exceptId) {
    return taken("WorkCalendarEntity", plantId, code, exceptId);
  }

  @Override
  public PlantCalendar saveCalendar(PlantCalendar c, String user) {
    Timestamp now = Timestamp.from(Instant.now());
    WorkCalendarEntity e;
    if (c.id() == null) {
      e = new WorkCalendarEntity();
      e.plantId = c.plantId();
      e.createdAt = now;
      e.createdBy = user;
    } else {
      e = em.find(WorkCalendarEntity.class, c.id());
      delete("calendar_shift", "calendar_id", e.id);
      delete("calendar_day", "calendar_id", e.id);
      delete("calendar_efficiency", "calendar_id", e.id);
    }
    e.code = c.code();
    e.name = c.name();
    e.plantDefault = c.plantDefault();
    e.updatedAt = now;
    e.updatedBy = user;
    if (c.id() == null) {
      em.persist(e);
    }
    em.flush();
    int seq = 0;
    for (Shift s : c.shifts()) {
      native_(
              "INSERT INTO calendar_shift (calendar_id, seq, code, start_minute, end_minute,"
                  + " break_minutes, weekdays) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .setParameter(1, e.id)
          .setParameter(2, ++seq)
          .setParameter(3, s.code())
          .setParameter(4, minutes(s.start()))
          .setParameter(5, minutes(s.end()))
          .setParameter(6, s.breakMinutes())
          .setParameter(7, mask(s.days()))
          .executeUpdate();
    }
    for (CalendarDay d : c.days()) {
      native_(
              "INSERT INTO calendar_day (calendar_id, day_date, day_kind, works_like, note)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .setParameter(1, e.id)
          .setParameter(2, Date.valueOf(d.date()))
          .setParameter(3, d.kind().name())
          .setParameter(4, d.worksLike() == null ? null : d.worksLike().name())
          .setParameter(5, d.note())
          .executeUpdate();
    }
    seq = 0;
    for (EfficiencyPeriod p : c.efficiencies()) {
      Query insert =
          native_(
                  "INSERT INTO calendar_efficiency (calendar_id, seq, from_date,"
                      + " efficiency_percent, to_date) VALUES (?, ?, ?, ?, "
                      + (p.to() == null ? "NULL" : "?")
                      + ")")
              .setParameter(1, e.id)
              .setParameter(2, ++seq)
              .setParameter(3, Date.valueOf(p.from()))
              .setParameter(4, p.percent());
      if (p.to() != null) {
        insert.setParameter(5, Date.valueOf(p.to()));
      }
      insert.executeUpdate();
    }
    em.flush();
    return toCalendar(e);
  }

  @Override
  public void clearDefault(long plantId, long exceptId) {
    for (WorkCalendarEntity e :
        em.createQuery(
                "SELECT c FROM WorkCalendarEntity c WHERE c.plantId = :p AND c.id <> :id"
                    + " AND c.plantDefault = :t",
                WorkCalendarEntity.class)
            .setParameter("p", plantId)
            .setParameter("t", true)
            .setParameter("id", exceptId)
            .getResultList()) {
      e.plantDefault = false;
    }
    em.flush();
  }

  @Override
  public String calendarUsers(long id) {
    long resources =
        count("SELECT COUNT(r) FROM PlantResourceEntity r WHERE r.calendarId = :id", id);
    long centres =
        count("SELECT COUNT(w) FROM WorkCenterCapacityEntity w WHERE w.calendarId = :id", id);
    if (resources + centres == 0) {
      return null;
    }
    return resources + " resources, " + centres + " work centres";
  }

  @Override
  public void deleteCalendar(long id) {
    delete("calendar_shift", "calendar_id", id);
    delete("calendar_day", "calendar_id", id);
    delete("calendar_efficiency", "calendar_id", id);
    em.remove(em.find(WorkCalendarEntity.class, id));
    em.flush();
  }

  private PlantCalendar toCalendar(WorkCalendarEntity e) {
    List<Shift> shifts = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT code, start_minute, end_minute, break_minutes, weekdays FROM calendar_shift"
                + " WHERE calendar_id = ? ORDER BY seq",
            e.id)) {
      shifts.add(
          new Shift((String) r[0], time(num(r[1])), time(num(r[2])), num(r[3]), days(num(r[4]))));
    }
    List<CalendarDay> days = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT day_date, day_kind, works_like, note FROM calendar_day WHERE calendar_id = ?"
                + " ORDER BY day_date",
            e.id)) {
      days.add(
          new CalendarDay(
              ((Date) r[0]).toLocalDate(),
              DayKind.valueOf((String) r[1]),
              r[2] == null ? null : DayOfWeek.valueOf((String) r[2]),
              (String) r[3]));
    }
    List<EfficiencyPeriod> effs = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT from_date, to_date, efficiency_percent FROM calendar_efficiency"
                + " WHERE calendar_id = ? ORDER BY seq",
            e.id)) {
      effs.add(
          new EfficiencyPeriod(
              ((Date) r[0]).toLocalDate(),
              r[1] == null ? null : ((Date) r[1]).toLocalDate(),
              ((BigDecimal) r[2]).stripTrailingZeros()));
    }
    return new PlantCalendar(
        e.id,
        e.plantId,
        e.code,
        e.name,
        e.plantDefault,
        shifts,
        days,
        effs,
        e.version,
        e.createdAt.toInstant(),
        e.createdBy,
        e.updatedAt.toInstant(),
        e.updatedBy);
  }

  // ---- resources

  @Override
  public Optional<PlantResource> findResource(long id) {
    return Optional.ofNullable(em.find(PlantResourceEntity.class, id))
        .map(JpaResourceStore::toResource);
  }

  @Override
  public Page<PlantResource> listResources(
      Set<Long> plants, Long plantId, ResourceType type, Long workCenterId, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = plantWhere(plants, plantId, params);
    if (where == null) {
      return new Page<>(List.of(), page.offset(), page.limit(), 0);
    }
    if (type != null) {
      where += " AND c.type = :type";
      params.put("type", type.name());
    }
    if (workCenterId != null) {
      where += " AND c.workCenterId = :wc";
      params.put("wc", workCenterId);
    }
    return Transactions.page(
        em, PlantResourceEntity.class, "c", where, params, page, JpaResourceStore::toResource);
  }

  @Override
  public boolean resourceCodeTaken(long plantId, String code, Long exceptId) {
    return taken("PlantResourceEntity", plantId, code, exceptId);
  }

  @Override
  public PlantResource saveResource(PlantResource r, String user) {
    Timestamp now = Timestamp.from(Instant.now());
    PlantResourceEntity e;
    if (r.id() == null) {
      e = new PlantResourceEntity();
      e.plantId = r.plantId();
      e.createdAt = now;
      e.createdBy = user;
    } else {
      e = em.find(PlantResourceEntity.class, r.id());
    }
    e.code = r.code();
    e.name = r.name();
    e.type = r.type().name();
    e.status = r.status().name();
    e.workCenterId = r.workCenterId();
    e.calendarId = r.calendarId();
    e.units = r.units();
    e.cavities = r.cavities();
    e.lifeCycles = r.lifeCycles();
    e.updatedAt = now;
    e.updatedBy = user;
    if (r.id() == null) {
      em.persist(e);
    }
    em.flush();
    return toResource(e);
  }

  @Override
  public void deleteResource(long id) {
    em.remove(em.find(PlantResourceEntity.class, id));
    em.flush();
  }

  private static PlantResource toResource(PlantResourceEntity e) {
    return new PlantResource(
        e.id,
        e.plantId,
        e.code,
        e.name,
        ResourceType.valueOf(e.type),
        ResourceStatus.valueOf(e.status),
        e.workCenterId,
        e.calendarId,
        e.units,
        e.cavities,
        e.lifeCycles,
        e.version,
        e.createdAt.toInstant(),
        e.createdBy,
        e.updatedAt.toInstant(),
        e.updatedBy);
  }

  // ---- skills

  @Override
  public Optional<Skill> findSkill(long id) {
    return Optional.ofNullable(em.find(SkillEntity.class, id)).map(this::toSkill);
  }

  @Override
  public Page<Skill> listSkills(Set<Long> plants, Long plantId, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = plantWhere(plants, plantId, params);
    if (where == null) {
      return new Page<>(List.of(), page.offset(), page.limit(), 0);
    }
    return Transactions.page(em, SkillEntity.class, "c", where, params, page, this::toSkill);
  }

  @Override
  public boolean skillCodeTaken(long plantId, String code, Long exceptId) {
    return taken("SkillEntity", plantId, code, exceptId);
  }

  @Override
  public Skill saveSkill(Skill s, String user) {
    Timestamp now = Timestamp.from(Instant.now());
    SkillEntity e;
    if (s.id() == null) {
      e = new SkillEntity();
      e.plantId = s.plantId();
      e.createdAt = now;
      e.createdBy = user;
    } else {
      e = em.find(SkillEntity.class, s.id());
      delete("skill_holder", "skill_id", e.id);
    }
    e.code = s.code();
    e.name = s.name();
    e.updatedAt = now;
    e.updatedBy = user;
    if (s.id() == null) {
      em.persist(e);
    }
    em.flush();
    for (SkillHolder h : s.holders()) {
      Query insert =
          native_(
                  "INSERT INTO skill_holder (skill_id, username, skill_level, valid_to) VALUES (?,"
                      + " ?, ?, "
                      + (h.validTo() == null ? "NULL" : "?")
                      + ")")
              .setParameter(1, e.id)
              .setParameter(2, h.username())
              .setParameter(3, h.level());
      if (h.validTo() != null) {
        insert.setParameter(4, Date.valueOf(h.validTo()));
      }
      insert.executeUpdate();
    }
    em.flush();
    return toSkill(e);
  }

  @Override
  public void deleteSkill(long id) {
    delete("skill_holder", "skill_id", id);
    em.remove(em.find(SkillEntity.class, id));
    em.flush();
  }

  private Skill toSkill(SkillEntity e) {
    List<SkillHolder> holders = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT username, skill_level, valid_to FROM skill_holder WHERE skill_id = ?"
                + " ORDER BY username",
            e.id)) {
      holders.add(
          new SkillHolder(
              (String) r[0], num(r[1]), r[2] == null ? null : ((Date) r[2]).toLocalDate()));
    }
    return new Skill(
        e.id,
        e.plantId,
        e.code,
        e.name,
        holders,
        e.version,
        e.createdAt.toInstant(),
        e.createdBy,
        e.updatedAt.toInstant(),
        e.updatedBy);
  }

  // ---- capacity

  @Override
  public Optional<WorkCenterCapacity> findCapacity(long workCenterId) {
    return Optional.ofNullable(em.find(WorkCenterCapacityEntity.class, workCenterId))
        .map(JpaResourceStore::toCapacity);
  }

  @Override
  public WorkCenterCapacity saveCapacity(WorkCenterCapacity c, boolean exists, String user) {
    WorkCenterCapacityEntity e =
        exists ? em.find(WorkCenterCapacityEntity.class, c.workCenterId()) : null;
    if (e == null) {
      e = new WorkCenterCapacityEntity();
      e.workCenterId = c.workCenterId();
      e.plantId = c.plantId();
    }
    e.calendarId = c.calendarId();
    e.parallelUnits = c.parallelUnits();
    e.utilisationPercent = c.utilisationPercent();
    e.updatedAt = Timestamp.from(Instant.now());
    e.updatedBy = user;
    if (!exists) {
      em.persist(e);
    }
    em.flush();
    return toCapacity(e);
  }

  private static WorkCenterCapacity toCapacity(WorkCenterCapacityEntity e) {
    return new WorkCenterCapacity(
        e.workCenterId,
        e.plantId,
        e.calendarId,
        e.parallelUnits,
        e.utilisationPercent.stripTrailingZeros(),
        e.version);
  }

  @Override
  public long countOwnedBy(long plantId) {
    return count("SELECT COUNT(c) FROM WorkCalendarEntity c WHERE c.plantId = :id", plantId)
        + count("SELECT COUNT(c) FROM PlantResourceEntity c WHERE c.plantId = :id", plantId)
        + count("SELECT COUNT(c) FROM SkillEntity c WHERE c.plantId = :id", plantId)
        + count("SELECT COUNT(c) FROM WorkCenterCapacityEntity c WHERE c.plantId = :id", plantId);
  }

  @Override
  public void audit(
      CallerContext caller,
      String entity,
      Object id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after) {
    AuditTrail.write(em, caller, entity, id, plantId, action, before, after);
  }

  // ---- helpers

  /** The WHERE of a plant-scoped list, or null when the caller can read no plant at all. */
  private static String plantWhere(Set<Long> plants, Long plantId, Map<String, Object> params) {
    if (plantId != null) {
      params.put("plant", plantId);
      return " WHERE c.plantId = :plant";
    }
    if (plants == null) {
      return " WHERE 1 = 1";
    }
    if (plants.isEmpty()) {
      return null;
    }
    params.put("plants", List.copyOf(plants));
    return " WHERE c.plantId IN :plants";
  }

  private boolean taken(String entity, long plantId, String code, Long exceptId) {
    return em.createQuery(
                "SELECT COUNT(c) FROM "
                    + entity
                    + " c WHERE c.plantId = :p AND c.code = :code AND c.id <> :id",
                Long.class)
            .setParameter("p", plantId)
            .setParameter("code", code)
            .setParameter("id", exceptId == null ? -1L : exceptId)
            .getSingleResult()
        > 0;
  }

  private long count(String jpql, long id) {
    return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
  }

  private Query native_(String sql) {
    return em.createNativeQuery(sql);
  }

  private void delete(String table, String column, long id) {
    native_("DELETE FROM " + table + " WHERE " + column + " = ?")
        .setParameter(1, id)
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, long id) {
    return native_(sql).setParameter(1, id).getResultList();
  }

  private static int num(Object o) {
    return ((Number) o).intValue();
  }

  private static int minutes(LocalTime t) {
    return t.getHour() * 60 + t.getMinute();
  }

  private static LocalTime time(int minutes) {
    return LocalTime.of(minutes / 60, minutes % 60);
  }

  private static int mask(Set<DayOfWeek> days) {
    int m = 0;
    for (DayOfWeek d : days) {
      m |= 1 << (d.getValue() - 1);
    }
    return m;
  }

  private static Set<DayOfWeek> days(int mask) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if ((mask & (1 << (d.getValue() - 1))) != 0) {
        days.add(d);
      }
    }
    return days;
  }
}
