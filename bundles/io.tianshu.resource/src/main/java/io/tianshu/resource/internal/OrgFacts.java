package io.tianshu.resource.internal;

import io.tianshu.org.OrgUnit;
import java.util.Map;
import java.util.Optional;

/** Organisation units looked up before the transaction (org is another domain). */
public record OrgFacts(Map<Long, OrgUnit> units) {
  public Optional<OrgUnit> unit(Long id) {
    return id == null ? Optional.empty() : Optional.ofNullable(units.get(id));
  }
}
