package io.tianshu.org.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.org.OrgUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the org rules need from storage; JPA in the container, a map in unit tests. */
public interface OrgStore {
  Optional<OrgUnit> find(long id);

  Optional<OrgUnit> findPlantByCode(String code);

  /** True when another unit in the scope (0 for plants, else the plant id) has the code. */
  boolean codeTaken(long scope, String code, Long exceptId);

  /** Plants among {@code plantIds} (null: all) matching {@code q}. */
  Page<OrgUnit> listPlants(Set<Long> plantIds, String q, PageRequest page);

  List<OrgUnit> listUnits(long plantId);

  boolean hasChildren(long id);

  /** How many users hold a grant in the plant. */
  long grantCount(long plantId);

  /** Stores a new unit and returns it with its id (and, for a plant, plantId = id). */
  OrgUnit insert(OrgUnit unit);

  /** Stores changed fields and returns the unit with its version incremented. */
  OrgUnit update(OrgUnit unit);

  void delete(long id);

  void audit(CallerContext caller, String action, OrgUnit before, OrgUnit after);
}
