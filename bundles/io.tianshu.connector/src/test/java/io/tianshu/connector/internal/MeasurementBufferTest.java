package io.tianshu.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.connector.internal.MeasurementBuffer.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementBufferTest {
  private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

  private static Value v(int i) {
    return new Value("d", i, T.plusMillis(i));
  }

  /** A database that stores batches and can be told to be down. */
  static final class Db implements MeasurementBuffer.Writer {
    final List<List<Value>> batches = new ArrayList<>();
    boolean down;

    @Override
    public void write(List<Value> batch) {
      if (down) {
        throw new IllegalStateException("database down");
      }
      batches.add(List.copyOf(batch));
    }

    List<Double> values() {
      List<Double> out = new ArrayList<>();
      batches.forEach(b -> b.forEach(x -> out.add(x.value())));
      return out;
    }
  }

  @Test
  void valuesAreWrittenInBatchesInOrder() {
    Db db = new Db();
    MeasurementBuffer b = new MeasurementBuffer(100, 4, db);
    boolean full = false;
    for (int i = 0; i < 10; i++) {
      full = b.add(v(i));
    }
    assertThat(full).isTrue();
    assertThat(b.flush()).isEqualTo(10);
    // 10 values in batches of 4: 4 + 4 + 2, three transactions instead of ten
    assertThat(db.batches).extracting(List::size).containsExactly(4, 4, 2);
    assertThat(db.values()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
    assertThat(b.written()).isEqualTo(10);
    assertThat(b.pending()).isZero();
  }

  @Test
  void aFailedBatchIsKeptAndWrittenLaterInOrder() {
    Db db = new Db();
    MeasurementBuffer b = new MeasurementBuffer(100, 3, db);
    for (int i = 0; i < 5; i++) {
      b.add(v(i));
    }
    db.down = true;
    assertThat(b.flush()).isZero();
    assertThat(b.pending()).isEqualTo(5);
    assertThat(b.lastError()).contains("database down");
    b.add(v(5));
    db.down = false;
    assertThat(b.flush()).isEqualTo(6);
    assertThat(db.values()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0);
    assertThat(b.lastError()).isNull();
    assertThat(b.dropped()).isZero();
  }

  @Test
  void whileTheDatabaseIsDownTheOldestBeyondCapacityAreDropped() {
    Db db = new Db();
    db.down = true;
    MeasurementBuffer b = new MeasurementBuffer(5, 2, db);
    for (int i = 0; i < 8; i++) {
      b.add(v(i));
    }
    assertThat(b.flush()).isZero();
    // capacity 5: values 0, 1, 2 were dropped, 3..7 wait; nothing is lost beyond what is counted
    assertThat(b.dropped()).isEqualTo(3);
    assertThat(b.pending()).isEqualTo(5);
    db.down = false;
    b.flush();
    assertThat(db.values()).containsExactly(3.0, 4.0, 5.0, 6.0, 7.0);
    assertThat(b.written() + b.dropped()).isEqualTo(8);
  }
}
