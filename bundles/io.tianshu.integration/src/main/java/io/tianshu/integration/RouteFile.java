package io.tianshu.integration;

import java.time.Instant;
import java.util.List;

/**
 * A route file in the watched folder. {@code LOADED}: its routes run ({@code routeIds}). {@code
 * FAILED}: its last edit did not parse or start, {@code error} says why; the routes of its last
 * good version, if any, still run. {@code loadedAt} is when the last good version was loaded.
 */
public record RouteFile(
    String name,
    Status status,
    List<String> routeIds,
    String error,
    Instant loadedAt,
    Instant failedAt) {

  /** Load status of a route file. */
  public enum Status {
    LOADED,
    FAILED
  }
}
