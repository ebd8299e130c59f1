package io.tianshu.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * The genealogy of one serial unit in one direction, level by level, over serial and lot genealogy
 * together: a unit's recorded components (serials and lots), and below a lot the lot genealogy;
 * forward, the units and lots a unit or lot went into. {@code ends} are the units and lots at the
 * ends: for a forward trace the finished serials and lots a recall reaches, for a backward trace
 * the origins with no further genealogy. {@code truncated} is true when the level limit cut it. A
 * forward trace lists the {@code shipments} of every lot it reached and of the lot of every unit it
 * reached (stock is kept by lot), the start unit's included, with the customer.
 */
public record SerialTrace(
    long materialId,
    String serial,
    TraceDirection direction,
    int levels,
    List<Link> links,
    List<Unit> ends,
    boolean truncated,
    List<LotTrace.Shipment> shipments) {

  /**
   * A serial unit ({@code serial} set, {@code lot} the lot it belongs to when it is known) or a lot
   * ({@code serial} null).
   */
  public record Unit(long materialId, String materialCode, String serial, String lot) {}

  /**
   * One edge at {@code level} (1 = next to the starting unit): {@code quantity} of the child went
   * into the parent by the work order.
   */
  public record Link(
      int level,
      Unit parent,
      Unit child,
      BigDecimal quantity,
      Long workOrderId,
      String workOrderCode) {}
}
