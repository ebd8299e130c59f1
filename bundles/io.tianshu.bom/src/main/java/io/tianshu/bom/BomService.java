package io.tianshu.bom;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

  /**
   * Allocates a group BOM version to plants (empty: shared with every plant); group administrators
   * only, {@code version} the version last read.
   */
  Bom allocate(CallerContext caller, long id, List<Long> plantIds, Long version);

  /** Ends a version at {@code validTo} (exclusive, earlier than its current end). */
  Bom endVersion(CallerContext caller, long id, LocalDate validTo, long version);

  /**
   * All components at every level for {@code quantity} of the material at the date, for the end
   * item with {@code serial} (null: no serial, only versions without a serial range apply).
   */
  List<Requirement> summarised(
      CallerContext caller,
      long materialId,
      Long plantId,
      BomView view,
      LocalDate date,
      String serial,
      double quantity);

  List<ExplosionRow> indented(
      CallerContext caller,
      long materialId,
      Long plantId,
      BomView view,
      LocalDate date,
      String serial,
      double quantity,
      int maxRows);

  List<WhereUsed> whereUsed(
      CallerContext caller,
      long materialId,
      Long plantId,
      BomView view,
      LocalDate date,
      String serial,
      boolean multiLevel);

  /**
   * The single-level structure of a plant's BOM set in effect on {@code date} (unranged versions
   * only): parent material id to its lines, for planning runs. The caller must read the plant.
   */
  Map<Long, List<BomLine>> structure(
      CallerContext caller, long plantId, BomView view, LocalDate date);

  /**
   * The co- and by-products of the versions {@link #structure} uses: parent material id to its
   * outputs. The caller must read the plant.
   */
  Map<Long, List<BomOutput>> outputs(
      CallerContext caller, long plantId, BomView view, LocalDate date);
}
