package io.tianshu.integration.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which audit rows the relay may deliver now. Ids come from an identity column, and transactions
 * commit out of id order: when row 103 is visible but 102 is not, 102 may still commit. So the
 * relay delivers the unbroken run after its cursor, waits at a gap, and passes the gap only when it
 * has stayed open for {@code gapWait} (its transaction rolled back, or the database skipped ids on
 * a restart). Plain Java: the rules are tested without a database.
 */
final class OutboxWindow {
  private final Duration gapWait;
  private final Map<Long, Instant> gapsSeen = new HashMap<>();

  OutboxWindow(Duration gapWait) {
    this.gapWait = gapWait;
  }

  /**
   * The ids of {@code visible} (ascending, all above {@code cursor}) that may go now, in order: a
   * prefix of {@code visible}.
   */
  List<Long> deliverable(long cursor, List<Long> visible, Instant now) {
    List<Long> out = new ArrayList<>();
    long expected = cursor + 1;
    for (long id : visible) {
      if (id > expected) {
        Instant since = gapsSeen.computeIfAbsent(expected, k -> now);
        if (Duration.between(since, now).compareTo(gapWait) < 0) {
          break; // the missing ids may still commit
        }
      }
      out.add(id);
      expected = id + 1;
    }
    long delivered = out.isEmpty() ? cursor : out.get(out.size() - 1);
    gapsSeen.keySet().removeIf(k -> k <= delivered);
    return out;
  }
}
