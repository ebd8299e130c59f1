package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The promise for one {@link CtpLine}, see {@link CtpEngine#promise}.
 *
 * @param lineId the line's id
 * @param materialId the line's material
 * @param quantity the line's quantity
 * @param requested the line's requested date
 * @param promised the promised date: never before {@code requested} nor before {@code today}
 * @param onTime whether {@code promised} is the requested date
 * @param constraints the critical path when the line is not ready on its need date (the requested
 *     date, or today when that is later): the line's material first, then, down the structure, the
 *     component that set each made material's date; empty when the line is ready on its need date.
 *     With a capacity model, an entry whose date the capacity set names its {@link
 *     CtpShortage#bottleneck() bottleneck} work centre. Immutable
 */
public record CtpResult(
    long lineId,
    long materialId,
    double quantity,
    LocalDate requested,
    LocalDate promised,
    boolean onTime,
    List<CtpShortage> constraints) {

  /** Checks the dates and makes the constraints an immutable copy. */
  public CtpResult {
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(promised, "promised");
    constraints = List.copyOf(Objects.requireNonNull(constraints, "constraints"));
  }
}
