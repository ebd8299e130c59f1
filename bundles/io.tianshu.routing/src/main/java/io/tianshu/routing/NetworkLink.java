package io.tianshu.routing;

/**
 * A link from a predecessor operation to the operation that lists it.
 *
 * <p>{@code overlapPercent} (in [0, 100)) lets the successor start when {@code 100 -
 * overlapPercent} % of the predecessor's run is done instead of the whole lot; {@code lagMinutes}
 * (any sign) shifts that release: a positive lag is a wait (transport, curing), a negative one lets
 * the successor start earlier. With 0 and 0 the link is plain finish-to-start.
 */
public record NetworkLink(int predecessorOpNo, double overlapPercent, double lagMinutes) {

  /** Plain finish-to-start link to {@code predecessorOpNo}. */
  public static NetworkLink after(int predecessorOpNo) {
    return new NetworkLink(predecessorOpNo, 0, 0);
  }

  /**
   * Whether the successor may run alongside the predecessor (overlap above 0 or a negative lag).
   */
  public boolean overlapping() {
    return overlapPercent > 0 || lagMinutes < 0;
  }
}
