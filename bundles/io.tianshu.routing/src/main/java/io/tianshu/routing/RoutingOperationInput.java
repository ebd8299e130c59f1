package io.tianshu.routing;

import java.math.BigDecimal;
import java.util.List;

/** An operation as written; missing times are zero, outsourced defaults to false. */
public record RoutingOperationInput(
    Integer opNo,
    String description,
    Long workCenterId,
    BigDecimal setupMinutes,
    BigDecimal runMinutes,
    BigDecimal queueMinutes,
    BigDecimal moveMinutes,
    Boolean outsourced,
    List<OperationLink> predecessors,
    List<AlternativeWorkCenter> alternatives) {}
