package io.tianshu.org;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.util.List;
import java.util.Set;

/** Plants and their units. Reads are filtered by the caller's grants; writes are audited. */
public interface OrgService {
  Set<String> SORTABLE = Set.of("id", "code", "name");

  /** Plants the caller may read; {@code q} matches code or names (case-insensitive). */
  Page<OrgUnit> listPlants(CallerContext caller, String q, PageRequest page);

  /** Any unit by id; not found when the caller may not read its plant. */
  OrgUnit get(CallerContext caller, long id);

  /** The plant with this code, if the caller may read it. */
  OrgUnit getPlantByCode(CallerContext caller, String code);

  /** The units of one plant below the plant itself, ordered by type then code. */
  List<OrgUnit> listUnits(CallerContext caller, long plantId);

  /** Creates a plant (group administrators) or a unit inside a plant (plant administrators). */
  OrgUnit create(CallerContext caller, OrgUnitInput input);

  OrgUnit update(CallerContext caller, long id, OrgUnitInput input);

  /** Deletes a unit that has no children, at the given version. */
  void delete(CallerContext caller, long id, long version);

  /** True when a plant with this id exists (regardless of the caller); for other domains. */
  boolean plantExists(long plantId);
}
