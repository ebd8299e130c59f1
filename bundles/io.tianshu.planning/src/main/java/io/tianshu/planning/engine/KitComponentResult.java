package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The kitting status of one component of a kit order.
 *
 * <p>{@code required = allocatedFromStock + shortNow} and {@code shortNow = sum of supplies +
 * stillShort} (within {@link KitEngine#EPSILON}).
 *
 * @param materialId the component material
 * @param quantityPer quantity per unit of the order (after merging duplicate lines)
 * @param required order quantity × quantityPer
 * @param allocatedFromStock what the stock now covers
 * @param shortNow {@code required − allocatedFromStock}; 0 when the stock covers it
 * @param supplies the incoming supplies reserved for this component, in the order they arrive
 * @param coveredDate the date the component is fully covered: the analysis date when {@code
 *     shortNow} is 0, else the date of the supply closing the gap; null if the supplies never do
 * @param stillShort what is still missing after all the supplies; 0 when covered
 */
public record KitComponentResult(
    long materialId,
    double quantityPer,
    double required,
    double allocatedFromStock,
    double shortNow,
    List<KitAllocation> supplies,
    LocalDate coveredDate,
    double stillShort) {

  /** Makes the list of supplies an immutable copy. */
  public KitComponentResult {
    supplies = List.copyOf(Objects.requireNonNull(supplies, "supplies"));
  }
}
