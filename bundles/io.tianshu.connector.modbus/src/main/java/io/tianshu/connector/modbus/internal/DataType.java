package io.tianshu.connector.modbus.internal;

import java.util.Locale;

/** How a value is stored in registers: its width in words and its interpretation. */
public enum DataType {
  /** One coil or discrete input: 1 or 0. */
  BOOL(1, true),
  UINT16(1, true),
  INT16(1, true),
  UINT32(2, true),
  INT32(2, true),
  FLOAT32(2, false);

  private final int words;
  private final boolean integral;

  DataType(int words, boolean integral) {
    this.words = words;
    this.integral = integral;
  }

  /** Registers (or bits, for BOOL) the value occupies. */
  public int words() {
    return words;
  }

  public boolean integral() {
    return integral;
  }

  /** Width in bits of an integral value (1 for BOOL). */
  public int bits() {
    return this == BOOL ? 1 : words * 16;
  }

  /** The type of this name ({@code uint16}, {@code float32}, ...), or null. */
  public static DataType of(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
