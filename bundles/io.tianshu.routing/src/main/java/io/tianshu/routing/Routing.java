package io.tianshu.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A version of how a plant makes a material: its operations and their network, valid from {@code
 * validFrom} until before {@code validTo}. Versions of one material in one plant never overlap.
 */
public record Routing(
    Long id,
    long plantId,
    long materialId,
    String revision,
    String description,
    LocalDate validFrom,
    LocalDate validTo,
    List<RoutingOperation> operations,
    long version,
    Instant createdAt,
    String createdBy) {

  /** True when the version is valid at the date. */
  public boolean validAt(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
  }
}
