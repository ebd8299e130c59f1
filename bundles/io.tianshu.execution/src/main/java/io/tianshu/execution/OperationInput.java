package io.tianshu.execution;

import java.math.BigDecimal;

/**
 * A change to an operation of the order routing, or a new one ({@code seq} required then). Fields
 * left null keep their value (a new operation: no work centre, zero times, not outsourced, the
 * description "Operation seq"). {@code version} is the order's version last read. {@code
 * overlapPercent} (0 to 100, insert only) is the new operation's overlap with the one before it
 * (null: no restriction).
 */
public record OperationInput(
    Integer seq,
    String description,
    Long workCenterId,
    BigDecimal setupMinutes,
    BigDecimal runMinutes,
    Boolean outsourced,
    Long version,
    BigDecimal overlapPercent) {

  /** Without an overlap (the shape before 0.4). */
  public OperationInput(
      Integer seq,
      String description,
      Long workCenterId,
      BigDecimal setupMinutes,
      BigDecimal runMinutes,
      Boolean outsourced,
      Long version) {
    this(seq, description, workCenterId, setupMinutes, runMinutes, outsourced, version, null);
  }
}
