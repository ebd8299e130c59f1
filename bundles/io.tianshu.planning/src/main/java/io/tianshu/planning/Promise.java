package io.tianshu.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * An order promise: the earliest date {@code quantity} can be delivered without uncovering an open
 * order (discrete ATP with look-ahead against stock, scheduled receipts and the planned orders of
 * the plant's released or firmed MPS/MRP run).
 *
 * @param promisedDate null when the quantity cannot be promised within the supply known
 * @param availableOnRequested what can be promised on the requested date
 * @param runId the plan run whose planned orders counted as supply; null when none
 * @param displaces when the quantity cannot be promised on the requested date: the committed lines
 *     that giving it then anyway would leave short, and by how much (see {@link
 *     io.tianshu.planning.engine.Displacement}); empty otherwise
 */
public record Promise(
    long plantId,
    long materialId,
    double quantity,
    LocalDate requestedDate,
    LocalDate promisedDate,
    double availableOnRequested,
    Long runId,
    List<Bucket> buckets,
    List<io.tianshu.planning.engine.Displacement.Displaced> displaces) {

  /** One ATP bucket. */
  public record Bucket(
      LocalDate date, double supply, double committed, double atp, double cumulativeAtp) {}
}
