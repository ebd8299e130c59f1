package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * One edge of a lot trace at {@code level} (1 = next to the starting lot): {@code quantity} of the
 * child lot went into the parent lot by the work order.
 */
public record TraceLink(
    int level,
    long parentMaterialId,
    String parentMaterialCode,
    String parentLot,
    long childMaterialId,
    String childMaterialCode,
    String childLot,
    BigDecimal quantity,
    Long workOrderId,
    String workOrderCode) {}
