package io.tianshu.resource;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.time.LocalDate;
import java.util.List;

/** Resources, skills and work-centre capacity: plant-scoped reads, audited writes. */
public interface ResourceService {
  PlantResource createResource(CallerContext caller, PlantResourceInput input);

  PlantResource updateResource(CallerContext caller, long id, PlantResourceInput input);

  PlantResource getResource(CallerContext caller, long id);

  Page<PlantResource> listResources(
      CallerContext caller, Long plantId, ResourceType type, Long workCenterId, PageRequest page);

  void deleteResource(CallerContext caller, long id, long version);

  Skill createSkill(CallerContext caller, SkillInput input);

  Skill updateSkill(CallerContext caller, long id, SkillInput input);

  Skill getSkill(CallerContext caller, long id);

  Page<Skill> listSkills(CallerContext caller, Long plantId, PageRequest page);

  void deleteSkill(CallerContext caller, long id, long version);

  /** Capacity parameters of a work centre; defaults (1 unit, 100 %) when never set. */
  WorkCenterCapacity capacity(CallerContext caller, long workCenterId);

  WorkCenterCapacity setCapacity(
      CallerContext caller, long workCenterId, WorkCenterCapacityInput input);

  /** Available minutes per day in [from, to]. */
  List<CapacityDay> capacityDays(
      CallerContext caller, long workCenterId, LocalDate from, LocalDate to);
}
