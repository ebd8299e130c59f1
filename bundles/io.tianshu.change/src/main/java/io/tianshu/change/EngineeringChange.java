package io.tianshu.change;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A change order (ECN/ECO) with its content, breakpoint, the last impact evaluation and, once
 * released, the ids of the BOM and routing versions it created.
 */
public record EngineeringChange(
    Long id,
    Long plantId,
    String number,
    String title,
    String reason,
    ChangeStatus status,
    BreakpointType breakpoint,
    LocalDate effectiveDate,
    String serialFrom,
    BigDecimal transitionQuantity,
    List<BomChange> boms,
    List<RoutingChange> routings,
    List<ImpactItem> impact,
    Instant evaluatedAt,
    String approvedBy,
    Instant releasedAt,
    List<Long> releasedBomIds,
    List<Long> releasedRoutingIds,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
