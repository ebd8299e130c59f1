package io.tianshu.core;

/**
 * What a user may do in one plant. Ordered: each role includes the rights of the ones before it.
 */
public enum PlantRole {
  /** Reads the plant's records. */
  VIEWER,
  /**
   * Everything a viewer does, plus reporting work on the floor (operation reports, material issues,
   * Andon calls); changes no plan or master data.
   */
  OPERATOR,
  /** Reads and changes the plant's business records (materials, plans, orders). */
  PLANNER,
  /** Everything a planner does, plus the plant's organisation and its users' grants. */
  PLANT_ADMIN;

  public boolean includes(PlantRole other) {
    return compareTo(other) >= 0;
  }

  /** Parses a role name case-insensitively; {@code null} when the name is unknown. */
  public static PlantRole parse(String name) {
    if (name == null) {
      return null;
    }
    for (PlantRole role : values()) {
      if (role.name().equalsIgnoreCase(name.trim().replace('-', '_'))) {
        return role;
      }
    }
    return null;
  }
}
