package io.tianshu.execution;

import java.util.List;

/**
 * The genealogy of one lot in one direction, level by level. {@code endLots} are the lots at the
 * ends of the trace: for a forward trace the finished lots a recall reaches, for a backward trace
 * the raw lots with no further origin. {@code truncated} is true when the level limit cut it. A
 * forward trace lists the {@code shipments} of every lot it reached, the start lot included.
 */
public record LotTrace(
    long materialId,
    String lot,
    TraceDirection direction,
    int levels,
    List<TraceLink> links,
    List<LotRef> endLots,
    boolean truncated,
    List<Shipment> shipments) {

  /**
   * Stock that left as an ISSUE from a lot the trace reached (forward traces only): with the
   * movement's reference and, when the reference is a sales order, its customer — who a recall
   * reaches.
   */
  public record Shipment(
      long materialId,
      String lot,
      String reference,
      String customer,
      java.math.BigDecimal quantity,
      java.time.Instant at) {}

  /** A material's lot. */
  public record LotRef(long materialId, String materialCode, String lot) {}
}
