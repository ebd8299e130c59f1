package io.tianshu.bom.internal;

import io.tianshu.bom.StoredSubstitutionGroup;
import io.tianshu.core.CallerContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the substitution rules need from storage. */
public interface SubstitutionStore {
  Optional<StoredSubstitutionGroup> find(long id);

  /**
   * Groups owned by the group and by {@code plants} (null: every plant), whose primary holds the
   * component (null: any), by id.
   */
  List<StoredSubstitutionGroup> list(Set<Long> plants, Long componentMaterialId);

  /** Inserts the group (its id and version ignored) and returns it stored. */
  StoredSubstitutionGroup insert(StoredSubstitutionGroup group, String createdBy);

  void delete(long id);

  void audit(
      CallerContext caller,
      Object id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after);
}
