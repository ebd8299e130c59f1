package io.tianshu.change;

import io.tianshu.routing.RoutingOperationInput;
import java.util.List;

/** A new routing version of a material in the change's plant. */
public record RoutingChange(
    Long materialId,
    String newRevision,
    String description,
    List<RoutingOperationInput> operations) {}
