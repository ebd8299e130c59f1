package io.tianshu.quality.nonconformance;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of allowed moves: OPEN → PROPOSED → APPROVED → EXECUTED → CLOSED, a proposal may be
 * replaced while PROPOSED or sent back to OPEN by the MRB, and an NC is CANCELLED only before
 * approval (after approval the MRB decision stands; after execution stock has moved).
 */
public final class NcLifecycle {
  private static final Map<NcStatus, Map<NcAction, NcStatus>> TABLE = new EnumMap<>(NcStatus.class);

  static {
    for (NcStatus s : NcStatus.values()) {
      TABLE.put(s, new EnumMap<>(NcAction.class));
    }
    TABLE.get(NcStatus.OPEN).put(NcAction.PROPOSE, NcStatus.PROPOSED);
    TABLE.get(NcStatus.OPEN).put(NcAction.CANCEL, NcStatus.CANCELLED);
    TABLE.get(NcStatus.PROPOSED).put(NcAction.PROPOSE, NcStatus.PROPOSED);
    TABLE.get(NcStatus.PROPOSED).put(NcAction.APPROVE, NcStatus.APPROVED);
    TABLE.get(NcStatus.PROPOSED).put(NcAction.REJECT, NcStatus.OPEN);
    TABLE.get(NcStatus.PROPOSED).put(NcAction.CANCEL, NcStatus.CANCELLED);
    TABLE.get(NcStatus.APPROVED).put(NcAction.EXECUTE, NcStatus.EXECUTED);
    TABLE.get(NcStatus.EXECUTED).put(NcAction.CLOSE, NcStatus.CLOSED);
  }

  private NcLifecycle() {}

  /** The status after {@code action}, empty when the action is not allowed in {@code from}. */
  public static Optional<NcStatus> next(NcStatus from, NcAction action) {
    return Optional.ofNullable(TABLE.get(from).get(action));
  }

  /** The status after {@code action}; throws {@link IllegalStateException} when not allowed. */
  public static NcStatus require(NcStatus from, NcAction action) {
    return next(from, action)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    action
                        + " is not allowed in status "
                        + from
                        + " / 不合格品处于 "
                        + from
                        + " 状态，不能执行 "
                        + action));
  }
}
