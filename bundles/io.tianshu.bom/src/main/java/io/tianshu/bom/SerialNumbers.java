package io.tianshu.bom;

import java.util.Comparator;

/**
 * The order of end-item serial numbers used by serial effectivity: leading zeros are ignored, then
 * a shorter serial comes first, then serials of equal length compare character by character. For
 * serials made of digits this is their numeric order ("99" &lt; "100" = "0100"); for serials with a
 * fixed prefix ("SN0999" &lt; "SN1000") it is the order they are issued in, as long as the
 * numbering keeps one width or grows in length. No arithmetic is done, so serials of any length
 * work.
 */
public final class SerialNumbers {
  /** Compares two serials in the order above. */
  public static final Comparator<String> ORDER = SerialNumbers::compare;

  private SerialNumbers() {}

  public static int compare(String a, String b) {
    String x = stripLeadingZeros(a);
    String y = stripLeadingZeros(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  /** Whether {@code serial} lies in {@code from..to} (both inclusive; a null end is open). */
  public static boolean within(String serial, String from, String to) {
    return (from == null || compare(from, serial) <= 0) && (to == null || compare(serial, to) <= 0);
  }

  /** Whether two ranges share a serial; a range with both ends null holds every serial. */
  public static boolean overlap(String fromA, String toA, String fromB, String toB) {
    String lo = fromA == null ? fromB : fromB == null ? fromA : max(fromA, fromB);
    String hi = toA == null ? toB : toB == null ? toA : min(toA, toB);
    return lo == null || hi == null || compare(lo, hi) <= 0;
  }

  private static String max(String a, String b) {
    return compare(a, b) >= 0 ? a : b;
  }

  private static String min(String a, String b) {
    return compare(a, b) <= 0 ? a : b;
  }

  private static String stripLeadingZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }
}
