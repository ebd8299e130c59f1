package io.tianshu.connector.modbus.internal;

/**
 * Decodes register words into values. A register is a 16-bit word sent high byte first; some
 * devices put the bytes of a register the other way round ({@code byteOrder = LITTLE}). A 32-bit
 * value spans two registers: high word first ({@code wordOrder = BIG}, the Modbus convention) or
 * low word first ({@code wordOrder = LITTLE}, common on PLCs with little-endian CPUs).
 *
 * <p>Words are ints 0-65535, as j2mod gives them ({@code Register.getValue()}).
 */
public final class Decoder {
  private final boolean swapBytes;
  private final boolean lowWordFirst;

  public Decoder(ByteOrder byteOrder, ByteOrder wordOrder) {
    this.swapBytes = byteOrder == ByteOrder.LITTLE;
    this.lowWordFirst = wordOrder == ByteOrder.LITTLE;
  }

  /** Big or little end first: of the two bytes in a register, or of the two words of 32 bits. */
  public enum ByteOrder {
    BIG,
    LITTLE
  }

  private int word(int w) {
    w &= 0xFFFF;
    return swapBytes ? ((w & 0xFF) << 8) | (w >>> 8) : w;
  }

  /** The 32 bits of two consecutive registers {@code w0} (lower address) and {@code w1}. */
  private int bits32(int w0, int w1) {
    int a = word(w0);
    int b = word(w1);
    return lowWordFirst ? (b << 16) | a : (a << 16) | b;
  }

  /**
   * The integral value of the registers at {@code words[offset..]}: unsigned types give 0..2^n-1,
   * signed ones their two's complement value.
   */
  public long integral(DataType type, int[] words, int offset) {
    return switch (type) {
      case BOOL -> words[offset] != 0 ? 1 : 0;
      case UINT16 -> word(words[offset]);
      case INT16 -> (short) word(words[offset]);
      case UINT32 -> bits32(words[offset], words[offset + 1]) & 0xFFFF_FFFFL;
      case INT32 -> bits32(words[offset], words[offset + 1]);
      case FLOAT32 -> (long) Float.intBitsToFloat(bits32(words[offset], words[offset + 1]));
    };
  }

  /** The value as a number, without scaling. */
  public double value(DataType type, int[] words, int offset) {
    if (type == DataType.FLOAT32) {
      return Float.intBitsToFloat(bits32(words[offset], words[offset + 1]));
    }
    return integral(type, words, offset);
  }

  /** The value times the address's scale. */
  public double scaled(RegisterAddress a, int[] words, int offset) {
    double v = value(a.dataType(), words, offset);
    return a.scale() == 1 ? v : v * a.scale();
  }

  /** The words of a 32-bit value in this order (the simulator writes with it). */
  public int[] encode32(int value) {
    int hi = word(value >>> 16);
    int lo = word(value & 0xFFFF);
    return lowWordFirst ? new int[] {lo, hi} : new int[] {hi, lo};
  }
}
