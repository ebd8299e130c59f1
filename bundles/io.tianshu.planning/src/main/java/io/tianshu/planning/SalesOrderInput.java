package io.tianshu.planning;

import java.time.LocalDate;

/** A sales order line to add; priority defaults to 100, makeToOrder to false. */
public record SalesOrderInput(
    Long plantId,
    String orderNo,
    Integer lineNo,
    String customer,
    Long materialId,
    LocalDate requestedDate,
    Double quantity,
    Integer priority,
    Boolean makeToOrder) {}
