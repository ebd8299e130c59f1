package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The work centre that set a made material's date in a capacity-checked {@link CtpEngine} promise:
 * the operation of its routing that waited longest for remaining capacity, see the class comment of
 * {@link CtpEngine}.
 *
 * <p>The operation started on {@code fullFrom} and finished on {@code finish}; on every day of
 * {@code [fullFrom, finish)} the work centre had less remaining capacity than the operation still
 * needed (it took all there was, possibly nothing): those are the overloaded days. When the work
 * did not fit into the capacity horizon, {@code unplacedMinutes} is the work left over and {@code
 * finish} is the first day after the horizon.
 *
 * @param workCenterId the work centre
 * @param operationSequence the operation's sequence in the routing
 * @param workMinutes the operation's work for the shortfall, setup + run × quantity
 * @param fullFrom the day the operation could start (the first overloaded day)
 * @param finish the day its last minute of work was done, or the first day after the horizon
 * @param unplacedMinutes work that found no capacity within the horizon; 0 when it fitted
 */
public record CtpBottleneck(
    long workCenterId,
    int operationSequence,
    double workMinutes,
    LocalDate fullFrom,
    LocalDate finish,
    double unplacedMinutes) {

  /** Checks the dates and the minutes. */
  public CtpBottleneck {
    Objects.requireNonNull(fullFrom, "fullFrom");
    Objects.requireNonNull(finish, "finish");
    if (!Double.isFinite(workMinutes)
        || workMinutes < 0
        || !Double.isFinite(unplacedMinutes)
        || unplacedMinutes < 0) {
      throw new IllegalArgumentException(
          "CTP bottleneck at work centre "
              + workCenterId
              + ": minutes must be finite and >= 0, were "
              + workMinutes
              + " and "
              + unplacedMinutes
              + " / CTP 瓶颈工作中心 "
              + workCenterId
              + "：分钟数必须为有限非负数，实际为 "
              + workMinutes
              + " 和 "
              + unplacedMinutes);
    }
  }

  /**
   * Whether the operation's work did not fit into the capacity horizon: the promise is then only a
   * lower bound ("not promisable within the horizon").
   *
   * @return {@code unplacedMinutes > 0}
   */
  public boolean beyondHorizon() {
    return unplacedMinutes > 0;
  }
}
