package io.tianshu.routing.internal;

import io.tianshu.org.OrgUnit;
import java.util.Map;
import java.util.Optional;

/**
 * What other domains know, looked up before the transaction: organisation units by id, and the
 * owner plant of materials by id (null value: group-owned; absent key: no such material).
 */
public record Facts(Map<Long, OrgUnit> units, Map<Long, Optional<Long>> materialOwners) {
  public Optional<OrgUnit> unit(Long id) {
    return id == null ? Optional.empty() : Optional.ofNullable(units.get(id));
  }
}
