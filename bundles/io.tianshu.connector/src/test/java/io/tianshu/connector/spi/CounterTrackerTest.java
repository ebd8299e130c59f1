package io.tianshu.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.connector.spi.CounterTracker.CounterState;
import io.tianshu.connector.spi.CounterTracker.Kind;
import io.tianshu.connector.spi.CounterTracker.Step;
import org.junit.jupiter.api.Test;

class CounterTrackerTest {
  private final CounterTracker t16 = new CounterTracker(16, 0);
  private final CounterTracker t32 = new CounterTracker(32, 0);

  @Test
  void firstReadingIsABaseline() {
    Step s = t16.next(null, 1234);
    assertThat(s.kind()).isEqualTo(Kind.BASELINE);
    assertThat(s.delta()).isZero();
    assertThat(s.to()).isEqualTo(new CounterState(1234, 0));
  }

  @Test
  void countsIncrements() {
    Step s = t16.next(new CounterState(10, 100), 17);
    assertThat(s.kind()).isEqualTo(Kind.COUNT);
    assertThat(s.delta()).isEqualTo(7);
    assertThat(s.to()).isEqualTo(new CounterState(17, 107));
  }

  @Test
  void unchangedCountsNothing() {
    Step s = t16.next(new CounterState(10, 100), 10);
    assertThat(s.kind()).isEqualTo(Kind.UNCHANGED);
    assertThat(s.delta()).isZero();
    assertThat(s.to()).isEqualTo(new CounterState(10, 100));
  }

  @Test
  void wrapsAt16Bits() {
    Step s = t16.next(new CounterState(65535, 500), 3);
    assertThat(s.kind()).isEqualTo(Kind.WRAP);
    assertThat(s.delta()).isEqualTo(4);
    assertThat(s.to()).isEqualTo(new CounterState(3, 504));
  }

  @Test
  void wrapsAt32Bits() {
    Step s = t32.next(new CounterState(4294967290L, 0), 5);
    assertThat(s.kind()).isEqualTo(Kind.WRAP);
    assertThat(s.delta()).isEqualTo(11);
  }

  @Test
  void sixteenBitReadingsAreMaskedSoA32BitRegisterStillWraps() {
    // a 16-bit counter delivered in a UInt32: 65536 is 0
    assertThat(t16.next(new CounterState(65534, 0), 65536).delta()).isEqualTo(2);
  }

  @Test
  void resetToZeroCountsNothingAndResetToSmallValueCountsIt() {
    Step zero = t16.next(new CounterState(500, 900), 0);
    assertThat(zero.kind()).isEqualTo(Kind.RESET);
    assertThat(zero.delta()).isZero();
    assertThat(zero.to()).isEqualTo(new CounterState(0, 900));

    Step small = t16.next(new CounterState(500, 900), 2);
    assertThat(small.kind()).isEqualTo(Kind.RESET);
    assertThat(small.delta()).isEqualTo(2);
    assertThat(small.to()).isEqualTo(new CounterState(2, 902));
  }

  @Test
  void configuredWrapWindowDecidesBetweenWrapAndReset() {
    CounterTracker narrow = new CounterTracker(16, 10);
    assertThat(narrow.next(new CounterState(65530, 0), 3).kind()).isEqualTo(Kind.WRAP);
    assertThat(narrow.next(new CounterState(65500, 0), 3).kind()).isEqualTo(Kind.RESET);
  }

  @Test
  void restartContinuesFromThePersistedReadingWithoutDoubleCountOrLoss() {
    // run 1: baseline 100, then 105 and 110 are counted
    CounterState s = t16.next(null, 100).to();
    long counted = 0;
    for (long raw : new long[] {105, 110}) {
      Step step = t16.next(s, raw);
      counted += step.delta();
      s = step.to();
    }
    CounterState persisted = new CounterState(s.raw(), s.total());
    // the connector stops; the machine makes 7 more; on restart the persisted state is loaded
    Step afterRestart = t16.next(persisted, 117);
    counted += afterRestart.delta();
    assertThat(afterRestart.kind()).isEqualTo(Kind.COUNT);
    assertThat(afterRestart.from().total()).isEqualTo(10);
    assertThat(afterRestart.to().total()).isEqualTo(17);
    assertThat(counted).isEqualTo(17);
    // the same reading again (a replay after reconnect) counts nothing
    assertThat(t16.next(afterRestart.to(), 117).delta()).isZero();
  }

  @Test
  void rejectsOtherWidths() {
    assertThatThrownBy(() -> new CounterTracker(8, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
