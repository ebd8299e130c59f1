package io.tianshu.bom.internal;

import io.tianshu.bom.Bom;
import io.tianshu.bom.BomView;
import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the BOM rules need from storage. */
public interface BomStore {
  Optional<Bom> find(long id);

  /** BOMs of the readable plants ({@code plants} null: all) and the group, filtered. */
  Page<Bom> list(Set<Long> plants, Long parentId, Long plantId, BomView view, PageRequest page);

  /** Every version of the view owned by the group, and by {@code plantId} when not null. */
  List<Bom> versions(BomView view, Long plantId);

  /**
   * Every version of the view, whoever owns it, for the set checks (outputs may be left out: the
   * checks do not read them).
   */
  List<Bom> allVersions(BomView view);

  /**
   * Locks the view until the transaction ends: BOM changes of one view run one at a time, so that
   * each is checked against everything committed before it.
   */
  void lockView(BomView view);

  Bom insert(Bom bom, String createdBy);

  /** Replaces the version's allocation and bumps its optimistic-lock version; the BOM after. */
  Bom allocate(long id, List<Long> plantIds);

  /** Sets the version's end date and bumps its version. */
  Bom endVersion(long id, java.time.LocalDate validTo);

  long countOwnedBy(long plantId);

  void delete(long id);

  void audit(
      CallerContext caller,
      Object id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after);
}
