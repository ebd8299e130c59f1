package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The kitting (齐套) status of one {@link KitOrder}, see {@link KitEngine#analyse}.
 *
 * @param orderId the order's id
 * @param reference the order's reference
 * @param quantity the order quantity
 * @param needDate the order's need date
 * @param buildableNow how much of the order the stock now allows: the minimum over the components
 *     of allocatedFromStock / quantityPer, capped at the order quantity (exact ratio, may be
 *     fractional; the order quantity when there are no components)
 * @param buildableNowWhole {@code buildableNow} rounded down to a whole number, with a tolerance of
 *     {@link KitEngine#EPSILON} (2.9999999999 counts as 3), for discrete materials
 * @param complete whether the stock now covers every component ({@code shortNow} all 0)
 * @param completeDate the earliest date every component is covered: the analysis date when
 *     complete, else the latest {@link KitComponentResult#coveredDate()}; null if some component is
 *     not covered by the given supplies
 * @param components per component line, in the order of {@link KitOrder#components()}
 */
public record KitResult(
    long orderId,
    String reference,
    double quantity,
    LocalDate needDate,
    double buildableNow,
    long buildableNowWhole,
    boolean complete,
    LocalDate completeDate,
    List<KitComponentResult> components) {

  /** Makes the list of components an immutable copy. */
  public KitResult {
    components = List.copyOf(Objects.requireNonNull(components, "components"));
  }
}
