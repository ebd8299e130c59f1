package io.tianshu.bom.internal;

import io.tianshu.bom.BomEngine;
import io.tianshu.bom.SubstitutionGroup;
import io.tianshu.bom.Substitutions;
import io.tianshu.bom.WhereUsed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which substitution groups may apply to a component of an explosion, resolved after the engine has
 * exploded (the engine knows nothing of substitutions). A summarised explosion has no customer or
 * order, so only unscoped groups count; a group tied to a parent counts when that parent uses the
 * component in this explosion at the date.
 */
final class Alternatives {
  private Alternatives() {}

  static List<Long> groupIds(
      BomEngine engine,
      Substitutions substitutions,
      Set<Long> reached,
      long component,
      LocalDate date,
      String serial) {
    List<Long> ids = new ArrayList<>();
    List<Long> parents = null;
    for (SubstitutionGroup g : substitutions.groupsFor(component)) {
      if (!g.validAt(date) || g.customer() != null || g.orderRef() != null) {
        continue;
      }
      if (g.parentMaterialId() != null) {
        if (parents == null) {
          parents = new ArrayList<>();
          for (WhereUsed w : engine.whereUsed(component, date, serial, false)) {
            if (reached.contains(w.parentId())) {
              parents.add(w.parentId());
            }
          }
        }
        if (!parents.contains(g.parentMaterialId())) {
          continue;
        }
      }
      ids.add(g.id());
    }
    return ids;
  }
}
