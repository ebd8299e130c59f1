package io.tianshu.routing.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.routing.Routing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the routing rules need from storage; one instance per transaction. */
public interface RoutingStore {
  Optional<Routing> find(long id);

  Page<Routing> list(Set<Long> plants, Long plantId, Long materialId, PageRequest page);

  /** Every version of the material's routing in the plant. */
  List<Routing> versions(long plantId, long materialId);

  /** Serialises routing changes of one plant until the transaction ends. */
  void lockPlant(long plantId);

  Routing insert(Routing routing, String user);

  void delete(long id);

  /** Sets the version's end date and bumps its version. */
  Routing endVersion(long id, java.time.LocalDate validTo);

  long countOwnedBy(long plantId);

  void audit(
      CallerContext caller,
      Object id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after);
}
