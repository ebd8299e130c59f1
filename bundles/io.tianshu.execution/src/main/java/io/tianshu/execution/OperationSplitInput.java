package io.tianshu.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * Splits work in progress of an operation into new parts (工序分割), taken from its unsplit rest or,
 * with {@code fromPart}, from that part. {@code version} is the order's version last read (null:
 * not checked).
 */
public record OperationSplitInput(Long version, Integer fromPart, List<Part> parts) {

  /** One new part: its quantity and where it is dispatched (each may be null). */
  public record Part(BigDecimal quantity, String station, String operator, String shift) {}
}
