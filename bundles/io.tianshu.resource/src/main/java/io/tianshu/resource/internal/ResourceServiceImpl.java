package io.tianshu.resource.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.ValidationException;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.PlantDependents;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.Transactions;
import io.tianshu.resource.CalendarDayInfo;
import io.tianshu.resource.CalendarService;
import io.tianshu.resource.CapacityDay;
import io.tianshu.resource.PlantCalendar;
import io.tianshu.resource.PlantCalendarInput;
import io.tianshu.resource.PlantResource;
import io.tianshu.resource.PlantResourceInput;
import io.tianshu.resource.ResourceService;
import io.tianshu.resource.ResourceType;
import io.tianshu.resource.Skill;
import io.tianshu.resource.SkillInput;
import io.tianshu.resource.WorkCalendar;
import io.tianshu.resource.WorkCenterCapacity;
import io.tianshu.resource.WorkCenterCapacityInput;
import io.tianshu.resource.internal.store.JpaResourceStore;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** OSGi adapter around {@link ResourceLogic}; compiled calendars are cached by id and version. */
@Component(service = {CalendarService.class, ResourceService.class, PlantDependents.class})
public class ResourceServiceImpl implements CalendarService, ResourceService, PlantDependents {
  static final int MAX_DAYS = 3700;

  private final JpaTemplate jpa;
  private final OrgService orgs;
  private final Map<Long, Compiled> compiled = new ConcurrentHashMap<>();

  private record Compiled(long version, WorkCalendar calendar) {}

  @Activate
  public ResourceServiceImpl(
      @Reference(target = "(osgi.unit.name=tianshu-resource)") JpaTemplate jpa,
      @Reference Database database,
      @Reference OrgService orgs) {
    this.jpa = jpa;
    this.orgs = orgs;
  }

  // ---- calendars

  @Override
  public PlantCalendar create(CallerContext caller, PlantCalendarInput input) {
    OrgFacts facts = facts(input.plantId());
    return Transactions.write(jpa, em -> logic(em, facts).saveCalendar(caller, null, null, input));
  }

  @Override
  public PlantCalendar update(CallerContext caller, long id, PlantCalendarInput input) {
    OrgFacts facts = facts(input.plantId());
    return Transactions.write(
        jpa, em -> logic(em, facts).saveCalendar(caller, id, input.version(), input));
  }

  @Override
  public PlantCalendar get(CallerContext caller, long id) {
    return Transactions.read(jpa, em -> logic(em, facts()).getCalendar(caller, id));
  }

  @Override
  public Page<PlantCalendar> list(CallerContext caller, Long plantId, PageRequest page) {
    return Transactions.read(jpa, em -> logic(em, facts()).listCalendars(caller, plantId, page));
  }

  @Override
  public void delete(CallerContext caller, long id, long version) {
    Transactions.write(
        jpa,
        em -> {
          logic(em, facts()).deleteCalendar(caller, id, version);
          return null;
        });
    compiled.remove(id);
  }

  @Override
  public PlantCalendar plantDefault(CallerContext caller, long plantId) {
    return Transactions.read(jpa, em -> logic(em, facts()).plantDefault(caller, plantId));
  }

