package io.tianshu.quality.internal;

import java.time.Duration;
import java.time.Instant;

/** When a started work order is due for its next patrol lot. */
final class PatrolSchedule {
  private PatrolSchedule() {}

  /**
   * Due when the order has no in-process lot yet, or when its newest one is at least the plan's
   * interval old at {@code now}.
   */
  static boolean due(Instant lastLot, int intervalMinutes, Instant now) {
    if (intervalMinutes <= 0) {
      return false;
    }
    return lastLot == null
        || Duration.between(lastLot, now).compareTo(Duration.ofMinutes(intervalMinutes)) >= 0;
  }
}
