package io.tianshu.connector.modbus.internal;

import java.util.Locale;

/**
 * The four Modbus data tables. Coils and discrete inputs are bits, read up to 2000 per request;
 * holding and input registers are 16-bit words, read up to 125 per request (the protocol's limits:
 * a response fits in one 253-byte PDU).
 */
public enum RegisterType {
  COIL("coil", true, 2000),
  DISCRETE("discrete", true, 2000),
  INPUT("input", false, 125),
  HOLDING("holding", false, 125);

  private final String prefix;
  private final boolean bit;
  private final int maxPerRequest;

  RegisterType(String prefix, boolean bit, int maxPerRequest) {
    this.prefix = prefix;
    this.bit = bit;
    this.maxPerRequest = maxPerRequest;
  }

  /** The name used in addresses: {@code coil}, {@code discrete}, {@code input}, {@code holding}. */
  public String prefix() {
    return prefix;
  }

  public boolean bit() {
    return bit;
  }

  /** The most items one read request may ask for. */
  public int maxPerRequest() {
    return maxPerRequest;
  }

  /** The type with this prefix, or null. */
  public static RegisterType ofPrefix(String s) {
    String p = s.trim().toLowerCase(Locale.ROOT);
    for (RegisterType t : values()) {
      if (t.prefix.equals(p)) {
        return t;
      }
    }
    return null;
  }
}
