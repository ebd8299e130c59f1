package io.tianshu.core;

import java.security.Principal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling and what they may see. Every domain service takes one; adapters (REST, console,
 * integration) build it from the authenticated subject.
 *
 * <p>A group administrator sees and changes every plant and the group-owned master data; every
 * other user sees only the plants they hold a grant for. A record in a plant the caller cannot read
 * is reported as not found, so that its existence does not leak.
 */
public final class CallerContext implements Principal {

  private final String username;
  private final boolean groupAdmin;
  private final Map<Long, PlantRole> grants;

  public CallerContext(String username, boolean groupAdmin, Map<Long, PlantRole> grants) {
    this.username = Objects.requireNonNull(username, "username");
    this.groupAdmin = groupAdmin;
    this.grants = Map.copyOf(grants);
  }

  /** The platform itself (migrations, demo data, bootstrap): a group administrator. */
  public static CallerContext system() {
    return new CallerContext("system", true, Map.of());
  }

  public String username() {
    return username;
  }

  @Override
  public String getName() {
    return username;
  }

  public boolean isGroupAdmin() {
    return groupAdmin;
  }

  public Map<Long, PlantRole> grants() {
    return grants;
  }

  /** True when the caller holds at least {@code role} in the plant. */
  public boolean has(long plantId, PlantRole role) {
    if (groupAdmin) {
      return true;
    }
    PlantRole granted = grants.get(plantId);
    return granted != null && granted.includes(role);
  }

  public boolean canRead(long plantId) {
    return has(plantId, PlantRole.VIEWER);
  }

  /** Plants the caller may read; {@code null} means all of them (group administrator). */
  public Set<Long> readablePlants() {
    return groupAdmin ? null : grants.keySet();
  }

  /** Plants in which the caller holds at least {@code role}; {@code null} means all. */
  public Set<Long> plantsWith(PlantRole role) {
    if (groupAdmin) {
      return null;
    }
    return grants.entrySet().stream()
        .filter(e -> e.getValue().includes(role))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Throws {@link NotFoundException} when the caller cannot read the plant, and {@link
   * ForbiddenException} when they can read but lack {@code role}.
   */
  public void require(long plantId, PlantRole role, String entity, Object id) {
    if (!canRead(plantId)) {
      throw new NotFoundException(entity, id);
    }
    if (!has(plantId, role)) {
      throw new ForbiddenException(
          "Role " + role + " in this plant is required / 需要该工厂的 " + role + " 角色");
    }
  }

  /** Only a group administrator may change group-owned data and create plants. */
  public void requireGroupAdmin() {
    if (!groupAdmin) {
      throw new ForbiddenException("Group administrator required / 需要集团管理员权限");
    }
  }

  @Override
  public String toString() {
    return "CallerContext[" + username + (groupAdmin ? ", group admin" : ", " + grants) + "]";
  }
}