  @Override
  public List<CalendarDayInfo> days(CallerContext caller, long id, LocalDate from, LocalDate to) {
    PlantCalendar calendar = get(caller, id);
    WorkCalendar engine = compile(calendar);
    checkRange(from, to);
    Map<LocalDate, String> notes = new HashMap<>();
    calendar.days().forEach(d -> notes.put(d.date(), d.note()));
    List<CalendarDayInfo> result = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      result.add(
          new CalendarDayInfo(
              d,
              engine.isWorkingDay(d),
              engine.nominalMinutes(d),
              engine.efficiencyPercent(d),
              engine.capacityMinutes(d),
              notes.get(d)));
    }
    return result;
  }

  @Override
  public WorkCalendar workCalendar(CallerContext caller, long id) {
    return compile(get(caller, id));
  }

  private WorkCalendar compile(PlantCalendar c) {
    Compiled hit = compiled.get(c.id());
    if (hit != null && hit.version() == c.version()) {
      return hit.calendar();
    }
    WorkCalendar engine = WorkCalendar.of(c.definition());
    compiled.put(c.id(), new Compiled(c.version(), engine));
    return engine;
  }

  // ---- resources

  @Override
  public PlantResource createResource(CallerContext caller, PlantResourceInput input) {
    OrgFacts facts = facts(input.plantId(), input.workCenterId());
    return Transactions.write(jpa, em -> logic(em, facts).saveResource(caller, null, null, input));
  }

  @Override
  public PlantResource updateResource(CallerContext caller, long id, PlantResourceInput input) {
    OrgFacts facts = facts(input.plantId(), input.workCenterId());
    return Transactions.write(
        jpa, em -> logic(em, facts).saveResource(caller, id, input.version(), input));
  }

  @Override
  public PlantResource getResource(CallerContext caller, long id) {
    return Transactions.read(jpa, em -> logic(em, facts()).getResource(caller, id));
  }

  @Override
  public Page<PlantResource> listResources(
      CallerContext caller, Long plantId, ResourceType type, Long workCenterId, PageRequest page) {
    return Transactions.read(
        jpa, em -> logic(em, facts()).listResources(caller, plantId, type, workCenterId, page));
  }

  @Override
  public void deleteResource(CallerContext caller, long id, long version) {
    Transactions.write(
        jpa,
        em -> {
          logic(em, facts()).deleteResource(caller, id, version);
          return null;
        });
  }

  @Override
  public Skill createSkill(CallerContext caller, SkillInput input) {
    OrgFacts facts = facts(input.plantId());
    return Transactions.write(jpa, em -> logic(em, facts).saveSkill(caller, null, null, input));
  }

  @Override
  public Skill updateSkill(CallerContext caller, long id, SkillInput input) {
    OrgFacts facts = facts(input.plantId());
    return Transactions.write(
        jpa, em -> logic(em, facts).saveSkill(caller, id, input.version(), input));
  }

  @Override
  public Skill getSkill(CallerContext caller, long id) {
    return Transactions.read(jpa, em -> logic(em, facts()).getSkill(caller, id));
  }

  @Override
  public Page<Skill> listSkills(CallerContext caller, Long plantId, PageRequest page) {
    return Transactions.read(jpa, em -> logic(em, facts()).listSkills(caller, plantId, page));
  }

  @Override
  public void deleteSkill(CallerContext caller, long id, long version) {
    Transactions.write(
        jpa,
        em -> {
          logic(em, facts()).deleteSkill(caller, id, version);
          return null;
        });
  }

  // ---- capacity

  @Override
  public WorkCenterCapacity capacity(CallerContext caller, long workCenterId) {
    OrgFacts facts = facts(workCenterId);
    return Transactions.read(jpa, em -> logic(em, facts).capacity(caller, workCenterId));
  }

  @Override
  public WorkCenterCapacity setCapacity(
      CallerContext caller, long workCenterId, WorkCenterCapacityInput input) {
    OrgFacts facts = facts(workCenterId);
    return Transactions.write(jpa, em -> logic(em, facts).setCapacity(caller, workCenterId, input));
  }

  @Override
  public List<CapacityDay> capacityDays(
      CallerContext caller, long workCenterId, LocalDate from, LocalDate to) {
    checkRange(from, to);
    OrgFacts facts = facts(workCenterId);
    record Setting(WorkCenterCapacity capacity, PlantCalendar calendar) {}
    Setting setting =
        Transactions.read(
            jpa,
            em -> {
              ResourceLogic logic = logic(em, facts);
              WorkCenterCapacity c = logic.capacity(caller, workCenterId);
              return new Setting(c, logic.calendarOf(caller, c));
            });
    WorkCenterCapacity capacity = setting.capacity();
    WorkCalendar engine = compile(setting.calendar());
    double factor = capacity.parallelUnits() * capacity.utilisationPercent().doubleValue() / 100;
    List<CapacityDay> result = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      result.add(new CapacityDay(d, engine.capacityMinutes(d) * factor));
    }
    return result;
  }

  @Override
  public String describe(long plantId) {
    long n = Transactions.read(jpa, em -> new JpaResourceStore(em).countOwnedBy(plantId));
    return n == 0 ? null : n + " calendars, resources, skills or capacities";
  }

  private static void checkRange(LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new ValidationException(
          "to", "before_start", "to must not be before from / 结束日期早于开始日期");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new ValidationException(
          "to", "range_too_long", "at most " + MAX_DAYS + " days / 最多 " + MAX_DAYS + " 天");
    }
  }

  /** The organisation units an input names, read before the transaction. */
  private OrgFacts facts(Long... ids) {
    Map<Long, OrgUnit> units = new HashMap<>();
    for (Long id : ids) {
      if (id != null && !units.containsKey(id)) {
        try {
          units.put(id, orgs.get(CallerContext.system(), id));
        } catch (NotFoundException e) {
          // absent: the logic reports it
        }
      }
    }
    return new OrgFacts(units);
  }

  private static ResourceLogic logic(EntityManager em, OrgFacts facts) {
    return new ResourceLogic(new JpaResourceStore(em), facts);
  }
}
