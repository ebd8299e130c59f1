package io.tianshu.org;

/** Levels below the group. A unit's parent is one level up (a plant's parent is the group). */
public enum OrgUnitType {
  PLANT,
  WORKSHOP,
  LINE,
  WORK_CENTER;

  /** The type a parent of this type must have; {@code null} for a plant (child of the group). */
  public OrgUnitType parentType() {
    return this == PLANT ? null : values()[ordinal() - 1];
  }
}
