package io.tianshu.bom;

import io.tianshu.core.CallerContext;
import java.time.LocalDate;
import java.util.List;

/**
 * Substitution groups (替代料) of the group and the plants, and the options they offer for a component
 * requirement. A plant's groups replace the group's for every material in their primary sets, as a
 * plant BOM replaces the group's BOM of its parent.
 */
public interface SubstitutionService {
  StoredSubstitutionGroup create(CallerContext caller, SubstitutionGroupInput input);

  StoredSubstitutionGroup get(CallerContext caller, long id);

  /**
   * Groups the caller may read, of the group and of {@code plantId} (null: every readable plant),
   * whose primary holds {@code componentMaterialId} (null: any); by id.
   */
  List<StoredSubstitutionGroup> list(CallerContext caller, Long componentMaterialId, Long plantId);

  void delete(CallerContext caller, long id, long version);

  /**
   * The ordered options for {@code quantity} of the component inside {@code parentMaterialId}'s BOM
   * (null: no parent, only groups open to any parent apply) in the plant's set ({@code plantId}
   * null: the component's plant, or the group). USE_UP reads the primary's AVAILABLE stock in the
   * plant (every readable plant when there is none).
   */
  List<SubstitutionOption> options(
      CallerContext caller,
      long componentMaterialId,
      Long parentMaterialId,
      double quantity,
      LocalDate date,
      String customer,
      String orderRef,
      Long plantId);
}
