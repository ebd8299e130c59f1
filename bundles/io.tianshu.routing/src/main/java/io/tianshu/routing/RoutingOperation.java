package io.tianshu.routing;

import java.math.BigDecimal;
import java.util.List;

/**
 * One operation: times in minutes, the run time per unit of the material's base unit; {@code
 * predecessors} empty in every operation of a routing means the classic sequence by number.
 */
public record RoutingOperation(
    int opNo,
    String description,
    long workCenterId,
    BigDecimal setupMinutes,
    BigDecimal runMinutes,
    BigDecimal queueMinutes,
    BigDecimal moveMinutes,
    boolean outsourced,
    List<OperationLink> predecessors,
    List<AlternativeWorkCenter> alternatives) {}
