package io.tianshu.bom;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.time.LocalDate;
import java.util.List;

/**
 * BOM versions and the questions asked of them. The BOM set of a plant is the group-owned BOMs plus
 * the plant's own, a plant BOM of a parent replacing the group's BOM of that parent.
 */
public interface BomService {
  Bom create(CallerContext caller, BomInput input);

  Bom get(CallerContext caller, long id);

  Page<Bom> list(
      CallerContext caller, Long parentMaterialId, Long plantId, BomView view, PageRequest page);

  void delete(CallerContext caller, long id, long version);

  /** All components at every level for {@code quantity} of the material at the date. */
  List<Requirement> summarised(
      CallerContext caller,
      long materialId,
      Long plantId,
      BomView view,
      LocalDate date,
      double quantity);

  List<ExplosionRow> indented(
      CallerContext caller,
      long materialId,
      Long plantId,
      BomView view,
      LocalDate date,
      double quantity,
      int maxRows);

  List<WhereUsed> whereUsed(
      CallerContext caller,
      long materialId,
      Long plantId,
      BomView view,
      LocalDate date,
      boolean multiLevel);
}
