package io.tianshu.integration;

import io.tianshu.core.CallerContext;
import java.util.List;

/**
 * The routes of the server's Camel context. Routes span the whole installation, not one plant, so
 * every operation is for group administrators only (others get {@code ForbiddenException}).
 */
public interface IntegrationService {

  /** Every route, ordered by id, with its state and exchange counters. */
  List<RouteInfo> routes(CallerContext caller);

  /** Every route file in the watched folder, ordered by name, with its load status. */
  List<RouteFile> routeFiles(CallerContext caller);

  /** Starts a stopped route. {@code NotFoundException} for an unknown id. */
  RouteInfo startRoute(CallerContext caller, String routeId);

  /** Stops a route gracefully; its exchanges in flight finish first. */
  RouteInfo stopRoute(CallerContext caller, String routeId);

  /**
   * Loads a route file again now, as an edit would. A file that does not parse or whose routes do
   * not start leaves the routes it had running and is reported FAILED with the reason.
   */
  RouteFile reloadFile(CallerContext caller, String fileName);
}
