package io.tianshu.routing;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.time.LocalDate;

/** Routing versions: plant-scoped reads, audited writes by planners. */
public interface RoutingService {
  Routing create(CallerContext caller, RoutingInput input);

  Routing get(CallerContext caller, long id);

  Page<Routing> list(CallerContext caller, Long plantId, Long materialId, PageRequest page);

  void delete(CallerContext caller, long id, long version);

  /** Ends a version at {@code validTo} (exclusive, earlier than its current end). */
  Routing endVersion(CallerContext caller, long id, LocalDate validTo, long version);

  /** The version of the material's routing in the plant valid at the date. */
  Routing effective(CallerContext caller, long materialId, long plantId, LocalDate date);

  /** Lead time, operation times and critical path of the routing for a quantity. */
  RoutingSchedule schedule(CallerContext caller, long id, double quantity);
}
