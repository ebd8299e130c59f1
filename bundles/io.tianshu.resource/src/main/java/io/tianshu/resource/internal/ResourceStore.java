package io.tianshu.resource.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.resource.PlantCalendar;
import io.tianshu.resource.PlantResource;
import io.tianshu.resource.ResourceType;
import io.tianshu.resource.Skill;
import io.tianshu.resource.WorkCenterCapacity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the resource rules need from storage; one instance per transaction. */
public interface ResourceStore {
  Optional<PlantCalendar> findCalendar(long id);

  Page<PlantCalendar> listCalendars(Set<Long> plants, Long plantId, PageRequest page);

  Optional<PlantCalendar> defaultCalendar(long plantId);

  boolean calendarCodeTaken(long plantId, String code, Long exceptId);

  /** Inserts or (id set) updates the calendar, replacing its shifts, days and efficiencies. */
  PlantCalendar saveCalendar(PlantCalendar calendar, String user);

  /** Clears the default flag of the plant's other calendars. */
  void clearDefault(long plantId, long exceptId);

  /** What still refers to the calendar ("2 resources"), or null. */
  String calendarUsers(long id);

  void deleteCalendar(long id);

  Optional<PlantResource> findResource(long id);

  Page<PlantResource> listResources(
      Set<Long> plants, Long plantId, ResourceType type, Long workCenterId, PageRequest page);

  boolean resourceCodeTaken(long plantId, String code, Long exceptId);

  PlantResource saveResource(PlantResource resource, String user);

  void deleteResource(long id);

  Optional<Skill> findSkill(long id);

  Page<Skill> listSkills(Set<Long> plants, Long plantId, PageRequest page);

  boolean skillCodeTaken(long plantId, String code, Long exceptId);

  Skill saveSkill(Skill skill, String user);

  void deleteSkill(long id);

  Optional<WorkCenterCapacity> findCapacity(long workCenterId);

  WorkCenterCapacity saveCapacity(WorkCenterCapacity capacity, boolean exists, String user);

  long countOwnedBy(long plantId);

  void audit(
      CallerContext caller,
      String entity,
      Object id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after);
}
