package io.tianshu.connector.spi;

/**
 * Turns successive raw readings of a machine counter into counted deltas. Plain Java, no OSGi and
 * no Milo, so that it is tested alone.
 *
 * <p>A counter is an unsigned integer of {@code bits} (16 or 32) bits. Each step compares the new
 * raw value with the last one:
 *
 * <ul>
 *   <li>equal: nothing counted;
 *   <li>larger: the difference is counted, however large (the machine kept counting while we were
 *       disconnected or stopped: nothing is lost);
 *   <li>smaller, and the way round the top ({@code 2^bits - last + value}) is at most {@code
 *       wrapWindow}: the counter wrapped, that distance is counted (65535 → 3 at 16 bits counts 4);
 *   <li>smaller otherwise: the counter was reset (to 0 or a small value) and the new value is what
 *       it counted since the reset.
 * </ul>
 *
 * The first reading ever of a signal (no persisted state) is a baseline: what the counter held
 * before the connector knew it is not counted. {@link CounterState#total()} is the running sum of
 * everything counted for the signal; the range {@code [from.total, to.total)} names a delta
 * uniquely, which makes report ids deterministic.
 */
public final class CounterTracker {
  /** What the tracker knows of a counter: its last raw value and the total counted so far. */
  public record CounterState(long raw, long total) {}

  /** What a step did. */
  public enum Kind {
    BASELINE,
    UNCHANGED,
    COUNT,
    WRAP,
    RESET
  }

  /** One step: what was counted ({@code delta}) and the state after it. */
  public record Step(Kind kind, long delta, CounterState from, CounterState to) {}

  private final int bits;
  private final long modulus;
  private final long wrapWindow;

  /**
   * @param bits 16 or 32
   * @param wrapWindow the largest distance across the top still taken as a wrap; 0 for the default,
   *     a quarter of the counter range
   */
  public CounterTracker(int bits, long wrapWindow) {
    if (bits != 16 && bits != 32) {
      throw new IllegalArgumentException("counter bit width must be 16 or 32 / 计数器位宽必须为 16 或 32");
    }
    if (wrapWindow < 0) {
      throw new IllegalArgumentException("wrap window must not be negative / 回绕窗口不能为负数");
    }
    this.bits = bits;
    this.modulus = 1L << bits;
    this.wrapWindow = wrapWindow == 0 ? modulus / 4 : Math.min(wrapWindow, modulus - 1);
  }

  public int bits() {
    return bits;
  }

  /** Masks a raw reading to the counter's width (a device may send a wider type). */
  public long normalize(long raw) {
    return raw & (modulus - 1);
  }

  /** The step from {@code last} (null when nothing is known yet) to the reading {@code raw}. */
  public Step next(CounterState last, long raw) {
    long value = normalize(raw);
    if (last == null) {
      CounterState to = new CounterState(value, 0);
      return new Step(Kind.BASELINE, 0, null, to);
    }
    long previous = normalize(last.raw());
    if (value == previous) {
      return new Step(Kind.UNCHANGED, 0, last, last);
    }
    long delta;
    Kind kind;
    if (value > previous) {
      delta = value - previous;
      kind = Kind.COUNT;
    } else {
      long across = modulus - previous + value;
      if (across <= wrapWindow) {
        delta = across;
        kind = Kind.WRAP;
      } else {
        delta = value;
        kind = Kind.RESET;
      }
    }
    return new Step(kind, delta, last, new CounterState(value, last.total() + delta));
  }
}
