package io.tianshu.execution;

import java.util.List;

/**
 * The genealogy of one lot in one direction, level by level. {@code endLots} are the lots at the
 * ends of the trace: for a forward trace the finished lots a recall reaches, for a backward trace
 * the raw lots with no further origin. {@code truncated} is true when the level limit cut it.
 */
public record LotTrace(
    long materialId,
    String lot,
    TraceDirection direction,
    int levels,
    List<TraceLink> links,
    List<LotRef> endLots,
    boolean truncated) {

  /** A material's lot. */
  public record LotRef(long materialId, String materialCode, String lot) {}
}
