package io.tianshu.routing;

import java.time.LocalDate;
import java.util.List;

/** A routing version as written. */
public record RoutingInput(
    Long plantId,
    Long materialId,
    String revision,
    String description,
    LocalDate validFrom,
    LocalDate validTo,
    List<RoutingOperationInput> operations) {}
