package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxWindowTest {
  private final Instant t0 = Instant.parse("2026-11-22T08:00:00Z");

  @Test
  void anUnbrokenRunGoesAtOnce() {
    OutboxWindow w = new OutboxWindow(Duration.ofSeconds(30));
    assertThat(w.deliverable(100, List.of(101L, 102L, 103L), t0)).containsExactly(101L, 102L, 103L);
  }

  @Test
  void aGapHoldsWhatFollowsUntilItCommitsOrTimesOut() {
    OutboxWindow w = new OutboxWindow(Duration.ofSeconds(30));
    // 102 is not visible yet: 101 goes, 103 waits
    assertThat(w.deliverable(100, List.of(101L, 103L), t0)).containsExactly(101L);
    assertThat(w.deliverable(101, List.of(103L), t0.plusSeconds(10))).isEmpty();
    // 102 commits: both go, in order
    assertThat(w.deliverable(101, List.of(102L, 103L), t0.plusSeconds(11)))
        .containsExactly(102L, 103L);
  }

  @Test
  void aGapThatStaysOpenPastTheWaitIsPassed() {
    OutboxWindow w = new OutboxWindow(Duration.ofSeconds(30));
    assertThat(w.deliverable(100, List.of(102L, 103L), t0)).isEmpty();
    assertThat(w.deliverable(100, List.of(102L, 103L), t0.plusSeconds(29))).isEmpty();
    assertThat(w.deliverable(100, List.of(102L, 103L), t0.plusSeconds(30)))
        .containsExactly(102L, 103L);
    // a later gap gets its own wait, from when it is first seen
    assertThat(w.deliverable(103, List.of(105L), t0.plusSeconds(31))).isEmpty();
    assertThat(w.deliverable(103, List.of(105L), t0.plusSeconds(61))).containsExactly(105L);
  }

  @Test
  void nothingVisibleDeliversNothing() {
    assertThat(new OutboxWindow(Duration.ZERO).deliverable(7, List.of(), t0)).isEmpty();
  }
}
